/** OKR: check-ins, the tree, the dashboard (es-CO). */
import { counted, inNumber } from '../../format/index.js';

export const fieldLabels = { value: 'Avance', comment: 'Comentario', evidenceUrl: 'Enlace a la evidencia' } as const;

/** Check-in validation (core) and refusals (services). */
export const checkInMessages = {
  valueRequired: 'escribe el avance.',
  valueNotNumber: (raw: string) => `«${raw}» no es un número. Usa cifras, por ejemplo 45 o 45,5.`,
  valueAmbiguous: (raw: string, esCo: string, other: string) =>
    `«${raw}» se puede leer de dos formas: ¿quisiste decir ${esCo} o ${other}? Escríbelo sin punto de miles y con coma decimal, por ejemplo ${esCo}.`,
  staleCheckIn: (current: string, author: string) =>
    `otra persona lo guardó mientras lo editabas: ahora dice ${current} (lo guardó ${author}). No se guardó tu cambio: revísalo y, si el tuyo es el correcto, guarda de nuevo.`,
  percentageRange: 'debe estar entre 0 y 100.',
  numberNegative: 'no puede ser negativo.',
  numberTooLarge: (max: string) => `es demasiado grande para este resultado clave (máximo ${max}). Revisa la cifra.`,
  milestoneChoice: 'elige «Cumplido» o «No cumplido».',
  commentRequired: 'escribe un comentario que muestre el avance.',
  commentTooLong: (max: number) => `no puede superar ${max.toLocaleString('es-CO')} caracteres.`,
  noMarkup: 'no puede contener etiquetas HTML ni código.',
  evidenceRequired: 'pega el enlace donde se consulta la evidencia.',
  evidenceNotHttps: 'debe ser un enlace https:// válido (por ejemplo, la carpeta de SharePoint o OneDrive).',
  evidenceNotASite: 'debe llevar al sitio por su nombre (por ejemplo …sharepoint.com): no se admiten direcciones IP, localhost ni enlaces con usuario o contraseña.',
  evidenceTooLong: (max: number) => `no puede superar ${max.toLocaleString('es-CO')} caracteres.`,
  unknownKeyResult: 'Este resultado clave ya no hace parte del set del trimestre. Pide de nuevo la tarjeta con «check-in».',
  fieldError: (krTitle: string, field: string, problem: string) => `«${krTitle}» — ${field}: ${problem}`,
  periodNotOpen: (month: string) => `El mes de ${month} ya no recibe reportes: su trimestre se cerró. Escribe «check-in» para ver los meses que puedes reportar.`,
  periodNotStarted: (month: string) => `Todavía no se puede reportar ${month}: el mes no ha empezado.`,
  allClosed: (unit: string) => `El equipo ETI ya cerró todos los meses de ${unit} de este trimestre: no hay nada por reportar.`,
  nothingTyped: 'No escribiste ningún avance. Completa al menos un resultado clave (avance, comentario y enlace a la evidencia).',
  monthClosed: (unit: string, month: string) =>
    `El equipo ETI ya cerró el reporte de ${month} de ${unit}: no se puede modificar. Si hay un error, pide al equipo ETI que solicite una corrección.`,
} as const;

