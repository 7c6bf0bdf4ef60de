import { playwright } from '@vitest/browser-playwright';
import { minifyHTMLLiterals } from 'minify-literals';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';
import { embedBuild } from './embed.vite.ts';
import { minifier } from './minifier.vite.ts';
import { CHROMIUM_ARGS, ensureChromium } from './tests/setup/chromium.ts';

/** Flags for the browser tests only: `gc()` and unrounded `performance.memory` figures. */
const MEMORY_TEST_ARGS = ['--js-flags=--expose-gc', '--enable-precise-memory-info'];

/** Only Vitest needs a browser; `vite build` and the dev server must not go looking for one. */
const isVitest = process.env.VITEST !== undefined;

/**
 * Minifies the HTML and CSS inside Lit's `html` and `css` templates of our components when
 * building: the JavaScript minifier leaves template text alone, and its white space is a good
 * part of the widget's own weight.
 */
function minifyTemplates(): Plugin {
  return {
    name: 'actor-graph:minify-templates',
    apply: 'build',
    enforce: 'post',
    async transform(code, id) {
      if (!/\/components\/.*\.ts$/.test(id)) return null;
      const result = await minifyHTMLLiterals(code, { fileName: id });
      if (result === null) return null;
      return { code: result.code, map: result.map === undefined ? null : JSON.stringify(result.map) };
    },
  };
}

/**
 * lodash, inside Cytoscape, finds the global object with `Function('return this')()` when neither
 * `global` nor `self` exists. Browsers never get that far, but the bundle must not hold a Function
 * constructor at all: strict CSPs forbid it. `globalThis` is the same object.
 */
function noFunctionConstructor(): Plugin {
  return {
    name: 'actor-graph:no-function-constructor',
    apply: 'build',
    transform(code, id) {
      if (!id.includes('/node_modules/')) return null;
      const replaced = code.replace(/\bFunction\((['"])return this\1\)\(\)/g, 'globalThis');
      return replaced === code ? null : { code: replaced, map: null };
    },
  };
}

/**
 * `vite build --mode worker` builds the layout worker on its own, as dist/actor-graph.layout-worker.js:
 * a worker must not share chunks with the page's bundle, which defines custom elements.
 */
const workerBuild = defineConfig({
  plugins: [noFunctionConstructor()],
  build: {
    lib: { entry: 'components/actor-graph/layout-worker.ts', formats: ['es'], fileName: () => 'actor-graph.layout-worker.js' },
    target: 'es2022',
    sourcemap: true,
    emptyOutDir: false,
    ...minifier,
  },
});

// `--mode embed` builds the iframe page, embed.html (see embed.vite.ts).
export default defineConfig(({ mode }) => (mode === 'worker' ? workerBuild : mode === 'embed' ? embedBuild : mainConfig));

const mainConfig = defineConfig({
  plugins: [minifyTemplates(), noFunctionConstructor()],
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
    // The lazy chunk of the compare and table views imports what it shares with the entry from the
    // entry itself ('allow-extension'), so no third, shared chunk is split off.
    rolldownOptions: { preserveEntrySignatures: 'allow-extension' },
    ...minifier,
    sourcemap: true,
    emptyOutDir: true,
  },
  server: { host: '127.0.0.1', port: 5173 },
  test: {
    // CI also writes a JSON report, from which .ci/run prints a plain closing line.
    reporters: process.env.CI ? ['default', ['json', { outputFile: '.vitest-results.json' }]] : ['default'],
    // The projects run one after the other (sequence.groupOrder), and the page tests one file at a
    // time: each drives Chromium (one runs a CLI with its own), and on a 2-core machine running them
    // beside the browser tests starves the timings those tests hold the widget to (fitted within
    // 500 ms of being shown).
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          environment: 'node',
          sequence: { groupOrder: 0 },
        },
      },
      {
        // Pages driven from Node in real Chromium, for what needs real HTTP (response headers).
        test: {
          name: 'page',
          include: ['tests/page/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          fileParallelism: false,
          sequence: { groupOrder: 1 },
        },
      },
      {
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.ts'],
          sequence: { groupOrder: 2 },
          browser: {
            enabled: true,
            headless: true,
            provider: playwright({
              // gc() and exact heap figures, for the memory tests.
              launchOptions: isVitest
                ? { executablePath: ensureChromium(), args: [...CHROMIUM_ARGS, ...MEMORY_TEST_ARGS] }
                : { args: CHROMIUM_ARGS },
            }),
            instances: [{ browser: 'chromium', viewport: { width: 1280, height: 800 } }],
            screenshotFailures: false,
          },
        },
      },
    ],
  },
});
