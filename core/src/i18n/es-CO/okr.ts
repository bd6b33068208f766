/** OKR: check-ins, the tree, the dashboard (es-CO). */

export const fieldLabels = { value: 'Avance', comment: 'Comentario', evidenceUrl: 'Enlace a la evidencia' } as const;

/** Check-in validation (core) and refusals (services). */
export const checkInMessages = {
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
} as const;
