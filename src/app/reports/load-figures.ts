/**
 * A fund's figures for a range, as statements use them: the day totals give each account's
 * opening balance and movements; the lines of opening entries in the range move into the
 * opening balance and those of closing entries are set apart; cash donations are split by
 * the counterparty's form.
 */
import { BalanceQueries } from '../../db/balances-repo.js';
import { StatementQueries } from '../../db/statement-queries.js';
import type { Store } from '../../db/store.js';
import type { Minor } from '../../ledger/money.js';
import { leavesUnder, NO_FIGURES, type AccountFigures, type Figures, type FormKey } from '../../reports/figures.js';
import type { DateRange } from '../../reports/period.js';
import { codeOf, type Fund } from '../fund.js';

/** `split` names the accounts whose movements are also wanted per counterparty form. */
export function loadFigures(store: Store, fund: Fund, range: DateRange, split: readonly string[]): Figures {
  const code = codeOf(fund);
  const entity = fund.entity.id;
  const accounts = new Map<string, AccountFigures>();
  for (const s of new BalanceQueries(store.sqlite).accountSums(entity, range.from, range.to)) {
    accounts.set(code(s.accountId), { ...NO_FIGURES, opening: s.opening, debit: s.debit, credit: s.credit });
  }
  const queries = new StatementQueries(store.sqlite);
  for (const special of queries.specialSums(entity, range)) {
    const f = accounts.get(code(special.accountId)) ?? NO_FIGURES;
    const moved = { debit: f.debit - special.debit, credit: f.credit - special.credit };
    accounts.set(
      code(special.accountId),
      special.kind === 'opening'
        ? { ...f, ...moved, opening: f.opening + special.debit - special.credit }
        : { ...f, ...moved, closingDebit: f.closingDebit + special.debit, closingCredit: f.closingCredit + special.credit },
    );
  }
  const splitLeaves = split.flatMap((account) => leavesUnder(fund.chart, account, fund.accountIds.keys()));
  const byForm = new Map<string, Map<FormKey, { debit: Minor; credit: Minor }>>();
  const splitIds = splitLeaves.map((leaf) => fund.accountIds.get(leaf)).filter((id): id is number => id !== undefined);
  for (const s of queries.formSums(entity, splitIds, range)) {
    const forms = byForm.get(code(s.accountId)) ?? new Map<FormKey, { debit: Minor; credit: Minor }>();
    forms.set(s.form ?? 'none', { debit: s.debit, credit: s.credit });
    byForm.set(code(s.accountId), forms);
  }
  return { accounts, byForm };
}
