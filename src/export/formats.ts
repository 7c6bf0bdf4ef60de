/** The export formats, with the file extension and media type each is saved with. */

/** Every format the widget's Export menu and `npm run export` offer. */
export const EXPORT_FORMATS = ['png', 'svg', 'json', 'graphml', 'gexf', 'jsonld'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** The formats that are pictures of the graph as drawn, rather than its data. */
export const IMAGE_FORMATS: ReadonlySet<ExportFormat> = new Set(['png', 'svg']);

export const FORMAT_EXTENSIONS: Readonly<Record<ExportFormat, string>> = {
  png: 'png',
  svg: 'svg',
  json: 'json',
  graphml: 'graphml',
  gexf: 'gexf',
  jsonld: 'jsonld',
};

/**
 * The media type of each format. Web Annotation JSON-LD carries the profile the W3C Web
 * Annotation Protocol gives it; GraphML and GEXF have no registered type, and these are the ones
 * their tools use.
 */
export const FORMAT_MEDIA_TYPES: Readonly<Record<ExportFormat, string>> = {
  png: 'image/png',
  svg: 'image/svg+xml',
  json: 'application/json',
  graphml: 'application/graphml+xml',
  gexf: 'application/gexf+xml',
  jsonld: 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"',
};

/** The file name an export of a dataset is saved under: `<dataset id>.<extension>`. */
export function exportFileName(datasetId: string, format: ExportFormat): string {
  return `${datasetId}.${FORMAT_EXTENSIONS[format]}`;
}
