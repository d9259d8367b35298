/**
 * The lists printed with a voucher on A4: the list of support paid to households (with a
 * column for each household to sign), the foreign-currency schedule (bảng kê ngoại tệ),
 * the goods received or issued, and the entry of a general voucher.
 */
import { amountInWords } from '../ledger/amount-in-words.js';
import { parseAmount } from '../ledger/money.js';
import { shortDate } from './date-format.js';
import { formatDecimal, formatQuantity, formatVnd, thousandths } from './number-format.js';
import type { PrintColumn, PrintSignature, PrintTable } from './print-model.js';
import { POVERTY_LABELS } from './voucher-layouts.js';
import type { VoucherToPrint } from './voucher-print.js';

const col = (header: string, width: number, align: PrintColumn['align'] = 'left'): PrintColumn => ({ header, width, align });
const vnd = (text: string): bigint => {
  const parsed = parseAmount(text, 0);
  return parsed.ok ? parsed.value : 0n;
};

export function voucherAttachments(options: { input: VoucherToPrint; signatures: readonly PrintSignature[] }): PrintTable[] {
  const { input, signatures } = options;
  const { content, voucher } = input;
  const { title } = input;
  const under = `(Kèm theo ${title.charAt(0)}${title.slice(1).toLowerCase()} số ${voucher.number ?? '(chưa ghi sổ)'} ngày ${shortDate(voucher.date)})`;
  const tables: PrintTable[] = [];
  if (content.beneficiaries && content.beneficiaries.length > 0) tables.push(beneficiaryList(input, under, signatures));
  if (content.currency && content.originalAmount) tables.push(currencySchedule(input, under, signatures));
  if (content.goods && content.goods.length > 0) tables.push(goodsList(input, under, signatures));
  if (content.lines && content.lines.length > 0) tables.push(entryLines(input, under, signatures));
  return tables;
}

/**
 * Each household's share of a single kind of goods, in its unit, where the shares come out
 * whole to the thousandth (the households each get what their value says); otherwise none.
 */
function householdQuantities(input: VoucherToPrint, amounts: readonly bigint[], total: bigint): { unit: string; shares: bigint[] } | null {
  const [item, ...others] = input.content.goods ?? [];
  if (!item || others.length > 0 || total === 0n) return null;
  const quantity = thousandths(item.quantity);
  if (amounts.some((a) => (quantity * a) % total !== 0n)) return null;
  return { unit: item.unit, shares: amounts.map((a) => (quantity * a) / total) };
}

function beneficiaryList(input: VoucherToPrint, under: string, signatures: readonly PrintSignature[]): PrintTable {
  const list = input.content.beneficiaries ?? [];
  const amounts = list.map((b) => vnd(b.amount));
  const total = amounts.reduce((sum, a) => sum + a, 0n);
  const goods = input.content.goods !== undefined;
  const quantities = householdQuantities(input, amounts, total);
  const sumOf = (shares: readonly bigint[]) => shares.reduce((sum, q) => sum + q, 0n);
  return {
    title: goods ? 'DANH SÁCH HỘ NHẬN HIỆN VẬT HỖ TRỢ' : 'DANH SÁCH CHI TIỀN HỖ TRỢ HỘ NGHÈO',
    subtitle: [input.content.reason, under],
    columns: [
      col('STT', 0.06, 'center'), col('Họ và tên chủ hộ', quantities ? 0.2 : 0.24), col('Địa chỉ', quantities ? 0.24 : 0.28), col('Diện hộ', 0.12, 'center'),
      ...(quantities ? [col(`Số lượng (${quantities.unit})`, 0.1, 'right')] : []),
      col(goods ? 'Giá trị (đồng)' : 'Số tiền (đồng)', 0.13, 'right'), col('Ký nhận', quantities ? 0.15 : 0.17, 'center'),
    ],
    rows: list.map((b, i) => [
      String(i + 1), b.name, b.address ?? '', POVERTY_LABELS[b.status], ...(quantities ? [formatQuantity(quantities.shares[i] ?? 0n)] : []), formatVnd(amounts[i] ?? 0n), '',
    ]),
    totals: ['', 'Cộng', `${list.length} hộ`, '', ...(quantities ? [formatQuantity(sumOf(quantities.shares))] : []), formatVnd(total), ''],
    footer: [`${goods ? 'Tổng giá trị' : 'Tổng số tiền'} (viết bằng chữ): ${amountInWords(total)}`],
    signatures,
  };
}

function currencySchedule(input: VoucherToPrint, under: string, signatures: readonly PrintSignature[]): PrintTable {
  const { content, voucher } = input;
  const converted = formatVnd(voucher.amount);
  return {
    title: 'BẢNG KÊ NGOẠI TỆ',
    subtitle: [under],
    columns: [col('STT', 0.08, 'center'), col('Loại ngoại tệ', 0.22), col('Số lượng', 0.22, 'right'), col('Tỷ giá (đồng)', 0.2, 'right'), col('Quy ra đồng Việt Nam', 0.28, 'right')],
    rows: [['1', content.currency ?? '', formatDecimal(content.originalAmount ?? ''), formatDecimal(content.rate ?? ''), converted]],
    totals: ['', 'Cộng', '', '', converted],
    footer: [`Số tiền quy đổi (viết bằng chữ): ${amountInWords(voucher.amount)}`],
    signatures,
  };
}

function goodsList(input: VoucherToPrint, under: string, signatures: readonly PrintSignature[]): PrintTable {
  const goods = input.content.goods ?? [];
  const total = goods.reduce((sum, g) => sum + vnd(g.value), 0n);
  return {
    title: input.voucher.type === 'goods-receipt' ? 'BẢNG KÊ HIỆN VẬT NHẬN ỦNG HỘ' : 'BẢNG KÊ HIỆN VẬT XUẤT',
    subtitle: [input.content.reason, under],
    columns: [col('STT', 0.07, 'center'), col('Tên hiện vật', 0.33), col('Đơn vị tính', 0.12, 'center'), col('Số lượng', 0.14, 'right'), col('Đơn giá (đồng)', 0.14, 'right'), col('Thành tiền (đồng)', 0.2, 'right')],
    rows: goods.map((g, i) => {
      const quantity = thousandths(g.quantity);
      const unitPrice = quantity === 0n ? 0n : (vnd(g.value) * 1000n) / quantity;
      return [String(i + 1), g.item, g.unit, formatQuantity(quantity), formatVnd(unitPrice), formatVnd(vnd(g.value))];
    }),
    totals: ['', 'Cộng', '', '', '', formatVnd(total)],
    footer: [`Tổng giá trị (viết bằng chữ): ${amountInWords(total)}`],
    signatures,
  };
}

function entryLines(input: VoucherToPrint, under: string, signatures: readonly PrintSignature[]): PrintTable {
  const lines = input.content.lines ?? [];
  const debit = lines.reduce((sum, l) => sum + (l.debit ? vnd(l.debit) : 0n), 0n);
  return {
    title: 'ĐỊNH KHOẢN',
    subtitle: [input.content.reason, under],
    columns: [col('STT', 0.08, 'center'), col('Tài khoản', 0.14, 'center'), col('Đối tượng', 0.42), col('Nợ (đồng)', 0.18, 'right'), col('Có (đồng)', 0.18, 'right')],
    rows: lines.map((l, i) => [String(i + 1), l.account, l.counterparty?.name ?? '', l.debit ? formatVnd(vnd(l.debit)) : '', l.credit ? formatVnd(vnd(l.credit)) : '']),
    totals: ['', 'Cộng', '', formatVnd(debit), formatVnd(debit)],
    footer: [],
    signatures,
  };
}
