/**
 * A voucher's content as the accountant gives it: the facts the law asks a voucher to show
 * (dates, counterparty, reason, amounts, attached documents) and, for the common case, a
 * purpose and an amount from which the entry is planned; or the entry's lines themselves.
 */
import type { CounterpartyForm, CounterpartyKind, LineInput, MemoInput } from '../entry.js';
import type { AllocationRef } from '../allocation.js';
import type { Minor } from '../money.js';
import type { VoucherType } from './voucher-types.js';

export const VOUCHER_STATUSES = ['draft', 'approved', 'posted', 'cancelled'] as const;
export type VoucherStatus = (typeof VOUCHER_STATUSES)[number];

export const POVERTY_STATUSES = ['poor', 'near-poor', 'other'] as const;
export type PovertyStatus = (typeof POVERTY_STATUSES)[number];

/** One household on the list of support paid (danh sách chi hỗ trợ), with its share. */
export interface BeneficiaryInput {
  readonly name: string;
  readonly address?: string;
  /** Hộ nghèo, hộ cận nghèo, or another household. */
  readonly status: PovertyStatus;
  readonly amount: string;
  readonly note?: string;
}

/** Goods received or issued: the item, its unit, the quantity and its assessed value in VND. */
export interface GoodsInput {
  readonly item: string;
  readonly unit: string;
  readonly quantity: string;
  readonly value: string;
}

export interface VoucherCounterparty {
  readonly name: string;
  readonly address?: string;
  /** The counterparty's own bank account and bank, as a bank voucher (Ủy nhiệm chi) prints them. */
  readonly bankAccount?: string;
  readonly bank?: string;
  /** Defaults to what the purpose usually deals with: a donor, a beneficiary, a fund … */
  readonly kind?: CounterpartyKind;
  readonly form?: CounterpartyForm;
}

export interface VoucherContent {
  readonly type: VoucherType;
  /** The day the voucher is made (ngày lập). */
  readonly date: string;
  /** The day the money or goods moved, which the entry is dated; the voucher date if absent. */
  readonly accountingDate?: string;
  /** Lý do nộp / lý do chi: the content of the voucher, and the entry's description. */
  readonly reason: string;
  readonly counterparty?: VoucherCounterparty;
  readonly purpose?: string;
  /** VND; for a foreign-currency voucher it follows from the original amount and the rate. */
  readonly amount?: string;
  readonly currency?: string;
  readonly originalAmount?: string;
  readonly rate?: string;
  readonly goods?: readonly GoodsInput[];
  readonly beneficiaries?: readonly BeneficiaryInput[];
  /** The entry's lines given outright, instead of a purpose and an amount. */
  readonly lines?: readonly LineInput[];
  readonly memos?: readonly MemoInput[];
  /** Kèm theo … chứng từ gốc. */
  readonly attachments?: number;
  readonly campaign?: string;
  readonly designation?: string;
  /** The allocation decision line a payment carries out; its purpose side cites it. */
  readonly allocation?: AllocationRef;
  /** The number of the fund's bank account the money moved through. */
  readonly bankAccount?: string;
  readonly externalRef?: string;
}

/** A bank or treasury account of the fund, as a voucher may name it. */
export interface VoucherBankAccount {
  readonly number: string;
  readonly currency: string;
  /** The ledger account its money sits on (1121, 1122 or a sub-account). */
  readonly accountCode: string;
}

/**
 * A voucher as the fund keeps it: its content, the columns lists filter on, its state and
 * number once posted, and the entry, transfer or voucher it is linked to. The VND total is
 * integer đồng.
 */
export interface Voucher {
  readonly id: number;
  readonly entityId: number;
  readonly type: VoucherType;
  readonly status: VoucherStatus;
  readonly content: VoucherContent;
  readonly date: string;
  readonly accountingDate: string;
  /** The counterparty's name as lists show and search it. */
  readonly counterparty: string | null;
  readonly reason: string;
  readonly amount: Minor;
  readonly currency: string;
  readonly campaign: string | null;
  readonly fiscalYear: number | null;
  readonly numberSeq: number | null;
  readonly number: string | null;
  readonly entryId: number | null;
  /** For the reversing voucher of a cancellation: the voucher it cancels. */
  readonly cancelsId: number | null;
  readonly transferId: number | null;
  readonly createdBy: string;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly approvedBy: string | null;
  readonly approvedAt: string | null;
  readonly postedBy: string | null;
  readonly postedAt: string | null;
}
