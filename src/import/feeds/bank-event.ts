/**
 * One transaction a feed reports, the same for every provider: the provider's id (its
 * idempotency key; 0 is a provider's test), direction, amount in whole đồng, the time as the
 * provider writes it (local, Asia/Ho_Chi_Minh), the bank's reference, the counter-account and
 * the narrative. A delivery that does not read as such is refused with what is missing.
 */

export interface BankEvent {
  readonly providerId: string;
  readonly accountNumber: string;
  readonly direction: 'in' | 'out';
  readonly amount: bigint;
  readonly time: string;
  readonly reference: string | null;
  readonly counterAccount: string | null;
  readonly narrative: string;
}

export type Read = { readonly ok: true; readonly events: readonly BankEvent[] } | { readonly ok: false; readonly reason: string };

type Fields = Record<string, unknown>;

const text = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : typeof v === 'number' ? String(v) : null);

function whole(v: unknown): bigint | null {
  return typeof v === 'number' && Number.isSafeInteger(v) && v !== 0 ? BigInt(v) : null;
}

function event(fields: Fields, names: { id: string; account: string; amount: string; time: string; reference: string; counter: string; narrative: string }, direction?: 'in' | 'out'): BankEvent | string {
  const id = text(fields[names.id]);
  const account = text(fields[names.account]);
  const amount = whole(fields[names.amount]);
  const time = text(fields[names.time]);
  if (id === null) return `no ${names.id}`;
  if (account === null) return `no ${names.account}`;
  if (amount === null) return `${names.amount} is not a whole number of đồng`;
  if (time === null || !/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(time)) return `${names.time} is not yyyy-mm-dd hh:mm:ss`;
  const out = direction === 'out' || (direction === undefined && amount < 0n);
  return {
    providerId: id, accountNumber: account, direction: out ? 'out' : 'in', amount: amount < 0n ? -amount : amount, time,
    reference: text(fields[names.reference]), counterAccount: text(fields[names.counter]), narrative: text(fields[names.narrative]) ?? '',
  };
}

const isFields = (v: unknown): v is Fields => v !== null && typeof v === 'object' && !Array.isArray(v);

function collect(items: readonly unknown[], read: (f: Fields) => BankEvent | string): Read {
  const events: BankEvent[] = [];
  for (const item of items) {
    if (!isFields(item)) return { ok: false, reason: 'a transaction is not an object' };
    const made = read(item);
    if (typeof made === 'string') return { ok: false, reason: made };
    events.push(made);
  }
  return { ok: true, events };
}

export function sepayEvents(body: unknown): Read {
  if (!isFields(body)) return { ok: false, reason: 'the body is not an object' };
  const direction = body.transferType === 'in' ? 'in' : body.transferType === 'out' ? 'out' : undefined;
  if (direction === undefined) return { ok: false, reason: 'transferType is neither in nor out' };
  return collect([body], (f) => event(f, { id: 'id', account: 'accountNumber', amount: 'transferAmount', time: 'transactionDate', reference: 'referenceCode', counter: 'subAccount', narrative: 'content' }, direction));
}

/** Casso V1 sends `data` as an array, V2 as one object. */
export function cassoEvents(body: unknown): Read {
  if (!isFields(body)) return { ok: false, reason: 'the body is not an object' };
  if (Array.isArray(body.data)) {
    return collect(body.data, (f) => event(f, { id: 'id', account: 'bank_sub_acc_id', amount: 'amount', time: 'when', reference: 'tid', counter: 'corresponsiveAccount', narrative: 'description' }));
  }
  if (isFields(body.data)) {
    return collect([body.data], (f) => event(f, { id: 'id', account: 'accountNumber', amount: 'amount', time: 'transactionDateTime', reference: 'reference', counter: 'counterAccountNumber', narrative: 'description' }));
  }
  return { ok: false, reason: 'no data' };
}
