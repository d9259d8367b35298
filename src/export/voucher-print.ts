/**
 * A voucher as a printed document: the fund's header, the form's title and number, its
 * lines of content with the total in figures and in words, the signature boxes with the
 * fund's named signatories and its seal, and the lists it carries (beneficiaries, foreign
 * cash, goods, the entry of a general voucher). Pure: figures come from the voucher.
 */
import { amountInWords } from '../ledger/amount-in-words.js';
import { currencyScale } from '../ledger/currency.js';
import type { LineInput } from '../ledger/entry.js';
import type { FundBankAccount, FundProfile, Signatory } from '../ledger/fund-profile.js';
import { parseAmount } from '../ledger/money.js';
import type { Voucher, VoucherContent } from '../ledger/vouchers/voucher.js';
import { longDate, shortDate } from './date-format.js';
import { issuerLines, ownTitle, reportSignatures } from './issuer.js';
import { formatDecimal, formatQuantity, formatVnd, thousandths } from './number-format.js';
import type { PrintDocument, PrintField, PrintSignature } from './print-model.js';
import { VOUCHER_LAYOUTS, type SignatureRole, type VoucherLayout } from './voucher-layouts.js';
import { voucherAttachments } from './voucher-attachments.js';

export interface VoucherToPrint {
  readonly voucher: Voucher;
  /** The form's title for the voucher's type, as the fund's regime names it. */
  readonly title: string;
  readonly content: VoucherContent;
  /** The entry's lines (posted) or the planned ones (draft): the accounts printed as Nợ and Có. */
  readonly lines: readonly LineInput[];
  readonly entity: FundProfile;
  readonly signatories: readonly Signatory[];
  /** The full name of the user who drafted the voucher: its preparer where the fund names none. */
  readonly drafter?: string;
  /** How many numbered copies (liên) to print; 1 prints one unmarked copy. */
  readonly copies?: number;
  /** The number of the voucher that cancelled this one, and of the one this voucher cancels. */
  readonly cancelledBy?: string;
  readonly cancels?: string;
  /** The fund's bank account the voucher moves money through, for a bank form's account line. */
  readonly bankAccount?: Pick<FundBankAccount, 'number' | 'institution'>;
}

const DOTS = '……………………………………';

export function printVoucher(input: VoucherToPrint): PrintDocument {
  const { voucher, content } = input;
  const { type } = voucher;
  const layout = VOUCHER_LAYOUTS[type];
  const total = voucher.amount;
  const copies = input.copies ?? 1;
  const sealImage = input.entity.sealImageOnVouchers ? input.entity.sealImage : null;
  const signatures = layout.signatures.map(({ role, title }) => ({ ...signatureOf(input, role, title), ...(role === 'head' && sealImage !== null && { sealed: true }) }));
  return {
    ...(sealImage !== null && { sealImage }),
    paper: layout.paper,
    watermark: voucher.status === 'posted' ? null : voucher.status === 'cancelled' ? 'ĐÃ HỦY' : 'BẢN NHÁP',
    issuer: issuerLines(input.entity),
    form: layout.form,
    title: input.title,
    dateLine: longDate(voucher.date),
    references: [
      `Quyển số: ${voucher.fiscalYear ?? DOTS.slice(0, 6)}`,
      `Số: ${voucher.number ?? '(chưa ghi sổ)'}`,
      `Nợ: ${accounts(input.lines, 'debit')}`,
      `Có: ${accounts(input.lines, 'credit')}`,
    ],
    fields: fieldsOf(input, layout, total),
    signatures,
    signDate: longDate(voucher.date),
    closing: [
      ...(input.cancelledBy ? [`Chứng từ này đã bị hủy bởi chứng từ số ${input.cancelledBy}.`] : []),
      ...(input.cancels ? [`Chứng từ này hủy chứng từ số ${input.cancels}.`] : []),
      ...(layout.receivedLine ? [`Đã nhận đủ số tiền (viết bằng chữ): ${DOTS}${DOTS}`] : []),
      ...(content.currency ? [`+ Tỷ giá ngoại tệ: ${formatDecimal(content.rate ?? '')} đồng/${content.currency}`, `+ Số tiền quy đổi: ${formatVnd(total)} đồng`] : []),
      `Dấu của đơn vị: ${input.entity.sealName}`,
    ],
    copies: copies > 1 ? Array.from({ length: copies }, (_, i) => `Liên ${i + 1}`) : [],
    attachments: voucherAttachments({ input, signatures: reportSignatures(input.signatories, { sealed: sealImage !== null }) }),
  };
}

const accountText = (number: string | undefined, bank: string | undefined): string | null =>
  number === undefined ? null : bank === undefined ? number : `${number} tại ${bank}`;

function fieldsOf(input: VoucherToPrint, layout: VoucherLayout, total: bigint): PrintField[] {
  const { content, voucher } = input;
  const { counterparty } = content;
  const fields: PrintField[] = [];
  if (layout.accounts) fields.push({ label: layout.accounts.own, value: accountText(input.bankAccount?.number, input.bankAccount?.institution) ?? DOTS });
  fields.push({ label: layout.counterpartyLabel, value: counterparty?.name ?? DOTS });
  if (layout.addressLine) fields.push({ label: 'Địa chỉ', value: counterparty?.address ?? DOTS });
  if (layout.accounts) {
    const other = accountText(counterparty?.bankAccount, counterparty?.bank);
    if (other !== null || layout.accounts.otherRequired) fields.push({ label: layout.accounts.other, value: other ?? DOTS });
  }
  fields.push({ label: layout.reasonLabel, value: content.reason });
  if (content.currency && content.originalAmount) {
    const scale = currencyScale(content.currency) ?? 2;
    const original = parseAmount(content.originalAmount, scale);
    const words = original.ok ? amountInWords(original.value, content.currency) : content.originalAmount;
    fields.push({ label: 'Số ngoại tệ', value: `${formatDecimal(content.originalAmount)} ${content.currency} (${words})` });
  }
  if (content.goods && content.goods.length > 0) {
    fields.push({ label: 'Hiện vật', value: content.goods.map((g) => `${g.item}: ${formatQuantity(thousandths(g.quantity))} ${g.unit}`).join('; ') });
  }
  fields.push({ label: 'Số tiền', value: `${formatVnd(total)} đồng`, strong: true });
  fields.push({ label: 'Viết bằng chữ', value: amountInWords(total) });
  fields.push({ label: 'Kèm theo', value: `${content.attachments ?? DOTS.slice(0, 4)} chứng từ gốc.` });
  if (voucher.accountingDate !== voucher.date) fields.push({ label: 'Ngày tiền (hàng) thực nhận, thực chi', value: shortDate(voucher.accountingDate) });
  return fields;
}

function signatureOf(input: VoucherToPrint, role: SignatureRole, title: string): PrintSignature {
  const hint = role === 'head' ? '(Ký, họ tên, đóng dấu)' : '(Ký, họ tên)';
  // Only a person signs: another fund or an organisation signs through someone the voucher does not name.
  if (role === 'counterparty') {
    const { counterparty } = input.content;
    return { title, hint, name: counterparty === undefined || counterparty.kind === 'fund' || counterparty.form === 'organisation' ? null : counterparty.name };
  }
  const signatory = input.signatories.find((s) => s.role === role);
  return { title: ownTitle(signatory, title), hint, name: signatory?.name ?? (role === 'preparer' ? (input.drafter ?? null) : null) };
}

function accounts(lines: readonly LineInput[], side: 'debit' | 'credit'): string {
  return [...new Set(lines.filter((l) => l[side] !== undefined).map((l) => l.account))].join(', ');
}

