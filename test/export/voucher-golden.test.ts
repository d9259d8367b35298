/**
 * Golden text of a printed receipt and a printed payment: the demo-like commune fund makes
 * them, they are printed to PDF with a fixed creation date, and the text a reader of the
 * PDF sees, line by line, must equal the files in golden/ (reviewed by eye when made).
 */
import { describe, expect, it } from 'vitest';
import { approveVoucher } from '../../src/app/vouchers/approve-voucher.js';
import { postVoucher } from '../../src/app/vouchers/post-voucher.js';
import { voucherDocument } from '../../src/app/vouchers/voucher-documents.js';
import { createVoucher } from '../../src/app/vouchers/voucher-drafts.js';
import { findEntityByCode } from '../../src/db/entities-repo.js';
import type { Store } from '../../src/db/store.js';
import { pdfBuffer } from '../../src/export/voucher-pdf.js';
import type { VoucherContent } from '../../src/ledger/vouchers/voucher.js';
import { readPdf } from '../support/pdf-text.js';
import { ACTOR, createFund, FUND, freshStore, OPENING, postOk } from '../support/store-fixture.js';

function commune(): Store {
  const store = freshStore();
  createFund(store, {
    budgetUnitCode: '1068999', address: 'Xã Hòa Thuận, huyện Châu Thành, tỉnh Trà Vinh',
    signatories: [
      { role: 'head', name: 'Kim Văn Sơn', title: 'Trưởng ban' },
      { role: 'chief-accountant', name: 'Trương Thị Bích Ngọc', title: 'Phụ trách kế toán' },
      { role: 'cashier', name: 'Lâm Thị Hồng', title: 'Thủ quỹ' },
      { role: 'preparer', name: 'Phạm Minh Tâm', title: 'Kế toán viên' },
    ],
  });
  postOk(store, OPENING, { kind: 'opening' });
  return store;
}

async function printedText(store: Store, content: VoucherContent): Promise<string> {
  const made = createVoucher(store, { entity: FUND.code, content, actor: ACTOR });
  if (!made.ok) throw new Error(made.code);
  approveVoucher(store, { entity: FUND.code, id: made.value.id, actor: ACTOR });
  const posted = postVoucher(store, { entity: FUND.code, id: made.value.id, actor: ACTOR });
  if (!posted.ok) throw new Error(posted.code);
  const document = voucherDocument(store, { entityId: findEntityByCode(store.db, FUND.code)?.id ?? 0, id: made.value.id });
  if (!document.ok) throw new Error(document.code);
  const pdf = await pdfBuffer([document.value], { creationDate: new Date('2024-12-31T00:00:00Z') });
  return `${(await readPdf(pdf)).pages.map((page) => page.text).join('\n--- trang mới ---\n')}\n`;
}

describe('printed vouchers', () => {
  it('prints a cash receipt as the golden text', async () => {
    const text = await printedText(commune(), {
      type: 'cash-receipt', date: '2024-10-18', reason: 'Ủng hộ Tháng cao điểm "Vì người nghèo" năm 2024', amount: '1200000', attachments: 1,
      counterparty: { name: 'Nguyễn Thị Mỹ Linh', address: 'ấp Đa Hòa Bắc, xã Hòa Thuận' },
    });
    await expect(text).toMatchFileSnapshot('golden/phieu-thu.txt');
  });

  it('prints a support payment and its list of households as the golden text', async () => {
    const text = await printedText(commune(), {
      type: 'cash-payment', date: '2024-12-15', reason: 'Chi hỗ trợ mua thẻ bảo hiểm y tế cho hộ nghèo', purpose: 'healthcare', amount: '2105000', attachments: 2,
      counterparty: { name: 'Trầm Văn Đực', address: 'ấp Bích Trì, xã Hòa Thuận' },
      beneficiaries: [
        { name: 'Trầm Văn Đực', address: 'ấp Bích Trì, xã Hòa Thuận', status: 'poor', amount: '1105000' },
        { name: 'Châu Thị Sa Huôl', address: 'ấp Chông Nô, xã Hòa Thuận', status: 'near-poor', amount: '1000000' },
      ],
    });
    await expect(text).toMatchFileSnapshot('golden/phieu-chi.txt');
  });

  it('prints a goods issue on one title line, and the households’ list with the kilograms each signs for', async () => {
    const store = commune();
    const rice = (quantity: string, value: string) => [{ item: 'Gạo tẻ', unit: 'kg', quantity, value }];
    await printedText(store, { type: 'goods-receipt', date: '2024-11-05', reason: 'Nhận gạo ủng hộ', counterparty: { name: 'Công ty Lương thực Trà Vinh' }, goods: rice('2000', '30000000') });
    const household = (name: string, status: 'poor' | 'near-poor') => ({ name, address: 'ấp Đa Hòa Bắc, xã Hòa Thuận', status, amount: '2250000' });
    const text = await printedText(store, {
      type: 'goods-issue', date: '2024-11-08', reason: 'Cấp gạo hỗ trợ 2 hộ nghèo, cận nghèo (2 hộ x 150 kg)', purpose: 'relief', goods: rice('300', '4500000'),
      beneficiaries: [household('Kim Thị Sóc', 'poor'), household('Thạch Văn Rươi', 'near-poor')],
    });
    expect(text).toMatch(/^PHIẾU XUẤT HIỆN VẬT/m);
    expect(text.replace(/\s+/g, ' ')).toContain('Số lượng (kg)');
    expect(text.replace(/\s+/g, ' ')).toContain('Cộng 2 hộ 300 4.500.000');
    await expect(text).toMatchFileSnapshot('golden/phieu-xuat-hien-vat.txt');
  });

  it('prints an Ủy nhiệm chi with the fund’s account and bank, the payee’s, no address line, and the number on one line', async () => {
    const text = await printedText(commune(), {
      type: 'bank-payment', date: '2024-12-16', reason: 'Chi hỗ trợ sửa chữa nhà cho hộ nghèo', purpose: 'housing', amount: '30000000', attachments: 1,
      counterparty: { name: 'Thạch Văn Sóc', bankAccount: '7300205123456', bank: 'Agribank Chi nhánh Châu Thành' },
    });
    const flat = text.replace(/\s+/g, ' ');
    expect(flat).toContain('Tài khoản trả tiền: 111222333 tại Agribank');
    expect(flat).toContain('Tài khoản người nhận: 7300205123456 tại Agribank Chi nhánh Châu Thành');
    expect(flat).not.toContain('Địa chỉ: …');
    expect(text).toMatch(/^Số: UNC0001\/2024$/m);
    await expect(text).toMatchFileSnapshot('golden/uy-nhiem-chi.txt');
  });
});
