/**
 * Sums statements need beyond the day totals: the lines of opening and closing entries in
 * a range, per account (few entries, found through their own index), and the period's
 * movements per account and counterparty form.
 */
import type Database from 'better-sqlite3';

export interface SpecialSums {
  readonly accountId: number;
  readonly kind: 'opening' | 'closing';
  readonly debit: bigint;
  readonly credit: bigint;
}

export interface FormSums {
  readonly accountId: number;
  readonly form: 'organisation' | 'individual' | null;
  readonly debit: bigint;
  readonly credit: bigint;
}

export class StatementQueries {
  private readonly special: Database.Statement;
  private readonly forms: Database.Statement;

  constructor(sqlite: Database.Database) {
    this.special = sqlite
      .prepare(
        `SELECT l.account_id AS accountId, e.kind,
                COALESCE(SUM(CASE WHEN l.amount > 0 THEN l.amount END), 0) AS debit,
                COALESCE(-SUM(CASE WHEN l.amount < 0 THEN l.amount END), 0) AS credit
         FROM entries e JOIN entry_lines l ON l.entry_id = e.id
         WHERE e.entity_id = @entity AND e.kind IN ('opening', 'closing') AND e.date BETWEEN @from AND @to
         GROUP BY l.account_id, e.kind`,
      )
      .safeIntegers(true);
    this.forms = sqlite
      .prepare(
        `SELECT l.account_id AS accountId, cp.form,
                COALESCE(SUM(CASE WHEN l.amount > 0 THEN l.amount END), 0) AS debit,
                COALESCE(-SUM(CASE WHEN l.amount < 0 THEN l.amount END), 0) AS credit
         FROM entry_lines l JOIN entries e ON e.id = l.entry_id LEFT JOIN counterparties cp ON cp.id = l.counterparty_id
         WHERE l.entity_id = @entity AND l.account_id IN (SELECT value FROM json_each(@accounts))
               AND l.date BETWEEN @from AND @to AND e.kind NOT IN ('opening', 'closing')
         GROUP BY l.account_id, cp.form`,
      )
      .safeIntegers(true);
  }

  specialSums(entity: number, range: { from: string; to: string }): SpecialSums[] {
    return (this.special.all({ entity, ...range }) as Record<string, unknown>[]).map((r) => ({
      accountId: Number(r.accountId),
      kind: r.kind as SpecialSums['kind'],
      debit: r.debit as bigint,
      credit: r.credit as bigint,
    }));
  }

  /** Movements of the accounts within the range, per counterparty form, without opening and closing entries. */
  formSums(entity: number, accountIds: readonly number[], range: { from: string; to: string }): FormSums[] {
    if (accountIds.length === 0) return [];
    return (this.forms.all({ entity, accounts: JSON.stringify(accountIds), ...range }) as Record<string, unknown>[]).map((r) => ({
      accountId: Number(r.accountId),
      form: (r.form as FormSums['form']) ?? null,
      debit: r.debit as bigint,
      credit: r.credit as bigint,
    }));
  }
}
