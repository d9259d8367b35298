/**
 * An entry's lines as debit–credit pairs, as programs that take one debit and one credit
 * account per row want them (MISA's import templates): debits and credits are walked in
 * line order and matched greedily, each pair taking what is left of both, so the pairs of a
 * line add up exactly to it and the same entry always gives the same pairs.
 */
import type { Minor } from './money.js';

export interface DrCrPair<L> {
  readonly debit: L;
  readonly credit: L;
  /** Positive, in the lines' minor units. */
  readonly amount: Minor;
}

/** The pairs of a balanced set of lines (debits positive, credits negative); lines of zero take part in none. */
export function drCrPairs<L extends { readonly amount: Minor }>(lines: readonly L[]): DrCrPair<L>[] {
  const debits = lines.filter((l) => l.amount > 0n).map((line) => ({ line, left: line.amount }));
  const credits = lines.filter((l) => l.amount < 0n).map((line) => ({ line, left: -line.amount }));
  const total = (side: readonly { left: Minor }[]) => side.reduce((sum, s) => sum + s.left, 0n);
  if (total(debits) !== total(credits)) throw new RangeError('the lines do not balance');
  const pairs: DrCrPair<L>[] = [];
  let d = 0;
  let c = 0;
  while (d < debits.length && c < credits.length) {
    const debit = debits[d] as (typeof debits)[number];
    const credit = credits[c] as (typeof credits)[number];
    const amount = debit.left < credit.left ? debit.left : credit.left;
    pairs.push({ debit: debit.line, credit: credit.line, amount });
    debit.left -= amount;
    credit.left -= amount;
    if (debit.left === 0n) d += 1;
    if (credit.left === 0n) c += 1;
  }
  return pairs;
}
