import { createContext, useContext } from 'react';

/** The Teams themes the tab follows. */
export type ThemeName = 'default' | 'dark' | 'contrast';

/** The Teams theme in use, for the few places that must not recolour in high contrast. */
export const ThemeNameContext = createContext<ThemeName>('default');
export const useThemeName = () => useContext(ThemeNameContext);
