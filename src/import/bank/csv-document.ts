/** A statement in CSV: every record a line of cells, quoted multi-line remarks included; a CSV prints no figures of its own. */
import type { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import type { StatementDocument } from './statement-document.js';

export function csvDocument(bytes: Readable): StatementDocument {
  const parser = bytes.pipe(parse({ bom: true, relax_column_count: true, skip_empty_lines: true }));
  return { titled: false, records: parser as AsyncIterable<string[]>, printed: () => ({}), close: () => parser.destroy() };
}
