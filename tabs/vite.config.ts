import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * The Mis OKR tab. Built into tabs/dist, which the bot server serves at `/` (same origin as /api).
 * The first chunk holds React, the Fluent provider and the start-up logic; teams-js and the OKR
 * view load as separate chunks in parallel (see src/App.tsx), so the first paint stays light.
 */
export default defineConfig({
  root: import.meta.dirname,
  base: '/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
  },
  server: {
    // `npm run dev -w tabs` talks to a bot server started separately (npm start).
    proxy: { '/api': 'http://localhost:3978' },
  },
});
