/** Reminders: the procedure's calendar, `recordatorios` and the ETI's administration (es-CO). */

/** Reminder kinds as people see them in `recordatorios` and the administrator's view. */
export const reminderKindLabels = {
  checkin_window: { title: 'Apertura del check-in', detail: 'Cuando se abre el check-in del mes (últimos días hábiles) y a tu unidad le falta reportar.' },
  checkin_missing: { title: 'Check-in vencido', detail: 'El primer día hábil después del cierre del mes, si quedó algo sin reportar.' },
  leader_escalation: { title: 'Aviso al líder', detail: 'Cuando tu unidad lleva varios días hábiles de retraso en el check-in.' },
  eti_digest: { title: 'Resumen para el equipo ETI', detail: 'Las unidades que aún no reportan el mes anterior.' },
  approvals_digest: {
    title: 'Resumen de aprobaciones y firmas',
    detail: 'Cada semana, el primer día hábil: los sets de OKR que esperan tu aprobación y las actas que esperan tu firma. Si no hay nada, no llega.',
  },
  coach_digest: { title: 'Resumen para el OKR Coach', detail: 'Cada semana, el primer día hábil: los sets de OKR que esperan tu revisión. Si no hay nada, no llega.' },
  oap_digest: {
    title: 'Resumen para la OAP',
    detail: 'Cada semana, el primer día hábil: actas con la copia a la OAP vencida o por vencer y, en el último mes del trimestre, las unidades sin plenaria menor.',
  },
} as const;
