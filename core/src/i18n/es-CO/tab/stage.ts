/**
 * The meeting stage's texts about following the presenter (Live Share): their own file, so they
 * load with the stage's code and never with the tab's first load.
 */
export const stageText = {
  alone: 'Sin sincronizar con la reunión: esta pantalla avanza por su cuenta.',
  connecting: 'Conectando con la reunión…',
  presenting: 'Presentas: quienes están en la reunión ven los pasos que das.',
  following: 'Sigues la presentación.',
  waiting: 'Conectado a la reunión: tu pantalla seguirá a quien presente.',
  browsing: (step: number, total: number) => `Estás viendo por tu cuenta. La presentación va en el paso ${step} de ${total}.`,
  backToPresentation: 'Volver a la presentación',
} as const;
