/**
 * Reversal: the only correction of a posted entry. It builds a new entry with every line
 * on the other side and every memo in the other direction, dated in an open period, which
 * then passes the same posting rules as any other entry.
 */
import { currencyScale } from './currency.js';
import { dimensionsOf, QUANTITY_SCALE, type Entry, type EntryInput, type LineInput, type MemoInput } from './entry.js';
import { formatAmount } from './money.js';
import { accept, reject, type Result } from './rejections.js';

export interface ReversalRequest {
  readonly date: string;
  readonly description?: string;
  readonly alreadyReversed: boolean;
  /** The number of the voucher whose entry this is, or null; a voucher is corrected by cancelling it. */
  readonly voucher: string | null;
  /** How the original is named in the default description, e.g. its sequence number. */
  readonly originalLabel: string;
  /** Reopening a closed year reverses its closing entries, which nothing else may. */
  readonly reopeningYear?: boolean;
}

export function planReversal(original: Entry, request: ReversalRequest): Result<EntryInput> {
  const reversible = original.kind === 'regular' || original.kind === 'opening' || (original.kind === 'closing' && request.reopeningYear);
  if (!reversible) return reject('entry_not_reversible');
  if (request.alreadyReversed) return reject('entry_already_reversed');
  if (request.voucher !== null) return reject('entry_owned_by_voucher', undefined, request.voucher);
  const lines = original.lines.map((line): LineInput => {
    const amount = formatAmount(line.amount < 0n ? -line.amount : line.amount, 0);
    const foreign =
      line.currency !== null && line.originalAmount !== null && line.rate !== null
        ? { currency: line.currency, originalAmount: formatAmount(line.originalAmount, currencyScale(line.currency) ?? 0), rate: line.rate }
        : {};
    const goods = line.quantity !== null && line.unit !== null ? { quantity: formatAmount(line.quantity, QUANTITY_SCALE), unit: line.unit } : {};
    return {
      account: line.account,
      ...(line.amount > 0n ? { credit: amount } : { debit: amount }),
      ...foreign,
      ...goods,
      ...dimensionsOf(line),
    };
  });
  const memos = original.memos.map((memo): MemoInput => ({
    account: memo.account,
    direction: memo.quantity > 0n ? 'out' : 'in',
    quantity: formatAmount(memo.quantity < 0n ? -memo.quantity : memo.quantity, QUANTITY_SCALE),
    unit: memo.unit,
    ...(memo.item !== null && { item: memo.item }),
  }));
  return accept({
    date: request.date,
    description: request.description ?? `Hủy bút toán ${request.originalLabel}: ${original.description}`,
    lines,
    ...(memos.length > 0 && { memos }),
  });
}
