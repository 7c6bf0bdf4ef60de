import { playwright } from '@vitest/browser-playwright';
import { defineConfig } from 'vitest/config';
import { CHROMIUM_ARGS, ensureChromium } from './tests/setup/chromium.ts';

/** Only Vitest needs a browser; `vite build` and the dev server must not go looking for one. */
const isVitest = process.env.VITEST !== undefined;

export default defineConfig({
  build: {
    // One self-contained ES module that defines the elements: dist/actor-graph.js.
    lib: {
      entry: 'components/index.ts',
      formats: ['es'],
      fileName: () => 'actor-graph.js',
    },
    target: 'es2022',
    // The bundle is loaded as it is by article pages, so it is fully minified here (Vite keeps
    // white space in ES library builds by default, for consumers that bundle again).
    rolldownOptions: { output: { minify: true } },
    sourcemap: true,
    emptyOutDir: true,
  },
  server: { host: '127.0.0.1', port: 5173 },
  test: {
    // CI also writes a JSON report, from which .ci/run prints a plain closing line.
    reporters: process.env.CI ? ['default', ['json', { outputFile: '.vitest-results.json' }]] : ['default'],
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.ts'],
          browser: {
            enabled: true,
            headless: true,
            provider: playwright({
              launchOptions: isVitest ? { executablePath: ensureChromium(), args: CHROMIUM_ARGS } : { args: CHROMIUM_ARGS },
            }),
            instances: [{ browser: 'chromium', viewport: { width: 1280, height: 800 } }],
            screenshotFailures: false,
          },
        },
      },
    ],
  },
});
