/**
 * Texts of the tab's shell (es-CO): the page frame, the views' names, the development identity
 * picker, the configuration page and the meeting surfaces. The only tab texts the first load
 * carries; each module's views read theirs from the file of their module, beside this one.
 */

/**
 * Each view of the views table (tabs/src/shell/views.ts): its name in the tab list, and what its
 * spinner says while the view's code and data arrive.
 */
export const viewText = {
  tree: { label: 'Árbol de OKR', loading: 'Cargando los OKR…' },
  formulation: { label: 'Formulación', loading: 'Cargando los OKR…' },
  plenarias: { label: 'Plenarias', loading: 'Cargando las plenarias…' },
  commitments: { label: 'Compromisos', loading: 'Cargando los compromisos…' },
  dashboard: { label: 'Tablero de la entidad', loading: 'Cargando el tablero de la entidad…' },
  oap: { label: 'Actas (OAP)', loading: 'Cargando el seguimiento de actas…' },
  proposals: { label: 'Propuestas', loading: 'Cargando las propuestas…' },
  review: { label: 'Revisión mensual', loading: 'Cargando la revisión mensual…' },
  quarterClose: { label: 'Cierre del trimestre', loading: 'Cargando el cierre del trimestre…' },
  plan: { label: 'Plan de gestión', loading: 'Cargando el plan de gestión…' },
  planReport: { label: 'Reporte trimestral', loading: 'Cargando el reporte trimestral…' },
  planChanges: { label: 'Modificaciones', loading: 'Cargando las modificaciones del plan…' },
  planReview: { label: 'Plan de gestión (OAP)', loading: 'Cargando la mesa de la OAP…' },
  ranking: { label: 'Ranking de gestión', loading: 'Cargando el ranking de gestión…' },
  team: { label: 'Equipo', loading: 'Cargando el equipo de la dependencia…' },
  directory: { label: 'Directorio', loading: 'Cargando el directorio…' },
  pei: { label: 'Plan estratégico', loading: 'Cargando el plan estratégico…' },
  validation: { label: 'Validación de cifras', loading: 'Cargando la ronda de validación…' },
} as const;

export const shellText = {
  appTitle: 'Mis OKR',
  loadingMe: 'Cargando tu información…',
  loadingPeople: 'Cargando el directorio de demostración…',
  greeting: (name: string) => `Hola, ${name}`,
  retry: 'Reintentar',

  unitLabel: 'Dependencia',
  unitPlaceholder: 'Elige una dependencia',
  quarterLabel: 'Trimestre',
  currentQuarter: 'actual',
  centralGroup: 'Nivel central',
  alcaldiasGroup: 'Alcaldías locales',
  requestedUnitUnavailable: (requested: string, shown: string) =>
    `El enlace pedía la dependencia «${requested}», que no está entre las tuyas. Te mostramos ${shown}.`,

  meErrorTitle: 'No pudimos cargar tu información',
  networkError: 'No pudimos comunicarnos con el servidor. Revisa tu conexión e intenta de nuevo.',
  ssoError: 'No pudimos obtener tu sesión de Microsoft Teams. Cierra y vuelve a abrir la pestaña; si el problema sigue, avisa a la DTI.',

  noUnitsTitle: 'Aún no tienes dependencias asignadas',
  noUnitsBody: 'Pide al equipo ETI que te registre en el directorio de enlaces OKR de tu dependencia.',

  viewsLabel: 'Vistas de la dependencia',
  nextQuarter: 'en formulación',

  areasLabel: 'Secciones',
  areaMine: 'Mis OKR',
  devSwitch: 'Cambiar identidad (desarrollo)',
  devPickerTitle: 'Elige con quién entrar',
  devPickerIntro:
    'Fuera de Microsoft Teams la pestaña actúa en nombre de una persona del directorio de demostración. Esta opción solo existe en el entorno de desarrollo.',
  devSearchLabel: 'Buscar persona',
  devSearchPlaceholder: 'Nombre, cargo, rol o dependencia',
  devNoMatches: 'Nadie coincide con la búsqueda.',
  devCount: (shown: number, total: number) => (shown === total ? `${total} personas` : `${shown} de ${total} personas`),
  devCurrent: 'Identidad actual',
  devCancel: 'Volver',
  devUnavailable:
    'Este servidor no permite identidades de desarrollo. Abre la pestaña desde Microsoft Teams para entrar con tu cuenta.',
  devEntityWide: 'Toda la entidad',

  config: {
    title: 'Configura la pestaña de OKR',
    intro: 'Elige la dependencia cuyos OKR mostrará esta pestaña en el canal, el chat o la reunión. Todos verán la misma dependencia; cada persona solo ve lo que su rol le permite.',
    unitLabel: 'Dependencia de la pestaña',
    preview: (unit: string) => `La pestaña mostrará el árbol de OKR de ${unit} del trimestre en curso.`,
    tabName: (unit: string) => `OKR · ${unit}`,
    outsideTeams: 'Estás fuera de Microsoft Teams: esta página solo muestra cómo quedaría la pestaña. En Teams, elige la dependencia y pulsa «Guardar».',
    contentUrl: 'Dirección de la pestaña',
    saveFailed: 'No pudimos guardar la configuración de la pestaña. Intenta de nuevo.',
  },

  meeting: {
    panelViews: 'Contenido del panel',
    panelOkr: 'OKR',
    panelActa: 'Acta',
    loadingActa: 'Cargando el acta…',
    panelLabel: (unit: string) => `OKR de ${unit} para la reunión`,
    objectives: 'Objetivos del trimestre',
    quickLinks: 'Accesos rápidos',
    shareToStage: 'Compartir en pantalla',
    shareHint: 'Muestra los OKR de la dependencia a todos en la reunión, paso a paso.',
    sharing: 'Compartiendo…',
    shared: 'Los OKR están en la pantalla de la reunión.',
    shareFailed: 'No pudimos compartir en la pantalla de la reunión. Inténtalo de nuevo o usa el botón de compartir de Teams.',
    previewStage: 'Vista de presentación',
    previewHint: 'Fuera de una reunión de Teams se abre la vista de presentación en esta ventana.',
    openTree: 'Ver el árbol completo',
    openDashboard: viewText.dashboard.label,
    noSet: (quarter: string) => `Sin OKR para ${quarter}.`,
    stageLabel: (unit: string) => `Presentación de los OKR de ${unit}`,
    stepOf: (n: number, total: number) => `Paso ${n} de ${total}`,
    overview: 'Panorama del trimestre',
    previous: 'Anterior',
    next: 'Siguiente',
    keysHint: 'Usa las flechas ← → del teclado para avanzar o retroceder.',
    reported: (month: string) => `Último reporte: ${month}`,
  },
} as const;
