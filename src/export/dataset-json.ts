/** The dataset as a JSON file, as the validator and the widget read it back. */
import type { Dataset } from '../model/schema.ts';

/** Writes a dataset as indented JSON, ending with a line break. */
export function datasetJson(dataset: Dataset): string {
  return `${JSON.stringify(dataset, null, 2)}\n`;
}
