/** Builds the floor bundle (tests/bench/floor.ts) with the same minifier as the widget's bundle. */
import { defineConfig } from 'vite';

export default defineConfig({
  build: {
    lib: { entry: 'tests/bench/floor.ts', formats: ['es'], fileName: () => 'floor.js' },
    outDir: 'node_modules/.bench/floor',
    emptyOutDir: true,
    target: 'es2022',
    minify: 'terser',
    terserOptions: { module: true, ecma: 2020, compress: { passes: 3 }, format: { comments: false } },
  },
});
