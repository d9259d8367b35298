/**
 * A transfer of money between fund levels (điều tiết): the payment voucher of the giving
 * fund, the receipt voucher of the receiving one, and — once the money has arrived — the
 * giver's settlement voucher. The amount is integer đồng.
 */
import type { Minor } from './money.js';

export const TRANSFER_STATUSES = ['in-transit', 'received'] as const;
export type TransferStatus = (typeof TRANSFER_STATUSES)[number];

export interface Transfer {
  readonly id: number;
  readonly fromEntityId: number;
  readonly toEntityId: number;
  readonly status: TransferStatus;
  readonly amount: Minor;
  readonly date: string;
  readonly reason: string;
  readonly paymentVoucherId: number | null;
  readonly receiptVoucherId: number | null;
  /** In the giving fund: the voucher that moves the money out of transit once received. */
  readonly settlementVoucherId: number | null;
  readonly createdBy: string;
  readonly createdAt: string;
  readonly receivedAt: string | null;
  readonly receivedBy: string | null;
}
