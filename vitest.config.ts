import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['core/src/**/*.test.ts', 'bot/src/**/*.test.ts', 'tabs/src/**/*.test.{ts,tsx}', 'e2e/**/*.test.ts', 'appPackage/**/*.test.ts', 'infra/**/*.test.ts', 'scripts/**/*.test.ts'],
    pool: 'forks',
    testTimeout: 20_000,
    hookTimeout: 120_000,
    reporters: ['default'],
  },
});
