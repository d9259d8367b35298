/**
 * Reads a chart of accounts from CSV text, in the layout of the default chart file:
 * code,parent,name_vi,name_en,class,normal_side,off_balance,note
 * so that the official appendix or another regime's chart can be loaded without code.
 */
import { parse } from 'csv-parse/sync';
import { validateChart, type ChartRow, type NormalSide } from './chart.js';
import { reject, type Result } from './rejections.js';

const REQUIRED = ['code', 'parent', 'name_vi', 'class', 'normal_side', 'off_balance'] as const;
const SIDES: readonly NormalSide[] = ['debit', 'credit', 'none'];

export function parseChartCsv(text: string): Result<readonly ChartRow[]> {
  let records: Record<string, string>[];
  try {
    records = parse(text.normalize('NFC'), { columns: true, skip_empty_lines: true, trim: true, bom: true });
  } catch (error) {
    return reject('chart_malformed', 'csv', (error as Error).message);
  }
  if (records.length === 0) return validateChart([]);
  const header = Object.keys(records[0] ?? {});
  const missing = REQUIRED.filter((column) => !header.includes(column));
  if (missing.length > 0) return reject('chart_malformed', 'csv', `missing columns: ${missing.join(', ')}`);
  const rows: ChartRow[] = [];
  for (const [index, record] of records.entries()) {
    const side = record.normal_side as NormalSide;
    if (!SIDES.includes(side)) return reject('chart_malformed', `rows[${index}].normal_side`, record.normal_side);
    if (record.off_balance !== '0' && record.off_balance !== '1') {
      return reject('chart_malformed', `rows[${index}].off_balance`, record.off_balance);
    }
    rows.push({
      code: record.code ?? '',
      parent: record.parent ? record.parent : null,
      nameVi: record.name_vi ?? '',
      nameEn: record.name_en ?? '',
      class: record.class ?? '',
      normalSide: side,
      offBalance: record.off_balance === '1',
      note: record.note ? record.note : null,
    });
  }
  return validateChart(rows);
}
