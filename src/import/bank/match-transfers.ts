/**
 * Which of a statement's rows are transfers the books already know — a row of an earlier
 * statement of the same account (a later release covering some of the same days), or an
 * event a live feed reported — and which cannot be decided. A transfer is never merged with
 * another because they look alike: only the bank's reference, or the transaction's time to
 * the second, says two records are one transfer; rows with neither (a community CSV's bare
 * date, amount and remark) are the same only when both sides hold exactly as many of them.
 * Whatever is left undecided goes to review with the reason, never dropped and never doubled.
 */

/** A transfer as both a statement row and a feed event record it. */
export interface Transfer {
  readonly postedOn: string;
  /** HH:MM:SS where known. */
  readonly time: string | null;
  readonly direction: 'in' | 'out';
  readonly amount: bigint;
  readonly ref: string | null;
  readonly counterAccount: string | null;
  /** The remark as printed: compared only between statements. */
  readonly remark: string | null;
}

/** What the books already hold: a canonical row of an earlier statement, or a feed's event. */
export interface KnownTransfer extends Transfer {
  readonly source: { readonly kind: 'row'; readonly batchId: number; readonly ordinal: number } | { readonly kind: 'event'; readonly eventId: number };
}

export interface NewRow extends Transfer {
  readonly ordinal: number;
}

export type Decision =
  | { readonly ordinal: number; readonly status: 'matched'; readonly to: KnownTransfer['source'] }
  | { readonly ordinal: number; readonly status: 'review'; readonly reason: string };

/** How many days a bank's posting date may lag the transaction's. */
const POSTING_LAG_DAYS = 3;

const dayNumber = (iso: string) => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / 86_400_000;

/** Two printed counter-accounts can be the same one: equal where neither masks the digit (`x`, `*`). */
export function sameCounterAccount(a: string | null, b: string | null): boolean {
  const digits = (s: string | null) => (s ?? '').replace(/[^0-9xX*]/g, '');
  const [p, q] = [digits(a), digits(b)];
  if (p === '' || q === '') return true;
  const masked = (c: string) => /[xX*]/.test(c);
  if (p.length === q.length) return [...p].every((c, i) => c === q[i] || masked(c) || masked(q[i] as string));
  const [pp, qq] = [p.split(/[xX*]/)[0] as string, q.split(/[xX*]/)[0] as string];
  return pp.startsWith(qq) || qq.startsWith(pp);
}

const movement = (t: Transfer) => `${t.direction}|${t.amount}`;
const byRef = (t: Transfer) => `${movement(t)}|${t.ref}`;
const byTime = (t: Transfer) => `${movement(t)}|${t.postedOn}|${t.time}`;
const byShape = (t: Transfer) => `${movement(t)}|${t.postedOn}|${t.remark}|${t.counterAccount}`;

function groups<T>(items: readonly T[], key: (t: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = map.get(k);
    if (list) list.push(item);
    else map.set(k, [item]);
  }
  return map;
}

const describe = (s: KnownTransfer['source']) => (s.kind === 'row' ? `row ${s.ordinal} of statement ${s.batchId}` : `feed event ${s.eventId}`);

/**
 * Decides, for each new row that the books may already know, whether it is matched and to
 * what, or is to be reviewed. Rows left out of the answer are new transfers.
 */
export function matchTransfers(rows: readonly NewRow[], known: readonly KnownTransfer[]): Decision[] {
  const decisions: Decision[] = [];
  const used = new Set<KnownTransfer>();
  const left: NewRow[] = [];

  // The bank's reference, with the same movement and a posting date within the lag.
  const refs = groups(known.filter((k) => k.ref !== null), byRef);
  for (const row of rows) {
    const same = row.ref === null ? [] : (refs.get(byRef(row)) ?? []).filter((k) => !used.has(k) && Math.abs(dayNumber(k.postedOn) - dayNumber(row.postedOn)) <= POSTING_LAG_DAYS);
    if (same.length === 1) {
      used.add(same[0] as KnownTransfer);
      decisions.push({ ordinal: row.ordinal, status: 'matched', to: (same[0] as KnownTransfer).source });
    } else if (same.length > 1) decisions.push({ ordinal: row.ordinal, status: 'review', reason: `reference ${row.ref} of the same amount is on ${same.map((k) => describe(k.source)).join(', ')}` });
    else left.push(row);
  }

  // A known transfer with another reference is another transfer; one without may still be this row.
  const open = known.filter((k) => !used.has(k));
  const comparable = (row: NewRow, k: KnownTransfer) => (row.ref === null || k.ref === null) && sameCounterAccount(row.counterAccount, k.counterAccount);

  // The time to the second, where both sides print it.
  const times = groups(open.filter((k) => k.time !== null), byTime);
  const untimed: NewRow[] = [];
  for (const row of left) {
    const same = row.time === null ? [] : (times.get(byTime(row)) ?? []).filter((k) => !used.has(k) && comparable(row, k));
    if (same.length === 1) {
      used.add(same[0] as KnownTransfer);
      decisions.push({ ordinal: row.ordinal, status: 'matched', to: (same[0] as KnownTransfer).source });
    } else if (same.length > 1) decisions.push({ ordinal: row.ordinal, status: 'review', reason: `${same.length} transfers of the same amount at ${row.postedOn} ${row.time}: ${same.map((k) => describe(k.source)).join(', ')}` });
    else untimed.push(row);
  }

  // Rows with neither: the same date, movement, remark and counter-account, as many on both sides.
  const shapes = groups(open.filter((k) => !used.has(k) && k.ref === null && k.remark !== null), byShape);
  for (const [key, mine] of groups(untimed, byShape)) {
    const theirs = (shapes.get(key) ?? []).filter((k) => !used.has(k));
    if (theirs.length === 0) continue;
    if (theirs.length === mine.length) {
      mine.forEach((row, i) => {
        const k = theirs[i] as KnownTransfer;
        used.add(k);
        decisions.push({ ordinal: row.ordinal, status: 'matched', to: k.source });
      });
    } else {
      for (const row of mine) decisions.push({ ordinal: row.ordinal, status: 'review', reason: `${mine.length} alike rows here, ${theirs.length} in ${describe((theirs[0] as KnownTransfer).source)} and alike` });
    }
  }
  return decisions.sort((a, b) => a.ordinal - b.ordinal);
}
