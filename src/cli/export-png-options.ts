/**
 * What a PNG export shows (the view, the graph box's size) and how the CLI reads it; apart from
 * export-png.ts so that the other formats never load the browser driver.
 */

/** The views that have a picture; the table has none. */
export const PNG_VIEWS = ['graph', 'compare'] as const;
export type PngView = (typeof PNG_VIEWS)[number];

/** What the PNG shows, and how large the graph is drawn on the page. */
export interface PngOptions {
  readonly view: PngView;
  /** The layout seed (`layout-seed`); the widget's default (1) when `undefined`. */
  readonly seed: number | undefined;
  readonly lang: string | undefined;
  readonly showAbsent: boolean;
  /** The graph box's size in CSS pixels (each pane's, in the compare view); the PNG is twice that. */
  readonly width: number;
  readonly height: number;
}

/** The graph box of a PNG, in CSS pixels, unless --width and --height say otherwise. */
export const PNG_DEFAULT_SIZE = { width: 1100, height: 700 } as const;

/** Twice 4,000 px, and two panes of it side by side, stay within what Chromium's canvas can encode. */
const PNG_SIZE_RANGE = [100, 4000] as const;

/** The value of `--width` or `--height`, or `undefined` after saying on stderr what is wrong with it. */
export function readPngSize(option: string, value: string | undefined, fallback: number): number | undefined {
  const [least, most] = PNG_SIZE_RANGE;
  if (value === undefined) return fallback;
  const size = /^\d+$/.test(value) ? Number(value) : Number.NaN;
  if (size >= least && size <= most) return size;
  console.error(`${option} must be a whole number of CSS pixels from ${least} to ${most}, not "${value}".`);
  return undefined;
}

/** "2200×1400 px": the size a PNG's header gives. */
export function pngSize(png: Uint8Array): string {
  const header = new DataView(png.buffer, png.byteOffset, png.byteLength);
  return `${header.getUint32(16)}×${header.getUint32(20)} px`;
}
