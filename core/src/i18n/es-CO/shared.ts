/** Labels and errors every module uses (es-CO). */
import type { Role } from '../../types.js';
import type { Status } from '../../status.js';
import { counted } from '../../format/words.js';

export const statusLabels: Record<Status, string> = {
  no_iniciado: 'No iniciado',
  en_curso: 'En curso',
  atrasado: 'Atrasado',
  en_riesgo: 'En riesgo',
  completado: 'Completado',
};

export const roleLabels: Record<Role, string> = {
  lider: 'Líder',
  enlace: 'Enlace OKR',
  coach: 'OKR Coach',
  eti: 'Equipo ETI',
  oap: 'Oficina Asesora de Planeación',
  dti: 'DTI',
  secretario: 'Secretario/a',
  miembro: 'Integrante',
  promotor: 'Promotor/a de mejora',
};

export const kindLabels = { percentage: 'Porcentaje', number: 'Número', milestone: 'Hito' } as const;

/** A milestone key result's two values. */
export const milestoneLabels = { done: 'Cumplido', notDone: 'No cumplido' } as const;

/** «3 minutos», «más de 2 horas», «más de 3 días»: how old data is, in the unit people use for it. */
function ageWords(seconds: number): string {
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return counted(Math.max(minutes, 1), 'minuto', 'minutos');
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `más de ${counted(hours, 'hora', 'horas')}`;
  return `más de ${counted(Math.floor(hours / 24), 'día', 'días')}`;
}

/** SharePoint could not be reached and what is shown is older than a minute: the tab's notice, one line on a bot card. */
export const freshnessText = {
  stale: (ageSeconds: number) => `Los datos tienen ${ageWords(ageSeconds)}: no se pudo actualizar desde SharePoint. Se pondrán al día en cuanto vuelva a responder.`,
};

/** What the API and the bot answer when a request cannot be served. */
export const errorMessages = {
  notAllowedUnit: (unit: string) => `No puedes reportar avances de ${unit}: solo su enlace o su líder pueden hacerlo.`,
  notInDirectory: 'No te encontramos en el directorio de enlaces OKR de la Secretaría.',
  noActiveSet: (unit: string, quarter: string) => `${unit} no tiene un set de OKR activo para ${quarter}.`,
  conflict: 'Otra persona cambió este dato; recarga para ver la versión actual.',
  storeBusy: 'SharePoint está ocupado en este momento y no se guardó nada. Intenta de nuevo en unos minutos.',
  notFound: 'No encontramos lo que buscas.',
  invalidRequest: 'La solicitud no es válida.',
  invalidQuarter: (q: string) => `«${q}» no es un trimestre válido (use el formato 2026-Q4).`,
  unauthenticated: 'Inicia sesión para continuar.',
  sessionInvalid: 'No pudimos validar tu sesión de Microsoft Teams. Cierra y vuelve a abrir la pestaña; si el problema sigue, avisa a la DTI.',
  sessionExpired: 'Tu sesión de Microsoft Teams venció. Vuelve a abrir la pestaña para continuar.',
  forbidden: 'No tienes permiso para ver esta información.',
  dashboardOnlyEntity: 'El tablero de la entidad es para el equipo ETI, la Oficina Asesora de Planeación, los OKR Coach y la alta dirección.',
  internal: 'Algo salió mal de nuestro lado. Intenta de nuevo en un momento; si persiste, avisa a la DTI.',
  /** Entra's signing keys could not be read: the token may be fine, we could not check it. */
  sessionUnverifiable: 'No pudimos verificar tu sesión: el servicio de inicio de sesión de Microsoft no responde en este momento. Intenta de nuevo en unos minutos.',
  malformedJson: 'El cuerpo de la solicitud no es un JSON válido.',
  bodyTooLarge: (kb: number) => `La solicitud es demasiado grande (máximo ${kb} KB).`,
  unsupportedMediaType: 'El cuerpo de la solicitud debe ser JSON (Content-Type: application/json).',
  methodNotAllowed: (method: string) => `Esta dirección no admite el método ${method}.`,
  unknownApi: (path: string) => `No existe la dirección ${path} en la API.`,
  invalidActivity: 'La actividad recibida no es válida: le falta su tipo, su canal, su conversación, su remitente o la dirección del servicio.',
  serviceUrlRefused: 'La dirección del servicio de la actividad no es de Microsoft Teams ni de Bot Framework.',
  botUnauthorized: 'La solicitud no trae una credencial válida de Bot Framework.',
  /** A field of a request, and what is wrong with it (zod's issues, in Spanish). */
  field: (path: string, problem: string) => (path ? `«${path}»: ${problem}` : problem),
  fieldProblems: {
    required: 'falta este dato',
    type: (expected: string) => `debe ser ${expected}`,
    tooLong: (max: number) => `admite hasta ${max} caracteres o elementos`,
    tooShort: (min: number) => `necesita al menos ${min} caracteres o elementos`,
    tooBig: (max: number) => `debe ser como máximo ${max}`,
    tooSmall: (min: number) => `debe ser como mínimo ${min}`,
    choice: (options: string) => `debe ser uno de: ${options}`,
    format: 'no tiene el formato esperado',
    unknownKeys: (keys: string) => `campos no reconocidos: ${keys}`,
    invalid: 'no es válido',
  },
  typeNames: { string: 'un texto', number: 'un número', boolean: 'verdadero o falso', array: 'una lista', object: 'un objeto', null: 'vacío (null)' } as Record<string, string>,
  /** Calendar dates, months and quarters at every edge (the shared date schemas). */
  dateFormat: (d: string) => `«${d}» no es una fecha (use AAAA-MM-DD, por ejemplo 2026-11-23).`,
  dateImpossible: (d: string) => `La fecha ${d} no existe en el calendario.`,
  dateOutOfRange: (d: string, from: number, to: number) => `La fecha ${d} está fuera del rango admitido (años ${from} a ${to}).`,
  unsafeText: (codes: string) => `El texto tiene caracteres invisibles de control o de cambio de dirección de escritura (${codes}), que no se admiten: bórralos y escribe de nuevo esa parte.`,
  monthFormat: (m: string) => `«${m}» no es un mes válido (use AAAA-MM, por ejemplo 2026-11).`,
} as const;
