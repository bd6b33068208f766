/** The directory module (es-CO): units, people, assignments with dates, strategic objectives, imports. */
import type { Role } from '../../types.js';
import { formatDate } from '../../format/index.js';

export const unitLevelLabels = {
  despacho: 'Despacho',
  subsecretaria: 'Subsecretaría',
  direccion: 'Dirección',
  subdireccion: 'Subdirección',
  oficina: 'Oficina',
  alcaldia: 'Alcaldía local',
} as const;

/** What core and the services refuse or warn about in the directory (shared with the tab). */
export const directoryMessages = {
  unitNameRequired: 'Escribe el nombre de la unidad.',
  unitIdInvalid: (id: string) => `«${id}» no sirve como id de unidad: usa minúsculas, números y guiones (p. ej. «al-usaquen»).`,
  unitExists: (id: string) => `Ya existe una unidad con el id «${id}».`,
  unitUnknown: (id: string) => `No existe la unidad «${id}».`,
  unitInactive: (name: string) => `${name} está desactivada: no admite roles nuevos.`,
  parentUnknown: (id: string) => `La unidad superior «${id}» no existe.`,
  parentInactive: (name: string) => `La unidad superior ${name} está desactivada.`,
  parentCycle: (unit: string, parent: string) => `${unit} no puede quedar bajo ${parent}: ${parent} depende de ${unit}.`,
  unitHasActiveChildren: (unit: string, children: string) => `${unit} tiene unidades activas a su cargo (${children}): muévelas o desactívalas primero.`,
  personUnknown: (id: string) => `No existe la persona «${id}».`,
  personInactive: (name: string) => `${name} está desactivada: no admite roles nuevos.`,
  personNameRequired: 'Escribe el nombre de la persona.',
  emailInvalid: (email: string) => `«${email}» no es un correo válido.`,
  emailTaken: (email: string, name: string) => `El correo ${email} ya es de ${name}.`,
  aadTaken: (name: string) => `Esa cuenta de Microsoft Entra ID ya está registrada como ${name}.`,
  roleInvalid: (role: string) => `«${role}» no es un rol del directorio (líder, enlace, integrante, promotor/a de mejora, OKR Coach, ETI, OAP, DTI, Secretario/a).`,
  roleNeedsUnit: (role: string) => `El rol ${role} es de una unidad: indica cuál.`,
  roleIsEntityWide: (role: string) => `El rol ${role} es de toda la entidad: no lleva unidad.`,
  dateInvalid: (value: string) => `«${value}» no es una fecha válida (usa AAAA-MM-DD, p. ej. 2026-12-01).`,
  endsBeforeStart: (from: string, to: string) => `La fecha «hasta» (${formatDate(to)}) es anterior a «desde» (${formatDate(from)}).`,
  overlap: (who: string, role: string, unit: string, from: string, to: string) => `${who} ya es ${role}${unit} entre ${formatDate(from)} y ${formatDate(to)}: las fechas se cruzan.`,
  singleHolder: (role: string, unit: string, holder: string, from: string, to: string) => `${unit} ya tiene ${role} entre ${formatDate(from)} y ${formatDate(to)}: ${holder}. Termina esa asignación o usa «Reemplazar».`,
  assignmentUnknown: 'Esa asignación ya no existe; recarga el directorio.',
  assignmentEnded: (to: string) => `Esa asignación ya terminó el ${formatDate(to)}.`,
  replaceDateTooEarly: (from: string) => `El reemplazo debe empezar después del ${formatDate(from)}, cuando empezó la asignación actual.`,
  replaceSamePerson: 'La persona nueva es la misma que ya tiene el rol.',
  objectiveCodeRequired: 'Escribe el código del objetivo (p. ej. OE1).',
  objectiveTitleRequired: 'Escribe el enunciado del objetivo.',
  objectiveCodeTaken: (code: string, vigencia: number) => `Ya hay un objetivo ${code} en la vigencia ${vigencia}.`,
  vigenciaInvalid: (value: string) => `«${value}» no es una vigencia (un año entre 2000 y 2100).`,
  noChanges: 'No hay cambios que guardar.',
} as const;

/** What the Directorio says about units that lack someone. */
export const directoryWarningText = {
  line: (unit: string, missing: string) => `${unit}: ${missing}`,
} as const;

/** The welcome card a new enlace gets, and the bot's text for this module. */
export const directoryBotText = {
  welcome: {
    title: (firstName: string) => `Bienvenido/a al equipo OKR, ${firstName}`,
    intro: (role: string, unit: string, from: string) => `Desde el ${formatDate(from)} eres ${role} de ${unit}. El equipo ETI te registró en el directorio.`,
    pendingTitle: 'Lo que está pendiente',
    nothingPending: 'No hay nada pendiente por ahora: te avisaré cuando abra la ventana de reporte del mes.',
    set: (quarter: string, state: string) => `Set de OKR de ${quarter}: ${state}.`,
    noSet: (quarter: string) => `La unidad no tiene set de OKR para ${quarter}: formúlalo con tu líder.`,
    missingCheckIns: (month: string, missing: number, total: number) => `Check-in de ${month}: faltan ${missing} de ${total} resultados clave.`,
    openTab: 'Abrir los OKR de la unidad',
    commands: 'Escribe **check-in** para reportar el avance del mes o **ayuda** para ver lo demás.',
  },
} as const;

export const roleListText = (roles: readonly Role[], labels: Record<Role, string>) => roles.map((r) => labels[r]).join(', ');

