/** The shell: `ayuda`, the welcome, who is not in the directory, what the bot answers to anything else (es-CO). */
import type { Role } from '../../types.js';

export const shellBotText = {
  help: {
    command: 'Muestra esta lista.',
    title: '¿En qué te ayudo?',
    intro: 'Escribe uno de estos comandos en este chat:',
    footer: 'El árbol de OKR de tu unidad está en la pestaña «Mis OKR» de esta aplicación.',
  },
  welcome: {
    hello: (firstName: string) => `Hola, ${firstName} 👋`,
    intro:
      'Soy el asistente de OKR de la Secretaría Distrital de Gobierno. Reemplazo a Viva Goals dentro de Teams: aquí se reportan los avances mensuales y se ve el árbol de OKR de cada unidad.',
    roles: (lines: readonly string[]) => `En el directorio figuras como:\n\n${lines.join('\n\n')}`,
    role: (role: string, unit: string | null, what: string) => `• ${role}${unit ? ` de ${unit}` : ''}: ${what}`,
    /** What the bot does for each role. */
    whatIDo: {
      enlace: 'Te envío la tarjeta de check-in mensual de los 9 resultados clave y te recuerdo lo que falta.',
      lider: 'Puedes reportar los avances de tu unidad y ver cómo van sus objetivos.',
      coach: 'Verás el estado de los OKR de todas las unidades para acompañar su formulación.',
      eti: 'Verás el avance y el cumplimiento de los reportes de las 44 unidades.',
      oap: 'Verás el avance de los OKR de todas las unidades.',
      dti: 'Verás el estado de la plataforma y de todas las unidades.',
      secretario: 'Verás el avance de los OKR de toda la Secretaría.',
      miembro: 'Verás los OKR de tu unidad y su progreso.',
      promotor: 'Coordinas con tu equipo el reporte trimestral del plan de gestión; te recuerdo cuándo vence.',
    } satisfies Record<Role, string>,
    next: 'Escribe «check-in» para reportar el avance del mes, «pendientes» para ver lo que falta, «mis okr» para un resumen o «ayuda» para ver todo lo que entiendo.',
  },
  notRegistered: {
    title: 'Aún no estás en el directorio OKR',
    who: 'No te encontramos entre los líderes, enlaces e integrantes registrados por el equipo de la Estrategia de Trabajo Inteligente (ETI).',
    what: 'Pide a tu líder que solicite tu registro al equipo ETI de la Subsecretaría de Gestión Institucional, indicando tu unidad y tu rol (enlace, líder o integrante). Cuando estés registrado, escribe «ayuda».',
  },
  notUnderstood: {
    title: 'No entendí ese mensaje',
    text: (typed: string) => `No reconozco «${typed}». Escribe «ayuda» para ver lo que puedo hacer.`,
  },
  staleCard: { title: 'Esta tarjeta ya no está vigente', text: 'Escribe «ayuda» para ver lo que puedo hacer.' },
  conflictTitle: 'Otra persona cambió este dato',
  storeBusyTitle: 'No se guardó nada',
  failed: {
    title: 'No pudimos completar la acción',
    text: 'Algo salió mal de nuestro lado y no se guardó nada. Intenta de nuevo en un momento; si persiste, avisa a la DTI.',
  },
} as const;
