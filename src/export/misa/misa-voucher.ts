/**
 * A posted entry as MISA takes a voucher: the template it goes to, its number and dates,
 * its reason and counterparty, and its lines with the counterparty code each carries. An
 * entry posted from a voucher takes the voucher's number and header; one posted without a
 * voucher (a closing, a journal entry) is a general voucher numbered from its sequence.
 */
import type { Line, StoredEntry } from '../../ledger/entry.js';
import type { Voucher } from '../../ledger/vouchers/voucher.js';
import { TEMPLATE_OF_TYPE, type MisaVoucherTemplate } from './layout.js';

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

export function misaVoucher(entry: StoredEntry, voucher: Voucher | undefined, codeOf: (line: Line) => string | undefined): MisaVoucher {
  const lines = entry.lines.map((line): MisaLine => {
    const code = codeOf(line);
    return {
      account: line.account, amount: line.amount, currency: line.currency, originalAmount: line.originalAmount, rate: line.rate,
      ...(code !== undefined && { counterpartyCode: code }), ...(line.bankAccount !== undefined && { bankAccount: line.bankAccount }),
    };
  });
  const named = entry.lines.find((l) => l.counterparty !== undefined);
  const partyName = voucher?.content.counterparty?.name ?? named?.counterparty?.name;
  const partyLine = entry.lines.find((l) => l.counterparty !== undefined && l.counterparty.name === partyName);
  const partyCode = partyLine === undefined ? undefined : codeOf(partyLine);
  const campaign = entry.lines.find((l) => l.campaign !== undefined)?.campaign;
  const bankAccount = voucher?.content.bankAccount ?? entry.lines.find((l) => l.bankAccount !== undefined)?.bankAccount;
  const template = voucher === undefined || voucher.cancelsId !== null ? 'chung-tu-khac' : (TEMPLATE_OF_TYPE[voucher.type] ?? 'chung-tu-khac');
  return {
    template,
    number: voucher?.number ?? entryNumber(entry.seq),
    date: voucher?.date ?? entry.date,
    postingDate: entry.date,
    reason: voucher?.reason ?? entry.description,
    ...(voucher?.content.purpose !== undefined && { purpose: voucher.content.purpose }),
    ...(partyName !== undefined && {
      counterparty: { ...(partyCode !== undefined && { code: partyCode }), name: partyName, address: voucher?.content.counterparty?.address ?? partyLine?.counterparty?.address ?? '' },
    }),
    ...(voucher?.content.attachments !== undefined && { attachments: voucher.content.attachments }),
    ...(campaign !== undefined && { campaign }),
    ...(bankAccount !== undefined && { bankAccount }),
    lines,
  };
}
