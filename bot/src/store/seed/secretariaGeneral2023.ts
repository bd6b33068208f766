import type { PeiChange, PeiIndicator, PeiObjective, PeiPlan, PeiProgramming, PeiValue, PeiWeight } from '@okr/core';

/**
 * Seed 002 exactly as it prints it: the Secretaría General de la Alcaldía Mayor de Bogotá's PEI at
 * 30 June 2023 — its 8 objectives, the indicators of each (indicator 543 serves objectives 2 and 3)
 * with «Programación 2023», «Programación al corte» and «Magnitud ejecutada al corte», the analysis
 * its areas wrote (public: the entity published them), the notes and the «Control de cambios».
 * Weights are equal (the seed gives none, and its figures need no other: see the ADR). Published as
 * open data as another entity's example; its validation date is not in the seed (21 July 2023 here).
 */
export const SG_PLAN_ID = 'sg-pei-2020-2024';
export const SG_CUTOFF = '2023-06-30';
const YEAR = 2023;
const VALIDATED_AT = '2023-07-21T15:00:00.000Z';

export const SG_PLAN: PeiPlan = {
  id: SG_PLAN_ID,
  entity: 'Secretaría General de la Alcaldía Mayor de Bogotá D.C.',
  name: 'Plan Estratégico Institucional 2020-2024',
  startYear: 2020,
  endYear: 2024,
  mission:
    'La Secretaría General de la Alcaldía Mayor de Bogotá D.C., es la entidad líder del sector Gestión Pública que desarrolla condiciones para generar valor público, con el fin de lograr una ciudad moderna con un modelo de gobierno abierto, contribuir a la construcción de la paz y la reconciliación, y mejorar la calidad de vida de la ciudadanía.',
  vision:
    'En 2030 la Secretaría General de la Alcaldía Mayor de Bogotá, D.C., será reconocida por posicionar una gestión pública distrital moderna, eficiente, transparente y abierta, y por generar las condiciones necesarias para la consolidación de la paz y la reconciliación en Bogotá Región, a través de los valores institucionales y en diálogo permanente con la ciudadanía.',
  own: false,
  version: 1,
};

const OBJECTIVES: string[] = [
  'Implementar estrategias y acciones que aporten a la construcción de la paz, la reparación, la memoria y la reconciliación en Bogotá Región.',
  'Posicionar un modelo de gobierno abierto bajo los pilares de transparencia, participación y colaboración, con articulación intersectorial, que facilite un relacionamiento democrático entre la administración y la ciudadanía, a través del aprovechamiento de las TIC y la innovación pública.',
  'Consolidar una gestión pública eficiente, a través del desarrollo de capacidades institucionales, para contribuir a la generación de valor público.',
  'Promover procesos de transformación digital en la Secretaría General para aportar a la gestión pública eficiente.',
  'Fortalecer la prestación del servicio a la ciudadanía con oportunidad, eficiencia y transparencia, a través del uso de la tecnología y la cualificación de los servidores.',
  'Conocer los referentes internacionales de gestión pública, a través de estrategias de cooperación y articulación, para lograr que la administración distrital mejore su gestión pública y posicione las buenas prácticas que realiza.',
  'Mejorar la oportunidad en la ejecución de los recursos, a través del fortalecimiento de una cultura financiera, para lograr una gestión pública efectiva.',
  'Fomentar la innovación y la gestión del conocimiento, a través del fortalecimiento de las competencias del talento humano de la entidad, con el propósito de mejorar la capacidad institucional y su gestión.',
];

export const SG_OBJECTIVES: PeiObjective[] = OBJECTIVES.map((title, i) => ({ id: `sg-oe${i + 1}`, planId: SG_PLAN_ID, number: i + 1, title, institutionalObjectiveId: null }));

