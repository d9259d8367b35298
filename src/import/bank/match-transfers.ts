/**
 * Which of a statement's rows are transfers the books already know — a row of an earlier
 * statement of the same account (a later release covering some of the same days), or an
 * event a live feed reported — and which cannot be decided. A transfer is never merged with
 * another because they look alike: only the bank's reference, or the transaction's time
 * (within two minutes, as a feed and the bank's own record may differ), says two records are
 * one transfer; rows with neither (a community CSV's bare date, amount and remark) are the
 * same only when both sides hold exactly as many of them. A row that could still be a known
 * transfer nothing tells apart from it — the same day and movement, and no reference or time
 * on one side to say otherwise — goes to review with the reason, never dropped and never doubled.
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
/** How far apart a feed's time and the bank's may be for one transfer. */
const TIME_DRIFT_SECONDS = 120;

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
const byDay = (t: Transfer) => `${movement(t)}|${t.postedOn}`;
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

const seconds = (time: string) => Number(time.slice(0, 2)) * 3600 + Number(time.slice(3, 5)) * 60 + Number(time.slice(6, 8));

/** Known transfers of one day and movement in time order, to find those within the drift of a time. */
function byTimeOfDay(known: readonly KnownTransfer[]): Map<string, { at: number; k: KnownTransfer }[]> {
  const map = groups(known.filter((k) => k.time !== null), byDay);
  const sorted = new Map<string, { at: number; k: KnownTransfer }[]>();
  for (const [key, list] of map) sorted.set(key, list.map((k) => ({ at: seconds(k.time as string), k })).sort((a, b) => a.at - b.at));
  return sorted;
}

function near(list: readonly { at: number; k: KnownTransfer }[], at: number): KnownTransfer[] {
  let [lo, hi] = [0, list.length];
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((list[mid] as { at: number }).at < at - TIME_DRIFT_SECONDS) lo = mid + 1;
    else hi = mid;
  }
  const found: KnownTransfer[] = [];
  for (let i = lo; i < list.length && (list[i] as { at: number }).at <= at + TIME_DRIFT_SECONDS; i += 1) found.push((list[i] as { k: KnownTransfer }).k);
  return found;
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

  // The time within the drift, where both sides print it: the same second first.
  const times = byTimeOfDay(open);
  const untimed: NewRow[] = [];
  for (const row of left) {
    const close = row.time === null ? [] : near(times.get(byDay(row)) ?? [], seconds(row.time)).filter((k) => !used.has(k) && comparable(row, k));
    const exact = close.filter((k) => k.time === row.time);
    const same = exact.length === 1 ? exact : close;
    if (same.length === 1) {
      used.add(same[0] as KnownTransfer);
      decisions.push({ ordinal: row.ordinal, status: 'matched', to: (same[0] as KnownTransfer).source });
    } else if (same.length > 1) decisions.push({ ordinal: row.ordinal, status: 'review', reason: `${same.length} transfers of the same amount within two minutes of ${row.postedOn} ${row.time}: ${same.slice(0, 5).map((k) => describe(k.source)).join(', ')}` });
    else untimed.push(row);
  }

  // Rows with neither: the same date, movement, remark and counter-account, as many on both sides.
  const shapes = groups(open.filter((k) => !used.has(k) && k.ref === null && k.remark !== null), byShape);
  const undecided: NewRow[] = [];
  for (const [key, mine] of groups(untimed, byShape)) {
    const theirs = (shapes.get(key) ?? []).filter((k) => !used.has(k));
    if (theirs.length === 0) undecided.push(...mine);
    else if (theirs.length === mine.length) {
      mine.forEach((row, i) => {
        const k = theirs[i] as KnownTransfer;
        used.add(k);
        decisions.push({ ordinal: row.ordinal, status: 'matched', to: k.source });
      });
    } else {
      for (const row of mine) decisions.push({ ordinal: row.ordinal, status: 'review', reason: `${mine.length} alike rows here, ${theirs.length} in ${describe((theirs[0] as KnownTransfer).source)} and alike` });
    }
  }

  // What nothing tells apart from a known transfer of the same day and movement is not new either.
  const rest = open.filter((k) => !used.has(k));
  const [anyDay, reflessDay] = [groups(rest, byDay), groups(rest.filter((k) => k.ref === null), byDay)];
  const SHOWN = 5;
  for (const row of undecided) {
    const maybe: KnownTransfer[] = [];
    for (const k of (row.ref === null ? anyDay : reflessDay).get(byDay(row)) ?? []) {
      if (used.has(k) || !sameCounterAccount(row.counterAccount, k.counterAccount) || (row.time !== null && k.time !== null)) continue;
      maybe.push(k);
      if (maybe.length > SHOWN) break;
    }
    if (maybe.length > 0) decisions.push({ ordinal: row.ordinal, status: 'review', reason: `may be ${maybe.slice(0, SHOWN).map((k) => describe(k.source)).join(', ')}${maybe.length > SHOWN ? ' and more' : ''}: nothing on either side tells them apart` });
  }
  return decisions.sort((a, b) => a.ordinal - b.ordinal);
}
