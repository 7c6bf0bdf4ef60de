/**
 * `vite build --mode embed` (the last step of `npm run build`) writes the iframe page into dist/:
 * dist/embed.js, built from components/embed/embed-page.ts, and dist/embed.html, which is
 * embed.html with its two scripts pointed at the built files beside it. The widget itself is not
 * built again: the page loads dist/actor-graph.js, as an article does.
 */
import { readFileSync } from 'node:fs';
import { defineConfig, type Plugin } from 'vite';
import { minifier } from './minifier.vite.ts';

/** The scripts of embed.html as the dev server serves them (sources), and their files in dist/. */
const SCRIPTS: Readonly<Record<string, string>> = {
  './components/embed/embed-page.ts': './embed.js',
  './components/index.ts': './actor-graph.js',
};

/** Emits dist/embed.html, failing the build if embed.html no longer loads the scripts it should. */
function embedPage(): Plugin {
  return {
    name: 'actor-graph:embed-page',
    apply: 'build',
    generateBundle() {
      let html = readFileSync('embed.html', 'utf8');
      for (const [source, built] of Object.entries(SCRIPTS)) {
        const attribute = `src="${source}"`;
        if (!html.includes(attribute)) this.error(`embed.html does not load ${source}; update SCRIPTS in embed.vite.ts.`);
        html = html.replace(attribute, `src="${built}"`);
      }
      this.emitFile({ type: 'asset', fileName: 'embed.html', source: html });
    },
  };
}

export const embedBuild = defineConfig({
  plugins: [embedPage()],
  build: {
    lib: { entry: 'components/embed/embed-page.ts', formats: ['es'], fileName: () => 'embed.js' },
    target: 'es2022',
    sourcemap: true,
    emptyOutDir: false,
    ...minifier,
  },
});
