/**
 * A plain-text journal of entries, for fixtures, the demo and `fund-ledger post`.
 *
 *   ; a comment
 *   2024-10-20 Công ty TNHH Phú Cường ủng hộ Tháng cao điểm
 *     1121  Dr 50000000  counterparty=donor:"Công ty TNHH Phú Cường"  bank=7300201012345
 *     5111  Cr 50000000  counterparty=donor:"Công ty TNHH Phú Cường"  campaign=TCD2024
 *     003   in 500 kg
 *
 * An entry is a date and its description, then indented lines: an account, Dr or Cr and a
 * VND amount, then optional key=value dimensions (`address=` and `form=organisation` or
 * `form=individual` follow a counterparty; `allocation=` is a decision number, `#` and the
 * line); or a memo on an off-balance account: an
 * account, `in` or `out`, a quantity, its unit and optionally `item=` the goods. Values with
 * spaces are double-quoted.
 */
import { COUNTERPARTY_FORMS, COUNTERPARTY_KINDS, type CounterpartyForm, type CounterpartyKind, type EntryInput, type LineInput, type MemoInput } from './entry.js';
import { accept, reject, type Result } from './rejections.js';

const TOKEN = /(?:[^\s"]+|"[^"]*")+/g;
const HEADER = /^(\d{4}-\d{2}-\d{2})\s+(.+)$/;

const unquote = (value: string): string => value.replace(/"/g, '');

interface Draft {
  date: string;
  description: string;
  lines: LineInput[];
  memos: MemoInput[];
}

export function parseJournal(text: string): Result<EntryInput[]> {
  const entries: EntryInput[] = [];
  let current: Draft | null = null;
  const finish = (): void => {
    if (current) entries.push({ date: current.date, description: current.description, lines: current.lines, ...(current.memos.length > 0 && { memos: current.memos }) });
    current = null;
  };
  for (const [index, raw] of text.normalize('NFC').split(/\r?\n/).entries()) {
    const where = `line ${index + 1}`;
    const trimmed = raw.trim();
    if (trimmed === '' || trimmed.startsWith(';') || trimmed.startsWith('#')) continue;
    if (!/^\s/.test(raw)) {
      finish();
      const header = HEADER.exec(trimmed);
      if (!header) return reject('journal_malformed', where, 'expected "YYYY-MM-DD description"');
      current = { date: header[1] ?? '', description: header[2] ?? '', lines: [], memos: [] };
      continue;
    }
    if (!current) return reject('journal_malformed', where, 'a posting line before any entry header');
    const parsed = parsePostingLine(trimmed.match(TOKEN) ?? [], current, where);
    if (parsed) return parsed;
  }
  finish();
  return accept(entries);
}

function parsePostingLine(tokens: string[], draft: Draft, where: string): ReturnType<typeof reject> | null {
  const [account, side, amount, ...rest] = tokens;
  if (account === undefined || side === undefined || amount === undefined) {
    return reject('journal_malformed', where, 'expected "<account> Dr|Cr <amount>" or "<account> in|out <quantity> <unit>"');
  }
  if (side === 'in' || side === 'out') {
    const [unit, itemToken, ...extra] = rest;
    const item = itemToken?.startsWith('item=') ? unquote(itemToken.slice('item='.length)) : undefined;
    if (unit === undefined || extra.length > 0 || (itemToken !== undefined && item === undefined)) {
      return reject('journal_malformed', where, 'a memo is "<account> in|out <quantity> <unit> [item=<goods>]"');
    }
    draft.memos.push({ account, direction: side, quantity: amount, unit: unquote(unit), ...(item !== undefined && { item }) });
    return null;
  }
  if (side !== 'Dr' && side !== 'Cr') return reject('journal_malformed', where, `unknown side ${side}`);
  const line: Record<string, unknown> = { account, [side === 'Dr' ? 'debit' : 'credit']: amount };
  for (const token of rest) {
    const problem = applyDimension(line, token);
    if (problem) return reject('journal_malformed', where, problem);
  }
  draft.lines.push(line as unknown as LineInput);
  return null;
}

const KEYS: ReadonlyMap<string, string> = new Map(Object.entries({
  campaign: 'campaign',
  designation: 'designation',
  bank: 'bankAccount',
  ref: 'externalRef',
  currency: 'currency',
  original: 'originalAmount',
  rate: 'rate',
  qty: 'quantity',
  unit: 'unit',
}));

function applyDimension(line: Record<string, unknown>, token: string): string | null {
  const at = token.indexOf('=');
  if (at <= 0) return `expected key=value, got ${token}`;
  const key = token.slice(0, at);
  const value = unquote(token.slice(at + 1));
  if (key === 'counterparty') {
    const colon = value.indexOf(':');
    const kind = value.slice(0, colon) as CounterpartyKind;
    if (colon <= 0 || !COUNTERPARTY_KINDS.includes(kind)) return `counterparty must be kind:name with kind one of ${COUNTERPARTY_KINDS.join(', ')}`;
    const previous = (line.counterparty as { address?: string } | undefined) ?? {};
    line.counterparty = { ...previous, kind, name: value.slice(colon + 1) };
    return null;
  }
  if (key === 'address' || key === 'form') {
    if (!line.counterparty) return `${key} must follow counterparty`;
    if (key === 'form' && !COUNTERPARTY_FORMS.includes(value as CounterpartyForm)) return `form must be one of ${COUNTERPARTY_FORMS.join(', ')}`;
    line.counterparty = { ...(line.counterparty as object), [key]: value };
    return null;
  }
  if (key === 'allocation') {
    const hash = value.lastIndexOf('#');
    const number = Number(value.slice(hash + 1));
    if (hash <= 0 || !Number.isSafeInteger(number) || number < 1) return 'allocation must be <decision number>#<line>';
    line.allocation = { decision: value.slice(0, hash), line: number };
    return null;
  }
  const field = KEYS.get(key);
  if (!field) return `unknown key ${key}`;
  line[field] = value;
  return null;
}
