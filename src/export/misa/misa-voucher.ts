/**
 * A posted entry as MISA takes a voucher: the template it goes to, its number and dates,
 * its reason and counterparty, and its lines with the counterparty code each carries. An
 * entry posted from a voucher takes the voucher's number and header; one posted without a
 * voucher (a closing, a journal entry) is a general voucher numbered from its sequence.
 */
import type { VoucherContent } from '../../ledger/vouchers/voucher.js';
import type { MisaVoucherTemplate } from './layout.js';

/** A line of a posted entry as the export reads it, its counterparty with its MISA code. */
export interface ExportedLine {
  readonly account: string;
  readonly amount: bigint;
  readonly currency: string | null;
  readonly originalAmount: bigint | null;
  readonly rate: string | null;
  readonly counterparty?: { readonly code: string; readonly name: string; readonly address: string };
  readonly bankAccount?: string;
  readonly campaign?: string;
}

export interface ExportedEntry {
  readonly seq: number;
  readonly date: string;
  readonly description: string;
  readonly lines: readonly ExportedLine[];
}

/** The voucher an entry was posted from, as the export reads it. */
export interface ExportedVoucher {
  readonly number: string | null;
  readonly date: string;
  readonly reason: string;
  readonly content: VoucherContent;
}

export interface MisaLine {
  readonly account: string;
  /** Debit positive, in đồng. */
  readonly amount: bigint;
  readonly counterpartyCode?: string;
  readonly bankAccount?: string;
  readonly currency: string | null;
  readonly originalAmount: bigint | null;
  readonly rate: string | null;
}

export interface MisaVoucher {
  readonly template: MisaVoucherTemplate;
  readonly number: string;
  readonly date: string;
  readonly postingDate: string;
  readonly reason: string;
  readonly purpose?: string;
  readonly counterparty?: { readonly code?: string; readonly name: string; readonly address: string };
  readonly attachments?: number;
  readonly campaign?: string;
  readonly bankAccount?: string;
  readonly lines: readonly MisaLine[];
}

/** The number of an entry that has no voucher: bút toán and its sequence in the fund. */
export function entryNumber(seq: number): string {
  return `BT${String(seq).padStart(6, '0')}`;
}

/** The entry as a voucher of the template its kind goes to (`templateOfRef`). */
export function misaVoucher(template: MisaVoucherTemplate, entry: ExportedEntry, voucher: ExportedVoucher | undefined): MisaVoucher {
  const lines = entry.lines.map((line): MisaLine => ({
    account: line.account, amount: line.amount, currency: line.currency, originalAmount: line.originalAmount, rate: line.rate,
    ...(line.counterparty !== undefined && { counterpartyCode: line.counterparty.code }), ...(line.bankAccount !== undefined && { bankAccount: line.bankAccount }),
  }));
  const named = entry.lines.find((l) => l.counterparty !== undefined);
  const partyName = voucher?.content.counterparty?.name ?? named?.counterparty?.name;
  const partyLine = entry.lines.find((l) => l.counterparty !== undefined && l.counterparty.name === partyName);
  const campaign = entry.lines.find((l) => l.campaign !== undefined)?.campaign;
  const bankAccount = voucher?.content.bankAccount ?? entry.lines.find((l) => l.bankAccount !== undefined)?.bankAccount;
  return {
    template,
    number: voucher?.number ?? entryNumber(entry.seq),
    date: voucher?.date ?? entry.date,
    postingDate: entry.date,
    reason: voucher?.reason ?? entry.description,
    ...(voucher?.content.purpose !== undefined && { purpose: voucher.content.purpose }),
    ...(partyName !== undefined && {
      counterparty: { ...(partyLine?.counterparty && { code: partyLine.counterparty.code }), name: partyName, address: voucher?.content.counterparty?.address ?? partyLine?.counterparty?.address ?? '' },
    }),
    ...(voucher?.content.attachments !== undefined && { attachments: voucher.content.attachments }),
    ...(campaign !== undefined && { campaign }),
    ...(bankAccount !== undefined && { bankAccount }),
    lines,
  };
}
