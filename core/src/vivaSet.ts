/** Sets imported from Viva Goals are told by their id (`viva-<unit>-<quarter>`): read-only, marked «importado de Viva Goals». No imports: the tab's first load reads it. */
export const VIVA_SET_PREFIX = 'viva-';
export const isVivaSet = (setId: string): boolean => setId.startsWith(VIVA_SET_PREFIX);