/** The bot's check-in card, its confirmation, `check-in`, `pendientes` and `mis okr`. */
export const okrBotText = {
  commands: {
    checkIn: 'Reporta el avance mensual de los resultados clave de tu unidad (también «reportar» o «avance»).',
    pending: 'Lo que falta por reportar en cada unidad que reportas: cada mes abierto, con lo que falta y las correcciones pedidas.',
    myOkr: 'Resumen de los objetivos de tus unidades, con enlace a la pestaña.',
  },
  noUnits: {
    title: 'No tienes unidades para reportar',
    text: 'Solo el enlace OKR o el líder de una unidad pueden reportar sus avances. Si debes reportar, pide al equipo ETI que te registre como enlace de tu unidad.',
  },
  cannotOpen: 'No se puede abrir el check-in',
  chooseUnit: { title: '¿De qué unidad vas a reportar?', text: 'Reportas para varias unidades. Elige una para abrir su check-in del mes.', unitLabel: 'Unidad', open: 'Abrir su check-in' },
  card: {
    title: (month: string) => `Check-in de ${month}`,
    expectedHint: (expected: string) => `Progreso esperado hoy: ${expected} del trimestre. Puedes guardar cada resultado clave por separado; lo que guardes no se pierde.`,
    allReported: (n: number) => `Ya reportaste ${n === 1 ? 'el resultado clave' : `los ${n} resultados clave`} este mes; puedes corregirlos hasta que el equipo ETI cierre el mes.`,
    missing: (missing: number, total: number) => `${inNumber(missing, 'Falta', 'Faltan')} ${missing} de ${total} resultados clave por reportar este mes.`,
    correctionRequested: (note: string | null) => `El equipo ETI pidió una corrección: ${note ?? 'revisa las observaciones de los resultados clave marcados.'}`,
    observation: (text: string) => `Observación del equipo ETI: ${text}`,
    corrected: '✏️ Corregido después de la solicitud del equipo ETI',
    otherMonths: 'También tienes pendiente:',
    openMonth: (month: string) => `Reportar ${month}`,
    reviewFields: (n: number) => `Revisa ${n === 1 ? 'un campo' : `${n} campos`} antes de guardar. No se guardó nada.`,
    expectedToday: (value: string) => ` · esperado hoy: ${value}`,
    lastReport: (month: string, value: string, comment: string) => `Último reporte (${month}): ${value} — «${comment}»`,
    noLastReport: 'Sin reporte del mes anterior.',
    reported: (value: string, edits: number) => `✅ Reportado este mes: ${value}${edits > 0 ? ` (editado ${edits} ${edits === 1 ? 'vez' : 'veces'})` : ''}`,
    pending: 'Pendiente este mes',
    milestoneLabel: 'Estado del hito',
    percentageLabel: 'Avance (%)',
    valueLabel: (unit: string) => `Avance (${unit})`,
    percentagePlaceholder: 'Entre 0 y 100, p. ej. 45',
    valuePlaceholder: (unit: string, example: number) => `Valor en ${unit}, p. ej. ${example}`,
    commentLabel: 'Comentario del avance',
    commentPlaceholder: 'Qué se logró este mes, con cifras',
    evidenceLabel: 'Enlace a la evidencia (https)',
    evidencePlaceholder: 'https://…sharepoint.com/…',
    saveOne: 'Guardar este resultado',
    saveAll: 'Guardar todo',
    openTab: 'Abrir en la pestaña',
    moreErrors: (n: number) => `…y ${n} más, junto a cada resultado clave.`,
    keptInTab: (start: string) => `El texto guardado es más largo de lo que cabe aquí («${start}»): se conserva si dejas el campo vacío; para editarlo completo, usa la pestaña.`,
    foldedReported: 'Los resultados clave ya reportados este mes aparecen en una línea para que la tarjeta quepa en Teams; para corregir uno, usa la pestaña.',
    tooBigForCard: (n: number) => `Este set tiene ${counted(n, 'resultado clave', 'resultados clave')}: son demasiados para una tarjeta de Teams. Repórtalos en la pestaña.`,
    typedTooLong: 'Parte de lo que escribiste en los resultados sin errores no cabe en la tarjeta y no se guardó: complétalo en la pestaña.',
  },
  save: {
    notSaved: 'No se guardó el check-in',
    keyResultGone: 'Ese resultado clave ya no hace parte del set del trimestre. Escribe «check-in» para abrir la tarjeta actual.',
    unchanged: 'No había cambios: lo que enviaste ya estaba guardado.',
    saved: (titles: readonly string[], missing: number) =>
      `✅ Guardado${titles.length === 1 ? '' : 's'}: ${titles.map((t) => `«${t}»`).join(', ')}. Faltan ${missing} por reportar.`,
  },
  saved: {
    title: (month: string) => `✅ Check-in de ${month} guardado`,
    unchanged: 'No había cambios: este check-in ya estaba guardado tal cual.',
    summary: (changed: number, reported: number, expected: string) =>
      `Se guardaron ${changed} ${changed === 1 ? 'resultado clave' : 'resultados clave'}; los ${reported} del mes están reportados. Progreso esperado hoy: ${expected}.`,
    keyResult: (value: string, progress: string, status: string) => `${value} · Progreso ${progress} · ${status}`,
    viewTree: 'Ver el árbol de OKR',
    correct: 'Corregir un reporte',
  },
  pending: {
    none: {
      title: 'Sin pendientes',
      text: 'No reportas avances de ninguna unidad: solo el enlace OKR o el líder de una unidad lo hacen.',
    },
    title: 'Lo que falta por reportar',
    upToDate: '✅ Al día: los meses abiertos están reportados.',
    month: (month: string, missing: number, total: number) => `${month}: ${inNumber(missing, 'falta', 'faltan')} ${missing} de ${total} resultados clave`,
    correction: (month: string) => `${month}: el equipo ETI pidió una corrección`,
    report: (month: string) => `Reportar ${month}`,
    reportFor: (month: string, unit: string) => `${unit}: ${month}`,
    reportUnit: (unit: string) => `Reportar: ${unit}`,
    unitLabel: 'Unidad por reportar',
    open: 'Abrir el check-in',
  },
  myOkr: {
    title: 'Mis OKR',
    noSet: 'No hay un set de OKR para este trimestre.',
    aligned: (code: string, title: string) => `Alineado a ${code}: ${title}`,
    expected: (expected: string) => `Progreso esperado hoy: ${expected}`,
    openUnit: (unit: string) => `Abrir ${unit}`,
    openTab: 'Abrir en la pestaña Mis OKR',
    unitLabel: 'Unidad',
    openChosen: 'Ver la unidad',
    noUnits: 'No perteneces a ninguna unidad en el directorio OKR. Pide al equipo ETI que te registre.',
  },
} as const;
