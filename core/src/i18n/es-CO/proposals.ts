/** The proposals of the dialogue sessions «Un café con el Secretario» (seed 004): labels, refusals and the bot's cards (es-CO). */
import type { ProposalStatus } from '../../proposals.js';
import { counted } from '../../format/words.js';
import { formatDate } from '../../format/index.js';

export const proposalStatusLabels: Record<ProposalStatus, string> = {
  recibida: 'Recibida',
  en_estudio: 'En estudio',
  adoptada: 'Adoptada',
  no_viable: 'No viable',
  implementada: 'Implementada',
};

/** Rules and refusals of the proposals' follow-up (core, the service, the tab's forms). */
export const proposalMessages = {
  droppedBy: (documentVersion: number) => `La versión ${documentVersion} del acta ya no recoge esta propuesta; su seguimiento se conserva.`,
  assignedNote: (name: string) => `La toma ${name}.`,
  alreadyResponsible: (name: string) => `${name} ya es quien toma esta propuesta.`,
  assignFirst: 'Primero la Oficina Asesora de Planeación o el Despacho deben asignar quién toma la propuesta.',
  impactRequired: 'Para cerrar una propuesta como implementada, describe el impacto medido.',
  notViableNoteRequired: 'Para marcar una propuesta como no viable, escribe en la nota por qué.',
  nothingChanged: 'No hay cambios que guardar.',
  stale: 'Alguien actualizó esta propuesta mientras la veías. Vuelve a abrirla para ver su estado actual.',
  notAllowed: 'Solo la Oficina Asesora de Planeación, el Despacho y quien toma una propuesta pueden verla o actualizarla.',
  onlyCoordinators: 'Solo la Oficina Asesora de Planeación o el Despacho pueden asignar quién toma una propuesta.',
  unknownPerson: 'Esa persona no está en el directorio.',
} as const;

const statusWords: Record<ProposalStatus, string> = { recibida: 'recibida', en_estudio: 'en estudio', adoptada: 'adoptada', no_viable: 'no viable', implementada: 'implementada' };

/** What the `propuestas` command and card say. */
export const proposalsBotText = {
  command: '**propuestas**: las propuestas de «Un café con el Secretario» que tomaste, para actualizarlas',
  title: 'Propuestas que tomaste',
  none: 'No tienes propuestas abiertas de las sesiones «Un café con el Secretario».',
  count: (n: number) => `Tienes ${counted(n, 'propuesta abierta', 'propuestas abiertas')}.`,
  more: (n: number) => `Y ${counted(n, 'propuesta más', 'propuestas más')}: míralas todas en la pestaña.`,
  line: (status: ProposalStatus, sessionDate: string) => `${proposalStatusLabels[status]} · Sesión de diálogo del ${formatDate(sessionDate)}`,
  lastNote: (text: string, by: string, at: string) => `Último seguimiento (${by}, ${formatDate(at.slice(0, 10))}): ${text}`,
  impact: (text: string) => `Impacto: ${text}`,
  update: 'Actualizar',
  statusLabel: 'Estado',
  noteLabel: 'Nota de seguimiento',
  impactLabel: 'Impacto medido (para cerrarla como implementada)',
  save: 'Guardar',
  chooseStatus: 'Elige el estado de la propuesta.',
  updated: (status: ProposalStatus) => `Quedó registrado: la propuesta está ${statusWords[status]}.`,
  viewAll: 'Ver las propuestas',
  assigned: { title: 'Te asignaron una propuesta', text: (by: string, sessionDate: string) => `${by} te asignó una propuesta de la sesión «Un café con el Secretario» del ${formatDate(sessionDate)}. Cuéntanos cómo avanza.` },
} as const;
