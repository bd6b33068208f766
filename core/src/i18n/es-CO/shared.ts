/** Labels and errors every module uses (es-CO). */
import type { Role } from '../../types.js';
import type { Status } from '../../status.js';

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
} as const;
