/**
 * Entries and their lines, as requested (decimal strings) and as posted (minor units).
 *
 * A line is one side of the double entry in VND, debit positive and credit negative once
 * posted. Lines carry optional dimensions that later books and reports group by. A memo is
 * a single-entry record on an off-balance account: goods by quantity (003) or foreign
 * currency by original amount (007).
 */
import type { AllocationRef } from './allocation.js';
import type { Minor } from './money.js';

export type EntryKind = 'regular' | 'opening' | 'reversal' | 'closing';

export const COUNTERPARTY_KINDS = ['donor', 'beneficiary', 'supplier', 'fund', 'other'] as const;
export type CounterpartyKind = (typeof COUNTERPARTY_KINDS)[number];

/** Quantities (goods, and currency held on 007) are kept in thousandths of their unit. */
export const QUANTITY_SCALE = 3;

export const COUNTERPARTY_FORMS = ['organisation', 'individual'] as const;
/** Whether a counterparty is an organisation or a person (tổ chức / cá nhân). */
export type CounterpartyForm = (typeof COUNTERPARTY_FORMS)[number];

export interface CounterpartyRef {
  readonly kind: CounterpartyKind;
  readonly name: string;
  readonly address?: string;
  /** Recorded on the counterparty, not on the posting: reports split donations by it. */
  readonly form?: CounterpartyForm;
}

export interface Dimensions {
  readonly counterparty?: CounterpartyRef;
  readonly campaign?: string;
  readonly designation?: string;
  /** The number of one of the fund's bank or treasury accounts. */
  readonly bankAccount?: string;
  /** A bank transaction reference or other outside identifier. */
  readonly externalRef?: string;
  /** The allocation decision line a payment carries out. */
  readonly allocation?: AllocationRef;
}

/** The dimensions a line carries, without the keys it leaves out. */
export function dimensionsOf(line: Dimensions): Dimensions {
  return {
    ...(line.counterparty && { counterparty: line.counterparty }),
    ...(line.campaign !== undefined && { campaign: line.campaign }),
    ...(line.designation !== undefined && { designation: line.designation }),
    ...(line.bankAccount !== undefined && { bankAccount: line.bankAccount }),
    ...(line.externalRef !== undefined && { externalRef: line.externalRef }),
    ...(line.allocation !== undefined && { allocation: line.allocation }),
  };
}

export interface LineInput extends Dimensions {
  readonly account: string;
  readonly debit?: string;
  readonly credit?: string;
  readonly currency?: string;
  readonly originalAmount?: string;
  readonly rate?: string;
  readonly quantity?: string;
  readonly unit?: string;
}

export interface MemoInput {
  readonly account: string;
  readonly direction: 'in' | 'out';
  readonly quantity: string;
  /** A goods unit ("kg", "thùng") or, on a currency account, the ISO currency code. */
  readonly unit: string;
  /** What goods ("Gạo tẻ"): holdings are kept per item and unit, so rice and sugar never mix. */
  readonly item?: string;
}

export interface EntryInput {
  readonly date: string;
  readonly description: string;
  readonly lines: readonly LineInput[];
  readonly memos?: readonly MemoInput[];
}

export interface Line extends Dimensions {
  readonly lineNo: number;
  readonly account: string;
  /** VND; debit positive, credit negative. */
  readonly amount: Minor;
  readonly currency: string | null;
  /** Minor units of `currency`. */
  readonly originalAmount: Minor | null;
  readonly rate: string | null;
  /** Thousandths of `unit`. */
  readonly quantity: Minor | null;
  readonly unit: string | null;
}

export interface Memo {
  readonly lineNo: number;
  readonly account: string;
  /** Thousandths of `unit`; in positive, out negative. */
  readonly quantity: Minor;
  readonly unit: string;
  readonly item: string | null;
}

/** An entry that passed every posting rule, not yet sealed into the chain. */
export interface Entry {
  readonly kind: EntryKind;
  readonly date: string;
  readonly description: string;
  readonly lines: readonly Line[];
  readonly memos: readonly Memo[];
}

/** An entry read back, with its lines' dimensions named as a user gave them. */
export interface StoredEntry extends Entry {
  readonly id: number;
  readonly seq: number;
  readonly reversesId: number | null;
  readonly reversedById: number | null;
  /** The sequence numbers of the entry this one reverses, and of the entry reversing it. */
  readonly reversesSeq: number | null;
  readonly reversedBySeq: number | null;
  readonly recordedAt: string;
  readonly recordedBy: string;
  readonly hash: string;
}