/** One printed row: [objective numbers, id, kind, reference, name, annual, at cut-off, executed, analysis, note]. */
type Row = [number[], string, PeiIndicator['kind'], string, string, number, number, number, string, string | null];
const CORPORATIVA = '(*) Estos indicadores están a cargo de la Subsecretaría Corporativa de la Secretaría General.';
export const SG_ROWS: Row[] = [
  [[1], 'sg-321', 'sectorial', 'Indicador sectorial 321', 'Porcentaje de avance en la implementación de una estrategia para la consolidación de Bogotá Región, como epicentro de paz y reconciliación, a través de la implementación de los Acuerdos de Paz en el Distrito.', 90, 73.5, 72.5,
    'Está pendiente realizar acciones de asistencia técnica y articulación intersectorial y local para el desarrollo de procesos de Paz y la Reconciliación del mes de junio debido a la finalización el Convenio 762 de 2022. Dicha actividad será adelantada en el segundo semestre de 2023 a través del nuevo Convenio celebrado con la Organización Internacional para las Migraciones – OIM.', null],
  [[1], 'sg-7871-4', 'inversion', 'Meta proyecto de inversión N°4, proyecto 7871', 'Implementar 100% de la formulación y puesta en marcha de la Política Pública Distrital de Víctimas, memoria, paz y reconciliación.', 90, 66.67, 66.67, '', null],
  [[2], 'sg-464', 'sectorial', 'Indicador sectorial 464', 'Número de estrategias para el posicionamiento, cualificación y empoderamiento ciudadano implementadas.', 1, 0.5, 0.5, '', null],
  [[2, 3], 'sg-543', 'sectorial', 'Indicador sectorial 543', 'Porcentaje de avance en la implementación de estrategias para fortalecer la gestión y la innovación pública distrital.', 24, 16, 16, '', null],
  [[2], 'sg-554', 'sectorial', 'Indicador sectorial 554', 'Porcentaje de lineamientos distritales en materia de comunicación pública, formulados, implementados y monitoreados.', 90, 80.5, 80.5, '', null],
  [[3], 'sg-552', 'sectorial', 'Indicador sectorial 552*', 'Porcentaje de avance en la implementación de la estrategia de apropiación del patrimonio documental y fortalecimiento de la gestión documental distrital.', 80, 66.16, 66.16, '',
    '* A partir de la vigencia 2022, se incluyó el indicador sectorial 552 para medir el cumplimiento del objetivo 3. Esto según solicitud del Comité de Gestión y Desempeño del 22/10/2021.'],
  [[4], 'sg-513', 'sectorial', 'Indicador sectorial 513', 'Porcentaje de avance de las agendas de transformación digital implementadas.', 75, 60, 60, '', null],
  [[4], 'sg-514', 'sectorial', 'Indicador sectorial 514*', 'Política Pública TIC formulada.', 1, 1, 1, 'Según Conpes 29 de 2023.',
    '(*): La programación del indicador sectorial Nro. 514 finalizaba en la vigencia 2022. Sin embargo, se alcanzó un cumplimiento del 90%, el 10% restante se cumplirá en la vigencia 2023. Por lo anterior, se registra la programación respectiva.'],
  [[5], 'sg-545', 'sectorial', 'Indicador sectorial 545', 'Número de orientaciones y solicitudes recibidas a través de la línea 195.', 5486863, 2743434, 1474056,
    'Presenta un rezago de 1.269.378 debido entre otros aspectos a la preferencia de la ciudadanía en hacer uso de otros canales, como Chatico, entre otros canales virtuales.', null],
  [[5], 'sg-546', 'sectorial', 'Indicador sectorial 546', 'Número de PQRS recibidas por otros canales.', 208446, 104220, 150623,
    'El resultado de este indicador está condicionado a la presentación de PQRS por parte de La ciudadanía en los diferentes temas de las entidades distritales, por lo cual, se recomienda realizar monitoreo constante hasta el mes de junio para identificar el comportamiento de la atención y de esta manera poder determinar la magnitud a reprogramar.', null],
  [[6], 'sg-551', 'sectorial', 'Indicador sectorial 551', 'Número de acciones para la proyección y cooperación internacional de Bogotá y la región ejecutadas.', 20, 9, 9, '', null],
  [[7], 'sg-g-presupuesto', 'gestion', 'Meta de gestión*', 'Porcentaje de presupuesto comprometido de la Secretaría General.', 100, 100, 95,
    'Al corte de junio de 2023 se logró comprometer el 95% del total de la apropiación presupuestal asignada derivada de la contratación de bienes y servicios; gastos de personal y funcionamiento, los cuales permiten el cumplimiento de las metas misionales de la Entidad.', CORPORATIVA],
  [[7], 'sg-g-recursos', 'gestion', 'Meta de gestión*', 'Porcentaje de la estrategia anual para mejorar la oportunidad en la ejecución de los recursos en la Secretaría General.', 100, 100, 100, '', CORPORATIVA],
  [[8], 'sg-g-pic', 'gestion', 'Meta de gestión', 'Implementación del Plan Institucional de Capacitación – PIC.', 100, 100, 100, '', CORPORATIVA],
];

