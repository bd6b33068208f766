import { createContext, useContext } from 'react';
import type { ThemeName } from '../shell/host.js';

/** The Teams theme in use, for the few places that must not recolour in high contrast. */
export const ThemeNameContext = createContext<ThemeName>('default');
export const useThemeName = () => useContext(ThemeNameContext);
