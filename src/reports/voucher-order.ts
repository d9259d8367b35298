/**
 * Vouchers whose number order and date order disagree. Numbers follow the order vouchers were
 * posted in, which is right, but a voucher numbered after another and dated before it
 * (BC0003 dated 30/10 after BC0001 dated 27/11) is what an inspector asks about: each is
 * listed with the lower-numbered voucher of a later date it comes after, per type and fiscal
 * year, so the accountant can explain it beforehand.
 */

export interface NumberedVoucher {
  readonly id: number;
  readonly type: string;
  readonly fiscalYear: number;
  readonly number: string;
  /** Its place in its type's numbering (the number's sequence). */
  readonly sequence: number;
  readonly date: string;
}

export interface OutOfOrder {
  readonly voucher: NumberedVoucher;
  /** The lower-numbered voucher of the same type and year with the latest date after this one's. */
  readonly after: NumberedVoucher;
}

export function outOfOrder(vouchers: readonly NumberedVoucher[]): OutOfOrder[] {
  const series = new Map<string, NumberedVoucher[]>();
  for (const v of vouchers) {
    const key = `${v.type}|${v.fiscalYear}`;
    const list = series.get(key);
    if (list) list.push(v);
    else series.set(key, [v]);
  }
  const found: OutOfOrder[] = [];
  for (const list of series.values()) {
    let latest: NumberedVoucher | undefined;
    for (const v of [...list].sort((a, b) => a.sequence - b.sequence)) {
      if (latest && v.date < latest.date) found.push({ voucher: v, after: latest });
      if (!latest || v.date > latest.date) latest = v;
    }
  }
  return found.sort((a, b) => a.voucher.type.localeCompare(b.voucher.type) || a.voucher.fiscalYear - b.voucher.fiscalYear || a.voucher.sequence - b.voucher.sequence);
}
