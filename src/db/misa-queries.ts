/**
 * What a MISA export reads: a period's entries a page at a time with the voucher each was
 * posted from, the balances the period opens with, the counterparties its lines name, and
 * each counterparty's code.
 */
import type Database from 'better-sqlite3';
import type { CounterpartyForm, CounterpartyKind, CounterpartyRef } from '../ledger/entry.js';
import { counterpartyCode } from '../export/misa/counterparty-code.js';

export interface ExportedEntryRef {
  readonly entryId: number;
  readonly seq: number;
  readonly voucherId: number | null;
  readonly voucherType: string | null;
  readonly cancelsId: number | null;
}

export interface OpeningDetail {
  readonly accountId: number;
  readonly counterpartyId: number | null;
  readonly counterpartyKind: CounterpartyKind | null;
  readonly bankAccount: string | null;
  /** Debit positive. */
  readonly amount: bigint;
}

export interface CounterpartyListRow {
  readonly id: number;
  readonly kind: CounterpartyKind;
  readonly name: string;
  readonly address: string;
  readonly form: CounterpartyForm | null;
}

/** Opening entries dated in the period count as its opening balances, as the trial balance counts them. */
const OPENING = `(l.date < @from OR l.entry_id IN (SELECT id FROM entries WHERE entity_id = @entity AND kind = 'opening' AND date BETWEEN @from AND @to))`;

export class MisaQueries {
  private readonly page: Database.Statement;
  private readonly codeOf: Database.Statement;
  private readonly codes = new Map<string, string>();

  constructor(private readonly sqlite: Database.Database) {
    this.page = sqlite.prepare(
      `SELECT e.id AS entryId, e.seq AS seq, v.id AS voucherId, v.type AS voucherType, v.cancels_id AS cancelsId FROM entries e LEFT JOIN vouchers v ON v.entry_id = e.id
       WHERE e.entity_id = @entity AND e.date BETWEEN @from AND @to AND e.kind <> 'opening' AND e.seq > @after
       ORDER BY e.seq LIMIT @limit`,
    );
    this.codeOf = sqlite.prepare('SELECT id FROM counterparties WHERE entity_id = ? AND kind = ? AND name = ? AND address = ?').pluck();
  }

  /** The period's entries after the sequence number given, opening entries left to the opening balances. */
  entries(entity: number, from: string, to: string, after: number, limit: number): ExportedEntryRef[] {
    return this.page.all({ entity, from, to, after, limit }) as ExportedEntryRef[];
  }

  /** A counterparty's MISA code; the last few thousand are remembered, so long exports stay small. */
  counterpartyCode(entity: number, ref: CounterpartyRef): string | undefined {
    const key = `${ref.kind}\u0000${ref.name}\u0000${ref.address ?? ''}`;
    const known = this.codes.get(key);
    if (known !== undefined) return known;
    const id = this.codeOf.get(entity, ref.kind, ref.name, ref.address ?? '') as number | undefined;
    if (id === undefined) return undefined;
    if (this.codes.size >= 5000) this.codes.clear();
    const code = counterpartyCode(ref.kind, id);
    this.codes.set(key, code);
    return code;
  }

  /** Balances at the start of the period per account, per counterparty and bank account where the lines carry them. */
  *openingDetail(entity: number, from: string, to: string): Generator<OpeningDetail> {
    const rows = this.sqlite
      .prepare(
        `SELECT l.account_id AS accountId, l.counterparty_id AS counterpartyId, cp.kind AS counterpartyKind, b.number AS bankAccount, SUM(l.amount) AS amount
         FROM entry_lines l LEFT JOIN counterparties cp ON cp.id = l.counterparty_id LEFT JOIN bank_accounts b ON b.id = l.bank_account_id
         WHERE l.entity_id = @entity AND ${OPENING}
         GROUP BY l.account_id, l.counterparty_id, l.bank_account_id HAVING SUM(l.amount) <> 0 ORDER BY l.account_id, b.number, l.counterparty_id`,
      )
      .safeIntegers(true)
      .iterate({ entity, from, to }) as Iterable<Record<string, unknown>>;
    for (const r of rows) {
      yield {
        accountId: Number(r.accountId), counterpartyId: r.counterpartyId === null ? null : Number(r.counterpartyId),
        counterpartyKind: r.counterpartyKind as CounterpartyKind | null, bankAccount: r.bankAccount as string | null, amount: r.amount as bigint,
      };
    }
  }

  /** The counterparties the fund's lines name up to the end of the period, in the order they were first recorded. */
  counterparties(entity: number, to: string): Iterable<CounterpartyListRow> {
    return this.sqlite
      .prepare(
        `SELECT id, kind, name, address, form FROM counterparties c WHERE c.entity_id = @entity
         AND EXISTS (SELECT 1 FROM entry_lines l WHERE l.entity_id = @entity AND l.counterparty_id = c.id AND l.date <= @to) ORDER BY id`,
      )
      .iterate({ entity, to }) as Iterable<CounterpartyListRow>;
  }
}