const AREA: Record<string, string> = { 'sg-g-presupuesto': 'Subsecretaría Corporativa', 'sg-g-recursos': 'Subsecretaría Corporativa', 'sg-g-pic': 'Subsecretaría Corporativa' };
const isCount = (name: string) => name.startsWith('Número');

export const SG_INDICATORS: PeiIndicator[] = SG_ROWS.map(([, id, kind, reference, name, , , , , note]) => ({
  id,
  planId: SG_PLAN_ID,
  kind,
  reference,
  name,
  responsibleUnitId: null,
  responsibleArea: AREA[id] ?? 'Secretaría General',
  unitOfMeasure: isCount(name) ? (id === 'sg-464' ? 'estrategias' : id === 'sg-551' ? 'acciones' : 'solicitudes') : name.startsWith('Política') ? 'política' : '%',
  method: 'magnitud',
  variables: null,
  additive: isCount(name),
  breakdown: { locality: false, differential: [] },
  planMeta: null,
  note,
}));

export const SG_WEIGHTS: PeiWeight[] = SG_ROWS.flatMap(([objectives, id]) => objectives.map((n) => ({ planId: SG_PLAN_ID, year: YEAR, objectiveId: `sg-oe${n}`, indicatorId: id, weight: 1 })));

export const SG_PROGRAMMING: PeiProgramming[] = SG_ROWS.map(([, id, , , , annual, atCutoff]) => ({
  planId: SG_PLAN_ID,
  indicatorId: id,
  year: YEAR,
  annual,
  monthly: Array.from({ length: 12 }, (_, m) => (m === 5 ? atCutoff : m === 11 ? annual : null)),
}));

export const SG_VALUES: PeiValue[] = SG_ROWS.map(([, id, , , , , , executed, analysis]) => ({
  planId: SG_PLAN_ID,
  indicatorId: id,
  cutoff: SG_CUTOFF,
  year: YEAR,
  executed,
  numerator: null,
  denominator: null,
  localities: null,
  differential: {},
  analysis,
  analysisPublic: true,
  jumpExplanation: '',
  state: 'validated',
  oapReturn: null,
  validatedAt: VALIDATED_AT,
  history: [],
  version: 1,
}));

export const SG_CHANGES: PeiChange[] = [
  {
    id: 'sg-cambio-001',
    planId: SG_PLAN_ID,
    version: 'Versión 3 · 001',
    objectiveId: 'sg-oe4',
    indicatorId: 'sg-514',
    description:
      'Meta sectorial 469: Formular la política pública de Bogotá territorio inteligente. Indicador sectorial 514: Política Pública TIC formulada. La programación del indicador finalizaba en la vigencia 2022, sin embargo, alcanzó 90% de cumplimiento. Por lo cual, se ajustó la programación del indicador en la vigencia 2023, la cual quedó para cumplir el 10% faltante.',
    at: '2023-01-31T15:00:00.000Z',
    by: 'Oficina Asesora de Planeación',
  },
];
