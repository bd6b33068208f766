import { roleLabels, type Person, type RoleAssignment, type Unit } from '@okr/core';
import { card, executeAction, heading, subtle, text, type AdaptiveCard } from './elements.js';

export const CHECK_IN_OPEN = 'checkin.open';

/** What the bot understands, for `ayuda`. */
export function helpCard(): AdaptiveCard {
  return card([
    heading('¿En qué te ayudo?'),
    text('Escribe uno de estos comandos en este chat:'),
    { type: 'FactSet', facts: [
      { title: 'check-in', value: 'Reporta el avance mensual de los resultados clave de tu unidad (también «reportar» o «avance»).' },
      { title: 'ayuda', value: 'Muestra esta lista.' },
    ] },
    subtle('El árbol de OKR de tu unidad está en la pestaña «Mis OKR» de esta aplicación.'),
  ]);
}

export function welcomeCard(person: Person | null, roles: RoleAssignment[], units: Unit[]): AdaptiveCard {
  if (!person) return notRegisteredCard();
  const unitName = (id: string | null) => units.find((u) => u.id === id)?.name;
  const lines = roles.map((r) => `• ${roleLabels[r.role]}${r.unitId ? ` de ${unitName(r.unitId) ?? r.unitId}` : ''}`);
  return card([
    heading(`Hola, ${person.name.split(' ')[0]} 👋`),
    text('Soy el asistente de OKR de la Secretaría Distrital de Gobierno. Reemplazo a Viva Goals dentro de Teams: aquí reportas los avances mensuales y ves el árbol de OKR de tu unidad.'),
    text(`En el directorio figuras como:\n\n${lines.join('\n\n')}`),
    text('Escribe **check-in** para reportar el avance del mes o **ayuda** para ver todo lo que entiendo.'),
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
