import { defineConfig } from 'vitest/config';

/** The crash-safety test (`npm run test:crash`): minutes long, so not part of `npm test`. */
export default defineConfig({
  test: {
    root: new URL('../..', import.meta.url).pathname,
    include: ['tests/crash/**/*.test.ts'],
    reporters: ['default', './tests/support/summary-reporter.ts'],
    pool: 'forks',
    hookTimeout: 120_000,
    testTimeout: 45 * 60_000,
  },
});
