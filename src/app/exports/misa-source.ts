/**
 * What a MISA export writes, template by template, each item (voucher or list entry) with
 * its rows and the problems MISA would refuse in them. Vouchers are read a page of entries at
 * a time and only those of the template asked for are loaded, so memory does not grow with
 * the period; reading the same source twice gives the same rows.
 */
import { MisaQueries, type ExportedEntryRef } from '../../db/misa-queries.js';
import { sentNumbersChecker } from '../../db/misa-repo.js';
import type { Store } from '../../db/store.js';
import { counterpartyCode } from '../../export/misa/counterparty-code.js';
import { TEMPLATE_OF_TYPE, type MisaLayout, type MisaVoucherTemplate } from '../../export/misa/layout.js';
import { accountRow, counterpartyRow, openingRow } from '../../export/misa/list-rows.js';
import type { MisaMapping } from '../../export/misa/mapping.js';
import { issue, type MisaIssue } from '../../export/misa/misa-check.js';
import type { MisaRow } from '../../export/misa/misa-row.js';
import { misaVoucher } from '../../export/misa/misa-voucher.js';
import { voucherRows } from '../../export/misa/voucher-rows.js';
import { isUnder } from '../../ledger/chart.js';
import { codeOf, type Fund } from '../fund.js';

const PAGE = 500;

export interface MisaItem {
  readonly key: string;
  readonly rows: readonly MisaRow[];
  readonly issues: readonly MisaIssue[];
  /** For a voucher: MISA already holds its number from an earlier export. */
  readonly sent?: boolean;
}

export interface MisaSourceRequest {
  readonly fund: Fund;
  readonly mapping: MisaMapping;
  readonly from: string;
  readonly to: string;
}

export function templateOfRef(ref: ExportedEntryRef): MisaVoucherTemplate {
  return ref.voucherType === null || ref.cancelsId !== null ? 'chung-tu-khac' : (TEMPLATE_OF_TYPE[ref.voucherType] ?? 'chung-tu-khac');
}

export class MisaSource {
  private readonly queries: MisaQueries;
  private readonly sent: (numbers: readonly string[]) => ReadonlySet<string>;
  private readonly bankNames: ReadonlyMap<string, string>;

  constructor(store: Store, private readonly request: MisaSourceRequest) {
    this.queries = new MisaQueries(store.sqlite);
    this.sent = sentNumbersChecker(store.sqlite, request.fund.entity.id, request.mapping.product);
    this.bankNames = new Map(request.fund.bankAccounts.map((b) => [b.number, b.institution]));
  }

  items(layout: MisaLayout): Iterable<MisaItem> {
    if (layout.template === 'so-du-ban-dau') return this.openingItems(layout);
    if (layout.template === 'doi-tuong') return this.counterpartyItems(layout);
    if (layout.template === 'he-thong-tai-khoan') return this.accountItems(layout);
    return this.voucherItems(layout, layout.template);
  }

  /** The period's entries a page at a time, each page read before the next is asked for. */
  *refPages(): Generator<readonly ExportedEntryRef[]> {
    const { fund, from, to } = this.request;
    for (let after = 0; ; ) {
      const page = this.queries.entries(fund.entity.id, from, to, after, PAGE);
      if (page.length > 0) yield page;
      if (page.length < PAGE) return;
      after = (page.at(-1) as ExportedEntryRef).seq;
    }
  }

  private *voucherItems(layout: MisaLayout, template: MisaVoucherTemplate): Generator<MisaItem> {
    const { mapping, from, to } = this.request;
    const voucherDate = layout.columns.find((c) => c.field === 'voucherDate')?.header;
    for (const page of this.refPages()) {
      const mine = page.filter((ref) => templateOfRef(ref) === template);
      if (mine.length === 0) continue;
      const { entries, vouchers } = this.queries.load(mine);
      const made = mine.flatMap((ref) => {
        const entry = entries.get(ref.entryId);
        return entry ? [misaVoucher(template, entry, ref.voucherId === null ? undefined : vouchers.get(ref.voucherId))] : [];
      });
      const sentBefore = this.sent(made.map((m) => m.number));
      for (const misa of made) {
        const { rows, issues } = voucherRows(layout, mapping, misa, this.bankNames);
        const dated = misa.date < from || misa.date > to ? [issue(template, misa.number, 'date_outside_period', misa.date, voucherDate)] : [];
        const sent = sentBefore.has(misa.number);
        yield { key: misa.number, rows, issues: [...issues, ...dated, ...(sent ? [issue(template, misa.number, 'number_sent', misa.number)] : [])], sent };
      }
    }
  }

  private *openingItems(layout: MisaLayout): Generator<MisaItem> {
    const { fund, mapping, from, to } = this.request;
    const code = codeOf(fund);
    const byParty = (account: string) => fund.regime.counterpartyRoots.some((root) => isUnder(fund.chart, account, root));
    // Balances of accounts not kept per counterparty are added up over their counterparties.
    let pending: { account: string; bankAccount?: string; amount: bigint } | undefined;
    const flush = function* (): Generator<MisaItem> {
      if (pending && pending.amount !== 0n) {
        const { row, issues } = openingRow(layout, mapping, pending);
        yield { key: pending.account, rows: [row], issues };
      }
      pending = undefined;
    };
    for (const detail of this.queries.openingDetail(fund.entity.id, from, to)) {
      const account = code(detail.accountId);
      if (fund.chart.accounts.get(account)?.offBalance) continue;
      if (byParty(account) && detail.counterpartyId !== null && detail.counterpartyKind !== null) {
        yield* flush();
        const { row, issues } = openingRow(layout, mapping, { account, amount: detail.amount, counterpartyCode: counterpartyCode(detail.counterpartyKind, detail.counterpartyId) });
        yield { key: account, rows: [row], issues };
        continue;
      }
      const bankAccount = detail.bankAccount ?? undefined;
      if (pending && (pending.account !== account || pending.bankAccount !== bankAccount)) yield* flush();
      pending = pending ? { ...pending, amount: pending.amount + detail.amount } : { account, ...(bankAccount !== undefined && { bankAccount }), amount: detail.amount };
    }
    yield* flush();
  }

  private *counterpartyItems(layout: MisaLayout): Generator<MisaItem> {
    for (const party of this.queries.counterparties(this.request.fund.entity.id, this.request.to)) {
      const { row, issues } = counterpartyRow(layout, party);
      yield { key: String(row.counterpartyCode), rows: [row], issues };
    }
  }

  private *accountItems(layout: MisaLayout): Generator<MisaItem> {
    const accounts = [...this.request.fund.chart.accounts.values()].filter((a) => a.active).sort((a, b) => a.code.localeCompare(b.code));
    for (const account of accounts) {
      const { row, issues } = accountRow(layout, this.request.mapping, account);
      yield { key: account.code, rows: [row], issues };
    }
  }
}

