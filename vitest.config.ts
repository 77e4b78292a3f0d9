import { defineConfig } from 'vitest/config';

// Two projects (test/README.md): `unit` runs in process, no browser and no subprocess (the inner
// loop, under 30 s); `e2e` is every *.e2e.test.ts (Chromium, the real binary, Python) and the
// fuzz tests at their full count. `npm test` runs both.
const E2E = 'test/**/*.e2e.test.ts';
const FUZZ = 'test/hostile/fuzz/*.test.ts';

export default defineConfig({
  test: {
    testTimeout: 30000,
    hookTimeout: 60000,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts'],
          exclude: [E2E],
          // Files share a worker's module cache: nodejieba, OpenCC and the bundled content load once
          // per worker, not once per file (measured: 132 s of CPU with isolation, 57 s without).
          // Tests restore what they mock; none changes module state.
          isolate: false,
          // The fuzz tests run here with a hundredth of their inputs, as a smoke test.
          env: { ASLINT_FUZZ_RUNS: '100', ASLINT_FUZZ_CONTENT_RUNS: '20' },
        },
      },
      { extends: true, test: { name: 'e2e', include: [E2E, FUZZ] } },
    ],
  },
});
