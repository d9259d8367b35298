/**
 * A statement file opened as a document by what its first bytes say it is: a PDF, an Excel
 * workbook (a zip), or else CSV text.
 */
import type { Readable } from 'node:stream';
import { csvDocument } from './csv-document.js';
import { pdfDocument } from './pdf-document.js';
import type { StatementDocument } from './statement-document.js';
import { xlsxDocument } from './xlsx-document.js';
import { accept, type Result } from '../../ledger/rejections.js';

export type StatementFormat = 'csv' | 'xlsx' | 'pdf';

export function formatOf(head: Buffer): StatementFormat {
  if (head.subarray(0, 5).toString('latin1') === '%PDF-') return 'pdf';
  if (head.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) return 'xlsx';
  return 'csv';
}

export async function openDocument(format: StatementFormat, open: () => Readable): Promise<Result<StatementDocument>> {
  switch (format) {
    case 'pdf':
      return pdfDocument(open());
    case 'xlsx':
      return xlsxDocument(open());
    case 'csv':
    default:
      return accept(csvDocument(open()));
  }
}
