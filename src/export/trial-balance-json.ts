/** The trial balance as JSON: amounts as decimal strings of VND, quantities as decimals of their unit. */
import { QUANTITY_SCALE } from '../ledger/entry.js';
import { formatAmount } from '../ledger/money.js';
import type { Sided, TrialBalance } from '../reports/trial-balance.js';

const sided = (s: Sided) => ({ debit: s.debit.toString(), credit: s.credit.toString() });

export function trialBalanceJson(tb: TrialBalance) {
  return {
    from: tb.from,
    to: tb.to,
    currency: 'VND',
    balanced: tb.balanced,
    rows: tb.rows.map((r) => ({
      account: r.code,
      name: r.name,
      depth: r.depth,
      leaf: r.leaf,
      opening: sided(r.opening),
      period: sided(r.period),
      closing: sided(r.closing),
    })),
    totals: { opening: sided(tb.totals.opening), period: sided(tb.totals.period), closing: sided(tb.totals.closing) },
    offBalance: tb.offBalance.map((h) => ({
      account: h.code,
      name: h.name,
      unit: h.unit,
      ...(h.item !== null && { item: h.item }),
      opening: formatAmount(h.opening, QUANTITY_SCALE),
      in: formatAmount(h.in, QUANTITY_SCALE),
      out: formatAmount(h.out, QUANTITY_SCALE),
      closing: formatAmount(h.closing, QUANTITY_SCALE),
    })),
  };
}
