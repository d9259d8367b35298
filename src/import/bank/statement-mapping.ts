/**
 * A mapping file for a bank whose statement no known layout reads: which row is the header,
 * which of its columns holds each field, and how dates and amounts are written. It is read
 * as JSON and becomes a layout for that import, checked against the header it names:
 *
 *   { "bank": "Sacombank", "headerRow": 3,
 *     "columns": { "date": "Ngày GD", "ref": "Số CT", "debit": "Ghi nợ", "credit": "Ghi có", "balance": "Số dư", "remark": "Diễn giải" },
 *     "dates": "dmy", "amounts": "comma-thousands", "control": "row-balance" }
 *
 * A workbook's date cells are read as dd/mm/yyyy, whatever `dates` says of its text cells.
 */
import { z } from 'zod';
import { AMOUNT_STYLES, DATE_STYLES, STATEMENT_CONTROLS, type StatementField, type StatementLayout } from './statement-layout.js';

const column = z.string().trim().min(1).max(100);

export const statementMapping = z
  .strictObject({
    bank: z.string().trim().min(1).max(100),
    headerRow: z.number().int().min(1).max(100).default(1).meta({ description: 'The header’s row in the file, from 1' }),
    columns: z.strictObject({
      date: column, time: column.optional(), debit: column.optional(), credit: column.optional(), amount: column.optional().meta({ description: 'One signed column for both sides: a debit written with a minus' }),
      balance: column.optional(), remark: column, ref: column.optional(), counterAccount: column.optional(), sender: column.optional(),
    }),
    dates: z.enum(DATE_STYLES),
    amounts: z.enum(AMOUNT_STYLES),
    control: z.enum(STATEMENT_CONTROLS).default('none'),
    serial: column.optional().meta({ description: 'A column numbering the rows: a record without a number there is not a row' }),
  })
  .refine((m) => m.columns.amount !== undefined || m.columns.credit !== undefined || m.columns.debit !== undefined, { path: ['columns', 'credit'], message: 'name a credit, debit or amount column' })
  .refine((m) => m.columns.amount === undefined || (m.columns.credit === undefined && m.columns.debit === undefined), { path: ['columns', 'amount'], message: 'a signed amount column takes the place of debit and credit' })
  .refine((m) => m.control === 'none' || m.columns.balance !== undefined, { path: ['control'], message: 'a balance check needs a balance column' });

export type StatementMapping = z.output<typeof statementMapping>;

/** A mapping file's text read, or what is wrong with it and where (`mapping.columns.date`). */
export function readMapping(text: string): { ok: true; value: StatementMapping } | { ok: false; path: string; message: string } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, path: 'mapping', message: 'the mapping is not JSON' };
  }
  const parsed = statementMapping.safeParse(json);
  if (parsed.success) return { ok: true, value: parsed.data };
  const issue = parsed.error.issues[0];
  return { ok: false, path: ['mapping', ...(issue?.path ?? [])].join('.'), message: issue?.message ?? 'not a mapping' };
}

export const MAPPING_LAYOUT = 'mapping';

/** The mapping as the layout of a file whose header row is `header`, or the first column it names that the header lacks. */
export function layoutOfMapping(mapping: StatementMapping, header: readonly string[]): { layout: StatementLayout } | { missing: string; path: string } {
  const cells = header.map((h) => h.replace(/^\uFEFF/, '').trim());
  const named: [string, string][] = [...(Object.entries(mapping.columns) as [StatementField, string | undefined][]).flatMap(([field, name]): [string, string][] => (name === undefined ? [] : [[`mapping.columns.${field}`, name]])), ...(mapping.serial === undefined ? [] : [['mapping.serial', mapping.serial] as [string, string]])];
  const absent = named.find(([, name]) => !cells.includes(name));
  if (absent) return { missing: absent[1], path: absent[0] };
  return {
    layout: {
      id: `${MAPPING_LAYOUT}:${mapping.bank}`, bank: mapping.bank, label: `${mapping.bank} (mapping file)`, header: cells, columns: mapping.columns,
      dates: mapping.dates, amounts: mapping.amounts, control: mapping.control, ...(mapping.serial !== undefined && { serial: mapping.serial }),
    },
  };
}
