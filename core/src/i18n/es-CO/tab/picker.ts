/** The people picker every person field of the tab uses (es-CO). */
export const pickerText = {
  placeholder: 'Escribe un nombre, un correo o un cargo',
  hint: (total: number) => `Escribe para buscar entre ${total.toLocaleString('es-CO')} personas del directorio.`,
  suggested: 'Sugeridos',
  noMatch: 'Nadie del directorio coincide con lo que escribiste.',
  more: (shown: number) => `Se muestran las primeras ${shown} coincidencias: escribe más para afinar.`,
  pickInTeams: 'Buscar en Teams',
  pickInTeamsLabel: (field: string) => `Buscar en Teams: ${field}`,
  notInDirectory: (name: string) => `${name} no está en el directorio de la aplicación: pide al equipo ETI que lo registre.`,
  chosen: 'Personas elegidas',
  remove: 'Quitar',
} as const;
