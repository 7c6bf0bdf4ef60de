/** Builds the floor bundle (tests/bench/floor.ts) with the same minifier as the widget's bundle. */
import { defineConfig } from 'vite';
import { minifier } from '../../minifier.vite.ts';

export default defineConfig({
  build: {
    lib: { entry: 'tests/bench/floor.ts', formats: ['es'], fileName: () => 'floor.js' },
    outDir: 'node_modules/.bench/floor',
    emptyOutDir: true,
    target: 'es2022',
    ...minifier,
  },
});
