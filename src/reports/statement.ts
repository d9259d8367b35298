/**
 * A statement computed from its form and a fund's figures: one value per line and column,
 * lines made of other lines after those, and the form's checks (assets equal sources; the
 * closing balance equals 421), for the statement's range and, in `previous` columns, the
 * range it compares with. Consolidation adds statements of several funds line by line; a
 * fund whose books miss the previous range leaves that column of the sum blank.
 */
import type { Chart } from '../ledger/chart.js';
import type { Minor } from '../ledger/money.js';
import type { DateRange } from './period.js';
import { closingOf, leavesUnder, NO_FIGURES, type AccountFigures, type Figures } from './figures.js';
import type { Measure, StatementColumnDefinition, StatementForm, Term } from './statement-form.js';

export interface StatementLine {
  readonly code: string;
  readonly label: string;
  readonly level: 0 | 1;
  readonly strong: boolean;
  /** One per column; null for a heading, and in a column whose period the books do not cover. */
  readonly values: readonly (Minor | null)[];
}

export interface StatementCheck {
  readonly label: string;
  readonly left: string;
  readonly right: string;
  readonly ok: boolean;
}

export interface Statement extends StatementRanges {
  readonly form: StatementForm;
  readonly lines: readonly StatementLine[];
  readonly checks: readonly StatementCheck[];
}

function measured(figures: AccountFigures, measure: Measure, column: StatementColumnDefinition): Minor {
  switch (measure) {
    case 'balance':
      return column.at === 'start' ? figures.opening : closingOf(figures);
    case 'opening':
      return figures.opening;
    case 'closing':
      return closingOf(figures);
    case 'debit':
      return figures.debit;
    case 'credit':
      return figures.credit;
    case 'net-debit':
      return figures.debit - figures.credit;
    case 'net-credit':
      return figures.credit - figures.debit;
  }
}

function accountTerm(chart: Chart, figures: Figures, term: Extract<Term, { account: string }>, column: StatementColumnDefinition): Minor {
  let total = 0n;
  for (const leaf of leavesUnder(chart, term.account, figures.accounts.keys())) {
    let own = figures.accounts.get(leaf) ?? NO_FIGURES;
    if (term.counterpartyForm !== undefined) {
      const flows = figures.byForm.get(leaf)?.get(term.counterpartyForm) ?? { debit: 0n, credit: 0n };
      own = { ...NO_FIGURES, ...flows };
    }
    total += measured(own, term.measure, column);
  }
  return term.sign === -1 ? -total : total;
}

type Values = readonly (Minor | null)[];

const plus = (a: Minor | null, b: Minor | null): Minor | null => (a === null || b === null ? null : a + b);

/**
 * Lines in definition order; a line may use lines defined after it, so each is computed on
 * demand. A column whose figures are not on the books is null throughout.
 */
function valuesOf(form: StatementForm, compute: (term: Extract<Term, { account: string }>, column: StatementColumnDefinition) => Minor | null): Map<string, Values> {
  const byCode = new Map(form.lines.map((l) => [l.code, l]));
  const values = new Map<string, Values>();
  const valueOf = (code: string, trail: readonly string[]): Values => {
    const known = values.get(code);
    if (known) return known;
    const line = byCode.get(code);
    if (!line || trail.includes(code)) throw new Error(`statement ${form.id}: line ${code} is unknown or refers to itself`);
    const computed = form.columns.map((column, index) =>
      line.terms.reduce<Minor | null>((sum, term) => {
        const value = 'line' in term ? (valueOf(term.line, [...trail, code])[index] ?? null) : compute(term, column);
        return plus(sum, 'line' in term && term.sign === -1 && value !== null ? -value : value);
      }, 0n),
    );
    values.set(code, computed);
    return computed;
  };
  for (const line of form.lines) valueOf(line.code, []);
  return values;
}

function assemble(form: StatementForm, ranges: StatementRanges, values: ReadonlyMap<string, Values>): Statement {
  const lines = form.lines.map((l) => ({
    code: l.code,
    label: l.label,
    level: l.level,
    strong: l.strong ?? false,
    values: l.terms.length === 0 ? form.columns.map(() => null) : (values.get(l.code) ?? []),
  }));
  const checks = form.checks.map((c) => {
    const [left, right] = [values.get(c.left) ?? [], values.get(c.right) ?? []];
    return { ...c, ok: left.every((v, i) => v === right[i]) };
  });
  return { form, from: ranges.from, to: ranges.to, previous: ranges.previous, lines, checks };
}

export interface StatementRanges extends DateRange {
  /** The range `previous` columns cover (`previousRange`); null when there is none. */
  readonly previous: DateRange | null;
}

/** `previous` is null when the books do not cover the range the statement compares with. */
export function statement(input: { form: StatementForm; chart: Chart; figures: Figures; previous: Figures | null; ranges: StatementRanges }): Statement {
  const values = valuesOf(input.form, (term, column) => {
    const figures = column.period === 'current' ? input.figures : input.previous;
    return figures === null ? null : accountTerm(input.chart, figures, term, column);
  });
  return assemble(input.form, input.ranges, values);
}

/** The statements of several funds (of one form and range) added line by line, checks taken again. */
export function addStatements(form: StatementForm, ranges: StatementRanges, parts: readonly Statement[]): Statement {
  const values = new Map<string, Values>();
  for (const part of parts) {
    for (const line of part.lines) {
      const sum = values.get(line.code) ?? form.columns.map(() => 0n);
      values.set(line.code, sum.map((v, i) => plus(v, line.values[i] ?? null)));
    }
  }
  return assemble(form, ranges, values);
}
