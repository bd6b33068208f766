import { addBusinessDays, assignProposal, followUpProposal, proposalWrites, type Acta, type IsoDate, type Person, type Plenaria, type Proposal, type ProposalStatus } from '@okr/core';

/** One step of a proposal's follow-up, `inDays` business days after its acta was signed (the OAP assigns it, then who takes it reports). */
type Step = { inDays: number; by: string } & ({ assign: string } | { status: ProposalStatus; note?: string; impact?: string });

/**
 * How the demo's proposals went, by session of the monthly series (the previous quarter's last
 * month, then this quarter's months; a session with nothing here keeps its proposals «recibida»)
 * and by their order in the acta: what the Secretario answered in the session and what the
 * people who took them did since (seed 004: «cuáles se estudian, cuáles se adoptan y cuáles no son viables»).
 */
const FOLLOW_UPS: ReadonlyArray<ReadonlyArray<readonly Step[]>> = [
  [
    [
      { inDays: 3, by: 'oap-1', assign: 'lider-dgth' },
      { inDays: 5, by: 'lider-dgth', status: 'en_estudio', note: 'Se revisan las metas por equipo con los jefes de las dependencias que lo pidieron.' },
      { inDays: 22, by: 'lider-dgth', status: 'adoptada', note: 'El comité directivo aprobó un piloto de dos días de trabajo en casa en tres dependencias desde noviembre.' },
    ],
    [
      { inDays: 3, by: 'oap-1', assign: 'lider-sgl' },
      { inDays: 8, by: 'lider-sgl', status: 'adoptada', note: 'La ruta de inducción se arma con Talento Humano: una jornada presencial y un curso virtual.' },
      {
        inDays: 30,
        by: 'lider-sgl',
        status: 'implementada',
        note: 'Primera cohorte de la ruta de inducción terminada.',
        impact: '17 personas nuevas de 6 alcaldías locales hicieron la inducción; calificaron la jornada con 4,6 de 5 y las solicitudes de soporte básico a la mesa de ayuda bajaron de 41 a 23 en su primer mes.',
      },
    ],
    [
      { inDays: 3, by: 'oap-1', assign: 'lider-dti' },
      { inDays: 10, by: 'lider-dti', status: 'en_estudio', note: 'Inventario de las salas de las sedes locales en curso: 9 de 20 tienen equipo de videoconferencia.' },
      { inDays: 26, by: 'lider-dti', status: 'no_viable', note: 'No hay presupuesto en 2026 para los equipos de las 11 salas que faltan; se incluyen en el anteproyecto de presupuesto 2027.' },
    ],
    [
      { inDays: 2, by: 'oap-1', assign: 'oap-2' },
      { inDays: 4, by: 'oap-2', status: 'adoptada', note: 'El orden del día de las plenarias menores incluye desde octubre el reconocimiento a un equipo.' },
      { inDays: 40, by: 'oap-2', status: 'implementada', note: 'Revisadas las actas de las plenarias menores del cuarto trimestre.', impact: 'Las 12 plenarias menores firmadas del trimestre reconocieron a un equipo; 9 de las 12 actas nombran el aporte concreto a un resultado clave.' },
    ],
  ],
  [
    [
      { inDays: 2, by: 'oap-1', assign: 'lider-oap' },
      { inDays: 6, by: 'lider-oap', status: 'en_estudio', note: 'Se prueba un formato de una página con cinco unidades en el reporte de noviembre.' },
    ],
    [
      { inDays: 2, by: 'oap-1', assign: 'lider-dgth' },
      { inDays: 9, by: 'lider-dgth', status: 'adoptada', note: 'Se programan con la ARL dos pausas activas semanales en las sedes de las alcaldías a partir de diciembre.' },
    ],
    // «Compartir las buenas prácticas…»: received, still to be assigned.
    [],
  ],
  [
    [
      { inDays: 3, by: 'oap-1', assign: 'lider-oac' },
      { inDays: 7, by: 'lider-oac', status: 'en_estudio', note: 'Se diseña con la OAP una nota mensual de una página para la intranet con el tablero de la entidad.' },
    ],
    [
      { inDays: 3, by: 'oap-1', assign: 'lider-dadm' },
      { inDays: 8, by: 'lider-dadm', status: 'en_estudio', note: 'Se levantan los trámites internos que más piden las alcaldías: contratos, comisiones y bienes.' },
    ],
    [{ inDays: 4, by: 'oap-1', assign: 'lider-dgth' }],
  ],
];

/**
 * The proposals of the demo's signed dialogue sessions, as their signing brought them, with the
 * follow-up since: every step dated after the signing and before today (a step that would fall on
 * or after today has not happened yet, nor anything after it).
 */
export function buildDemoProposals(today: IsoDate, data: { plenarias: readonly Plenaria[]; actas: readonly Acta[] }, people: readonly Person[]): Proposal[] {
  const names = new Map(people.map((p) => [p.id, p.name]));
  const sessions = data.plenarias.filter((p) => p.kind === 'dialogo').sort((a, b) => a.date.localeCompare(b.date));
  return sessions.flatMap((session, s) => {
    const acta = data.actas.filter((a) => a.plenariaId === session.id).at(-1);
    const signedAt = acta?.signatures.presiding?.at;
    if (!acta || !signedAt) return [];
    return proposalWrites(acta, session, [], signedAt, session.secretaryId).map(({ proposal }, i) => {
      let p = proposal;
      for (const step of FOLLOW_UPS[s]?.[i] ?? []) {
        const day = addBusinessDays(signedAt.slice(0, 10), step.inDays);
        if (day >= today) break;
        const at = `${day}T${String(14 + (i % 4)).padStart(2, '0')}:${String((s * 17 + i * 11) % 60).padStart(2, '0')}:00.000Z`;
        const result = 'assign' in step ? assignProposal(p, step.assign, names.get(step.assign) ?? step.assign, step.by, at) : followUpProposal(p, step, step.by, at);
        if (!result.ok) throw new Error(`demo proposal ${p.id}: ${result.message}`);
        p = { ...result.proposal, version: p.version + 1 };
      }
      return p;
    });
  });
}
