import { roleLabels, type Person, type Role, type RoleAssignment, type Unit } from '@okr/core';
import type { HelpLine } from '../handlers.js';
import { card, executeAction, facts, heading, subtle, text, type AdaptiveCard } from './elements.js';

export const CHECK_IN_OPEN = 'checkin.open';

/** What the bot understands, for `ayuda`: the help lines every module's commands declare. */
export function helpCard(lines: readonly HelpLine[]): AdaptiveCard {
  return card([
    heading('¿En qué te ayudo?'),
    text('Escribe uno de estos comandos en este chat:'),
    facts(lines.map((l): [string, string] => [l.command, l.description])),
    subtle('El árbol de OKR de tu unidad está en la pestaña «Mis OKR» de esta aplicación.'),
  ]);
}

/** What the bot does for each role, for the welcome message. */
const WHAT_I_DO: Record<Role, string> = {
  enlace: 'Te envío la tarjeta de check-in mensual de los 9 resultados clave y te recuerdo lo que falta.',
  lider: 'Puedes reportar los avances de tu unidad y ver cómo van sus objetivos.',
  coach: 'Verás el estado de los OKR de todas las unidades para acompañar su formulación.',
  eti: 'Verás el avance y el cumplimiento de los reportes de las 44 unidades.',
  oap: 'Verás el avance de los OKR de todas las unidades.',
  dti: 'Verás el estado de la plataforma y de todas las unidades.',
  secretario: 'Verás el avance de los OKR de toda la Secretaría.',
  miembro: 'Verás los OKR de tu unidad y su progreso.',
};

export function welcomeCard(person: Person | null, roles: RoleAssignment[], units: Unit[]): AdaptiveCard {
  if (!person) return notRegisteredCard();
  const unitName = (id: string | null) => units.find((u) => u.id === id)?.name;
  const lines = roles.map((r) => `• **${roleLabels[r.role]}${r.unitId ? ` de ${unitName(r.unitId) ?? r.unitId}` : ''}**: ${WHAT_I_DO[r.role]}`);
  return card([
    heading(`Hola, ${person.name.split(' ')[0]} 👋`),
    text('Soy el asistente de OKR de la Secretaría Distrital de Gobierno. Reemplazo a Viva Goals dentro de Teams: aquí se reportan los avances mensuales y se ve el árbol de OKR de cada unidad.'),
    text(`En el directorio figuras como:\n\n${lines.join('\n\n')}`),
    text('Escribe **check-in** para reportar el avance del mes, **pendientes** para ver lo que falta, **mis okr** para un resumen o **ayuda** para ver todo lo que entiendo.'),
  ]);
}

export function notRegisteredCard(): AdaptiveCard {
  return card([
    heading('Aún no estás en el directorio OKR'),
    text('No te encontramos entre los líderes, enlaces e integrantes registrados por el equipo de la Estrategia de Trabajo Inteligente (ETI).'),
    text('Pide a tu líder que solicite tu registro al equipo ETI de la Subsecretaría de Gestión Institucional, indicando tu unidad y tu rol (enlace, líder o integrante). Cuando estés registrado, escribe **ayuda**.'),
  ]);
}

export function messageCard(title: string, message: string): AdaptiveCard {
  return card([heading(title), text(message)]);
}

/** A person who reports for several units picks one first. */
export function chooseUnitCard(units: Unit[]): AdaptiveCard {
  return card(
    [heading('¿De qué unidad vas a reportar?'), text('Reportas para varias unidades. Elige una para abrir su check-in del mes.')],
    units.map((u) => executeAction(u.name, CHECK_IN_OPEN, { unitId: u.id })),
  );
}
