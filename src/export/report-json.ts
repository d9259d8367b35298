/**
 * Books and statements as JSON: amounts as decimal strings in minor units of their
 * currency (VND has none), dates as ISO strings. A book's lines are written one by one
 * into the array, so a book of any length streams.
 */
import type { Reconciliation } from '../reports/consolidation.js';
import type { Statement } from '../reports/statement.js';
import type { Book } from '../reports/book.js';
import { bigintAsText } from './json-text.js';

const json = (value: unknown): string => JSON.stringify(value, bigintAsText);

export function statementJson(input: { statement: Statement; funds: readonly string[]; reconciliation: Reconciliation | null }) {
  const { statement } = input;
  return JSON.parse(
    json({
      statement: statement.form.id,
      title: statement.form.title,
      from: statement.from,
      to: statement.to,
      previous: statement.previous,
      currency: 'VND',
      funds: input.funds,
      columns: statement.form.columns.map(({ label, period }) => ({ label, period })),
      lines: statement.lines.map(({ code, label, level, values }) => ({ code, label, level, values })),
      checks: statement.checks,
      ...(input.reconciliation && {
        reconciliation: {
          eliminated: input.reconciliation.eliminated,
          unmatched: input.reconciliation.unmatched.map((u) => ({ ...u.transfer, found: u.reason })),
        },
      }),
    }),
  ) as Record<string, unknown>;
}

/** The book's header fields and its lines, as chunks of one JSON document. */
export function* bookJsonChunks(book: Book, entity: string): Generator<string> {
  const { lines, ...header } = book.value;
  const head = json({ book: book.kind === 'journal' ? 'journal' : book.value.kind, entity, ...header });
  yield `${head.slice(0, -1)},"lines":[`;
  let first = true;
  for (const line of lines as Iterable<unknown>) {
    yield (first ? '' : ',') + json(line);
    first = false;
  }
  yield ']}';
}
