/**
 * Makes the file of an export and hands it to the browser as a download. Loaded the first time a
 * reader exports, so that the exporters cost a page that never exports nothing.
 */
import type { Core } from 'cytoscape';
import type { LoadedDataset } from '../../src/adapters/load-dataset.ts';
import { datasetJson } from '../../src/export/dataset-json.ts';
import { type ExportFormat, exportFileName, FORMAT_MEDIA_TYPES } from '../../src/export/formats.ts';
import { toGexf } from '../../src/export/gexf.ts';
import { type ExportPositions, toGraphml } from '../../src/export/graphml.ts';
import { type SvgPane, toSvg } from '../../src/export/svg.ts';
import { toWebAnnotationJsonLd } from '../../src/export/web-annotation.ts';
import { buildElements } from '../../src/render/elements.ts';
import type { GraphTheme } from '../../src/render/theme.ts';
import { canvasRendererOf } from './canvas-renderer-internals.ts';
import type { AgExportDetail } from './events.ts';

/** A graph on screen: its Cytoscape core, and its heading in the compare view. */
export interface ShownPane {
  readonly core: Core;
  readonly title?: string | undefined;
}

/** Everything an export needs from the element. */
export interface ExportJob {
  readonly format: ExportFormat;
  readonly loaded: LoadedDataset;
  /** The graphs on screen, left to right; none in the table view. */
  readonly panes: readonly ShownPane[];
  /** Where the actors stand, for GraphML and GEXF, when the graph has been laid out. */
  readonly positions: ExportPositions | undefined;
  readonly theme: GraphTheme;
  readonly lang: string | undefined;
  /** The dataset's URL, under which the annotations' ids are minted; none for inline data. */
  readonly base: string | undefined;
  /** Where the download link is put for its click: inside the element's shadow root, never the page. */
  readonly root: ParentNode;
}

/** A browser may still be reading an object URL a moment after the click; it is let go after this. */
const REVOKE_AFTER_MS = 40_000;
/** The PNG's scale: twice the size on screen, sharp in print and on high-density screens. */
const PNG_SCALE = 2;

/** Where a pane's actors stand now, and which of its ties it shows. */
function svgPaneOf(job: ExportJob, pane: ShownPane): SvgPane {
  const positions = new Map(pane.core.nodes().map((node) => [node.id(), { ...node.position() }]));
  const shownTies = new Set(
    pane.core
      .edges()
      .filter((edge) => !edge.hasClass('filtered') && !edge.hasClass('membership'))
      .map((edge) => edge.id()),
  );
  return {
    title: job.panes.length > 1 ? pane.title : undefined,
    elements: buildElements(job.loaded.dataset, job.lang),
    positions,
    shownTies,
  };
}

/** The current view of each pane at twice its size; two panes side by side under their headings. */
async function pngOf(job: ExportJob): Promise<Blob> {
  const background = job.theme.textHalo;
  const images = await Promise.all(
    // Cytoscape scales its canvas, which already holds the screen's pixel ratio (and the page's
    // zoom): divided out, the image is twice the graph's CSS size on every screen and page, not
    // four times on a high-density one.
    // The container's box is read afresh: the one kept since the last pointer event is scaled to
    // the screen (see watchPosition in cytoscape-controller.ts), and sized the image by it.
    job.panes.map((pane) => {
      const renderer = canvasRendererOf(pane.core);
      renderer?.invalidateContainerClientCoordsCache?.();
      return pane.core.png({
        output: 'blob-promise',
        scale: PNG_SCALE / (renderer?.getPixelRatio?.() ?? (globalThis.devicePixelRatio || 1)),
        full: false,
        bg: background,
      });
    }),
  );
  if (images.length === 1) return images[0] as Blob;
  const bitmaps = await Promise.all(images.map((image) => createImageBitmap(image)));
  const gap = 16 * PNG_SCALE;
  const heading = 32 * PNG_SCALE;
  const canvas = document.createElement('canvas');
  canvas.width = bitmaps.reduce((sum, bitmap) => sum + bitmap.width, 0) + gap * (bitmaps.length - 1);
  canvas.height = heading + Math.max(...bitmaps.map((bitmap) => bitmap.height));
  const context = canvas.getContext('2d');
  if (context === null) throw new Error('the browser gave no canvas to draw the two panes on');
  context.fillStyle = background;
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.fillStyle = job.theme.text;
  context.font = `600 ${(job.theme.fontSize + 1) * PNG_SCALE}px ${job.theme.fontFamily}`;
  context.textBaseline = 'middle';
  let x = 0;
  for (const [index, bitmap] of bitmaps.entries()) {
    context.fillText(job.panes[index]?.title ?? '', x + 12 * PNG_SCALE, heading / 2);
    context.drawImage(bitmap, x, heading);
    x += bitmap.width + gap;
    bitmap.close();
  }
  return new Promise((resolve, reject) =>
    canvas.toBlob(
      (blob) => (blob === null ? reject(new Error('the browser could not encode the PNG')) : resolve(blob)),
      'image/png',
    ),
  );
}

/** The file of an export. Images need a graph on screen; the data formats need only the dataset. */
export async function exportFile(job: ExportJob): Promise<Blob> {
  const { dataset } = job.loaded;
  const text = (content: string) => new Blob([content], { type: FORMAT_MEDIA_TYPES[job.format] });
  if ((job.format === 'png' || job.format === 'svg') && job.panes.length === 0) {
    throw new Error('there is no graph on screen to draw: switch to the graph or compare view');
  }
  switch (job.format) {
    case 'png':
      return pngOf(job);
    case 'svg':
      return text(
        toSvg(
          job.panes.map((pane) => svgPaneOf(job, pane)),
          { theme: job.theme, title: dataset.title },
        ),
      );
    case 'json':
      return text(datasetJson(dataset));
    case 'graphml':
      return text(toGraphml(dataset, { lang: job.lang, positions: job.positions }));
    case 'gexf':
      return text(toGexf(dataset, { lang: job.lang, positions: job.positions, theme: job.theme }));
    case 'jsonld':
      return text(toWebAnnotationJsonLd(dataset, { texts: job.loaded.texts, unverified: job.loaded.unverified, base: job.base }));
  }
}

/** Saves a file through a download link clicked from script, then lets its object URL go. */
export function download(blob: Blob, filename: string, root: ParentNode): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.hidden = true;
  root.append(link);
  try {
    link.click();
  } finally {
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
  }
}

/** Makes the file of an export, downloads it, and says what was saved. */
export async function exportAndDownload(job: ExportJob): Promise<AgExportDetail> {
  const blob = await exportFile(job);
  const filename = exportFileName(job.loaded.dataset.id, job.format);
  download(blob, filename, job.root);
  return { format: job.format, filename, bytes: blob.size };
}
