/**
 * Every user-facing string of the app (es-CO). Bot cards, REST errors and tabs all read from here.
 * Functions take what varies; plain strings do not.
 */
import type { Role } from '../types.js';
import type { Status } from '../status.js';

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
};

export const kindLabels = { percentage: 'Porcentaje', number: 'Número', milestone: 'Hito' } as const;

export const fieldLabels = { value: 'Avance', comment: 'Comentario', evidenceUrl: 'Enlace a la evidencia' } as const;

export const msg = {
  shape: {
    strategic: (n: number, std: number) => `El set tiene ${n} objetivos estratégicos; el estándar es ${std}.`,
    tactical: (n: number, std: number) => `El set tiene ${n} objetivos tácticos; el estándar es ${std}.`,
    keyResults: (title: string, n: number, std: number) => `«${title}» tiene ${n} resultados clave; el estándar es ${std}.`,
  },
  checkIn: {
    valueRequired: 'escribe el avance.',
    valueNotNumber: (raw: string) => `«${raw}» no es un número. Usa cifras, por ejemplo 45 o 45,5.`,
    percentageRange: 'debe estar entre 0 y 100.',
    numberNegative: 'no puede ser negativo.',
    numberTooLarge: (max: string) => `es demasiado grande para este resultado clave (máximo ${max}). Revisa la cifra.`,
    milestoneChoice: 'elige «Cumplido» o «No cumplido».',
    commentRequired: 'escribe un comentario que muestre el avance.',
    commentTooLong: (max: number) => `no puede superar ${max.toLocaleString('es-CO')} caracteres.`,
    noMarkup: 'no puede contener etiquetas HTML ni código.',
    evidenceRequired: 'pega el enlace donde se consulta la evidencia.',
    evidenceNotHttps: 'debe ser un enlace https:// válido (por ejemplo, la carpeta de SharePoint o OneDrive).',
    evidenceTooLong: (max: number) => `no puede superar ${max.toLocaleString('es-CO')} caracteres.`,
    unknownKeyResult: 'Este resultado clave ya no hace parte del set del trimestre. Pide de nuevo la tarjeta con «check-in».',
    fieldError: (krTitle: string, field: string, problem: string) => `«${krTitle}» — ${field}: ${problem}`,
    periodNotOpen: (month: string) => `El periodo de ${month} ya no recibe reportes desde esta tarjeta. Escribe «check-in» para reportar el mes actual.`,
    nothingTyped: 'No escribiste ningún avance. Completa al menos un resultado clave (avance, comentario y enlace a la evidencia).',
    monthClosed: (unit: string, month: string) =>
      `El equipo ETI ya cerró el reporte de ${month} de ${unit}: no se puede modificar. Si hay un error, pide al equipo ETI que solicite una corrección.`,
  },
  errors: {
    notAllowedUnit: (unit: string) => `No puedes reportar avances de ${unit}: solo su enlace o su líder pueden hacerlo.`,
    notInDirectory: 'No te encontramos en el directorio de enlaces OKR de la Secretaría.',
    noActiveSet: (unit: string, quarter: string) => `${unit} no tiene un set de OKR activo para ${quarter}.`,
    conflict: 'Otra persona cambió este dato; recarga para ver la versión actual.',
    notFound: 'No encontramos lo que buscas.',
    invalidRequest: 'La solicitud no es válida.',
    unauthenticated: 'Inicia sesión para continuar.',
    forbidden: 'No tienes permiso para ver esta información.',
    internal: 'Algo salió mal de nuestro lado. Intenta de nuevo en un momento; si persiste, avisa a la DTI.',
  },
} as const;
