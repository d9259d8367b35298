/**
 * What a MISA export reads: a period's entries a page at a time with the voucher each was
 * posted from, their lines and vouchers a page at once, the balances the period opens with,
 * and the counterparties its lines name.
 */
import type Database from 'better-sqlite3';
import { counterpartyCode } from '../export/misa/counterparty-code.js';
import type { ExportedEntry, ExportedLine, ExportedVoucher } from '../export/misa/misa-voucher.js';
import type { CounterpartyForm, CounterpartyKind } from '../ledger/entry.js';
import type { VoucherContent } from '../ledger/vouchers/voucher.js';

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
  private readonly headers: Database.Statement;
  private readonly lines: Database.Statement;
  private readonly vouchers: Database.Statement;

  constructor(private readonly sqlite: Database.Database) {
    this.page = sqlite.prepare(
      `SELECT e.id AS entryId, e.seq AS seq, v.id AS voucherId, v.type AS voucherType, v.cancels_id AS cancelsId FROM entries e LEFT JOIN vouchers v ON v.entry_id = e.id
       WHERE e.entity_id = @entity AND e.date BETWEEN @from AND @to AND e.kind <> 'opening' AND e.seq > @after
       ORDER BY e.seq LIMIT @limit`,
    );
    this.headers = sqlite.prepare('SELECT id, seq, date, description FROM entries WHERE id IN (SELECT value FROM json_each(?))');
    this.lines = sqlite
      .prepare(
        `SELECT l.entry_id AS entryId, a.code AS account, l.amount, l.currency, l.original_amount AS originalAmount, l.rate,
                l.counterparty_id AS counterpartyId, cp.kind AS counterpartyKind, cp.name AS counterpartyName, cp.address AS counterpartyAddress,
                b.number AS bankAccount, c.code AS campaign
         FROM entry_lines l JOIN accounts a ON a.id = l.account_id
         LEFT JOIN counterparties cp ON cp.id = l.counterparty_id LEFT JOIN bank_accounts b ON b.id = l.bank_account_id LEFT JOIN campaigns c ON c.id = l.campaign_id
         WHERE l.entry_id IN (SELECT value FROM json_each(?)) ORDER BY l.entry_id, l.line_no`,
      )
      .safeIntegers(true);
    this.vouchers = sqlite.prepare('SELECT id, number, date, reason, content FROM vouchers WHERE id IN (SELECT value FROM json_each(?))');
  }

  /** The period's entries after the sequence number given, opening entries left to the opening balances. */
  entries(entity: number, from: string, to: string, after: number, limit: number): ExportedEntryRef[] {
    return this.page.all({ entity, from, to, after, limit }) as ExportedEntryRef[];
  }

  /** The entries and vouchers of a page of refs, read in three statements. */
  load(refs: readonly ExportedEntryRef[]): { entries: Map<number, ExportedEntry>; vouchers: Map<number, ExportedVoucher> } {
    const ids = JSON.stringify(refs.map((r) => r.entryId));
    const lines = new Map<number, ExportedLine[]>();
    for (const r of this.lines.all(ids) as Record<string, unknown>[]) {
      const entryId = Number(r.entryId);
      const line: ExportedLine = {
        account: r.account as string, amount: r.amount as bigint, currency: r.currency as string | null, originalAmount: r.originalAmount as bigint | null,
        rate: r.rate === null ? null : String(r.rate),
        ...(r.counterpartyId !== null && {
          counterparty: { code: counterpartyCode(r.counterpartyKind as CounterpartyKind, Number(r.counterpartyId)), name: r.counterpartyName as string, address: r.counterpartyAddress as string },
        }),
        ...(r.bankAccount !== null && { bankAccount: r.bankAccount as string }),
        ...(r.campaign !== null && { campaign: r.campaign as string }),
      };
      const list = lines.get(entryId);
      if (list) list.push(line);
      else lines.set(entryId, [line]);
    }
    const entries = new Map(
      (this.headers.all(ids) as { id: number; seq: number; date: string; description: string }[]).map((e) => [e.id, { seq: e.seq, date: e.date, description: e.description, lines: lines.get(e.id) ?? [] }]),
    );
    const voucherIds = JSON.stringify(refs.flatMap((r) => (r.voucherId === null ? [] : [r.voucherId])));
    const vouchers = new Map(
      (this.vouchers.all(voucherIds) as { id: number; number: string | null; date: string; reason: string; content: string }[]).map((v) => [
        v.id, { number: v.number, date: v.date, reason: v.reason, content: JSON.parse(v.content) as VoucherContent },
      ]),
    );
    return { entries, vouchers };
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
