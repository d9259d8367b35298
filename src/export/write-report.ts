/**
 * Writing a book or statement document in the format asked for: PDF to print and sign,
 * XLSX for Excel, CSV (its first sheet) for other tools. Each writer streams into `out`.
 */
import { writeSheetCsv } from './sheet-csv.js';
import { writeSheetPdf } from './sheet-pdf.js';
import { writeSheetXlsx } from './sheet-xlsx.js';
import type { SheetDocument } from './sheet.js';

export const FILE_FORMATS = {
  pdf: { contentType: 'application/pdf', extension: 'pdf' },
  xlsx: { contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', extension: 'xlsx' },
  csv: { contentType: 'text/csv; charset=utf-8', extension: 'csv' },
} as const;

export type FileFormat = keyof typeof FILE_FORMATS;

export async function writeReport(document: SheetDocument, format: FileFormat, out: NodeJS.WritableStream, options: { created?: Date; title?: string } = {}): Promise<void> {
  switch (format) {
    case 'pdf':
      return writeSheetPdf(document, out, { ...(options.created && { creationDate: options.created }), ...(options.title && { title: options.title }) });
    case 'xlsx':
      return writeSheetXlsx(document, out, options.created ? { created: options.created } : {});
    case 'csv': {
      const [first] = document.sheets;
      if (!first) throw new Error('a report document has at least one sheet');
      return writeSheetCsv(first, out);
    }
  }
}
