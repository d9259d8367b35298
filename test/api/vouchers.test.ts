/** Vouchers over HTTP: drafts, approval, posting with gap-free numbers, cancellation, printing. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { apiWorld, type ApiWorld } from '../support/api-fixture.js';
import { readPdf } from '../support/pdf-text.js';

let world: ApiWorld;
beforeEach(async () => {
  world = await apiWorld();
});
afterEach(() => world.close());

const cashReceipt = (amount = '1200000', extra: Record<string, unknown> = {}) => ({
  type: 'cash-receipt', date: '2024-03-15', reason: 'Ủng hộ Quỹ "Vì người nghèo"',
  counterparty: { name: 'Nguyễn Văn An', address: 'ấp Đa Hòa Bắc, xã Hòa Thuận' }, amount, attachments: 1, ...extra,
});
const cashPayment = (amount = '3000000', extra: Record<string, unknown> = {}) => ({
  type: 'cash-payment', date: '2024-03-20', reason: 'Chi hỗ trợ khám chữa bệnh', purpose: 'healthcare',
  counterparty: { name: 'Trầm Văn Đực', address: 'ấp Bích Trì' }, amount, ...extra,
});

async function draft(body: Record<string, unknown>, who: 'c1Accountant' | 'c1Approver' = 'c1Accountant') {
  const response = await world.call(who, { method: 'POST', url: '/api/entities/C1/vouchers', payload: body });
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as { id: number; status: string; number: string | null };
}
const act = (who: 'c1Accountant' | 'c1Approver' | 'c1Auditor', id: number, action: 'approve' | 'post' | 'cancel', payload?: Record<string, unknown>) =>
  world.call(who, { method: 'POST', url: `/api/entities/C1/vouchers/${id}/${action}`, ...(payload !== undefined && { payload }) });

describe('a cash receipt', () => {
  it('is drafted without a number, then posted with PT0001/2024 and its entry', async () => {
    const made = await draft(cashReceipt());
    expect(made).toMatchObject({ status: 'draft', number: null, amount: '1200000', amountInWords: 'Một triệu hai trăm nghìn đồng chẵn' });
    const posted = await act('c1Accountant', made.id, 'post');
    expect(posted.statusCode, posted.body).toBe(200);
    expect(posted.json()).toMatchObject({ status: 'posted', number: 'PT0001/2024', fiscalYear: 2024, entry: 2, postedBy: 'c1Accountant' });
    const entry = await world.call('c1Auditor', { method: 'GET', url: '/api/entities/C1/entries/2' });
    expect(entry.json()).toMatchObject({
      date: '2024-03-15', description: 'Ủng hộ Quỹ "Vì người nghèo"',
      lines: [{ account: '1111', debit: '1200000' }, { account: '5111', credit: '1200000', counterparty: { kind: 'donor', name: 'Nguyễn Văn An' } }],
    });
  });

  it('is made and posted as one act with post=true, or refused leaving no draft behind', async () => {
    const vouchers = () => (world.store.sqlite.prepare('SELECT count(*) FROM vouchers').pluck().get() as number);
    const before = vouchers();
    const posted = await world.call('c1Accountant', { method: 'POST', url: '/api/entities/C1/vouchers?post=true', payload: cashReceipt() });
    expect(posted.statusCode, posted.body).toBe(201);
    expect(posted.json()).toMatchObject({ status: 'posted', number: 'PT0001/2024', entry: 2 });
    const unapproved = await world.call('c1Accountant', { method: 'POST', url: '/api/entities/C1/vouchers?post=true', payload: cashPayment() });
    expect(unapproved.json()).toMatchObject({ status: 422, code: 'voucher_approval_required' });
    expect(vouchers()).toBe(before + 1);
    const replay = await world.call('c1Accountant', { method: 'POST', url: '/api/entities/C1/vouchers', headers: { 'idempotency-key': 'same' }, payload: cashReceipt() });
    const other = await world.call('c1Accountant', { method: 'POST', url: '/api/entities/C1/vouchers?post=true', headers: { 'idempotency-key': 'same' }, payload: cashReceipt() });
    expect(replay.statusCode).toBe(201);
    expect(other.json()).toMatchObject({ code: 'idempotency_key_reused_with_different_body' });
  });

  it('is edited and deleted while a draft, but never once posted', async () => {
    const made = await draft(cashReceipt());
    const edited = await world.call('c1Accountant', { method: 'PUT', url: `/api/entities/C1/vouchers/${made.id}`, payload: cashReceipt('1500000') });
    expect(edited.json()).toMatchObject({ amount: '1500000', status: 'draft' });
    await act('c1Accountant', made.id, 'post');
    const edit = await world.call('c1Accountant', { method: 'PUT', url: `/api/entities/C1/vouchers/${made.id}`, payload: cashReceipt('1') });
    expect(edit.statusCode).toBe(409);
    expect(edit.json()).toMatchObject({ code: 'voucher_not_draft' });
    const removal = await world.call('c1Accountant', { method: 'DELETE', url: `/api/entities/C1/vouchers/${made.id}` });
    expect(removal.json()).toMatchObject({ code: 'voucher_not_draft' });
    const other = await draft(cashReceipt());
    expect((await world.call('c1Accountant', { method: 'DELETE', url: `/api/entities/C1/vouchers/${other.id}` })).statusCode).toBe(204);
    expect((await world.call('c1Auditor', { method: 'GET', url: `/api/entities/C1/vouchers/${other.id}` })).statusCode).toBe(404);
  });

  it('keeps the database from changing a posted voucher behind the application', async () => {
    const made = await draft(cashReceipt());
    await act('c1Accountant', made.id, 'post');
    expect(() => world.store.sqlite.prepare('UPDATE vouchers SET amount = 1 WHERE id = ?').run(made.id)).toThrow(/immutable/);
    expect(() => world.store.sqlite.prepare('DELETE FROM vouchers WHERE id = ?').run(made.id)).toThrow(/immutable/);
    expect(() => world.store.sqlite.prepare('UPDATE voucher_counters SET last = last + 5').run()).toThrow(/up by one/);
  });
});

describe('approval', () => {
  it('refuses to post a payment the fund requires approved, then posts it once an approver approves', async () => {
    const made = await draft(cashPayment());
    const refused = await act('c1Accountant', made.id, 'post');
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toMatchObject({ code: 'voucher_approval_required' });
    expect((await act('c1Accountant', made.id, 'approve')).statusCode).toBe(403);
    const approved = await act('c1Approver', made.id, 'approve');
    expect(approved.json()).toMatchObject({ status: 'approved', approvedBy: 'c1Approver' });
    const posted = await act('c1Accountant', made.id, 'post');
    expect(posted.json()).toMatchObject({ status: 'posted', number: 'PC0001/2024' });
  });

  it('refuses a body on approval, which takes none, naming the field and changing nothing', async () => {
    const made = await draft(cashPayment());
    const response = await act('c1Approver', made.id, 'approve', { reason: 'đồng ý' });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'invalid_request', field: 'body' });
    expect((await world.call('c1Auditor', { method: 'GET', url: `/api/entities/C1/vouchers/${made.id}` })).json()).toMatchObject({ status: 'draft' });
  });

  it('lets a fund drop the approval rule for a type', async () => {
    const change = await world.call('c1Admin', { method: 'PATCH', url: '/api/entities/C1/voucher-settings', payload: { types: { 'cash-payment': { approvalRequired: false } } } });
    expect(change.json()).toMatchObject({ types: { 'cash-payment': { approvalRequired: false, prefix: 'PC' } } });
    const made = await draft(cashPayment());
    expect((await act('c1Accountant', made.id, 'post')).json()).toMatchObject({ status: 'posted' });
  });

  it('sends an edited approved voucher back to draft', async () => {
    const made = await draft(cashPayment());
    await act('c1Approver', made.id, 'approve');
    const edited = await world.call('c1Accountant', { method: 'PUT', url: `/api/entities/C1/vouchers/${made.id}`, payload: cashPayment('4000000') });
    expect(edited.json()).toMatchObject({ status: 'draft', approvedBy: null });
    expect((await act('c1Accountant', made.id, 'post')).json()).toMatchObject({ code: 'voucher_approval_required' });
  });
});

describe('numbering', () => {
  it('leaves no gap after a refused posting, and the refused draft stays as it was', async () => {
    await world.call('c1Admin', { method: 'PATCH', url: '/api/entities/C1/voucher-settings', payload: { types: { 'cash-payment': { approvalRequired: false } } } });
    const first = await draft(cashPayment('1000000'));
    const tooBig = await draft(cashPayment('50000000'));
    const third = await draft(cashPayment('2000000'));
    expect((await act('c1Accountant', first.id, 'post')).json().number).toBe('PC0001/2024');
    const refused = await act('c1Accountant', tooBig.id, 'post');
    expect(refused.json()).toMatchObject({ code: 'balance_would_go_negative' });
    expect((await world.call('c1Auditor', { method: 'GET', url: `/api/entities/C1/vouchers/${tooBig.id}` })).json()).toMatchObject({ status: 'draft', number: null, entry: null });
    expect((await act('c1Accountant', third.id, 'post')).json().number).toBe('PC0002/2024');
  });

  it('numbers 40 receipts posted at once 1 to 40, each type on its own', async () => {
    const drafts = await Promise.all(Array.from({ length: 40 }, (_, i) => draft(cashReceipt(String(1000 + i)))));
    const posted = await Promise.all(drafts.map((d) => act('c1Accountant', d.id, 'post')));
    const numbers = posted.map((r) => r.json().number as string).sort();
    expect(numbers).toEqual(Array.from({ length: 40 }, (_, i) => `PT${String(i + 1).padStart(4, '0')}/2024`));
  });

  it('follows the fund’s number format and refuses one longer than MISA keeps', async () => {
    const bad = await world.call('c1Admin', { method: 'PATCH', url: '/api/entities/C1/voucher-settings', payload: { numberFormat: 'QUYVNN-XA-{prefix}{number:4}/{year}' } });
    expect(bad.statusCode).toBe(422);
    expect(bad.json()).toMatchObject({ code: 'voucher_number_format_invalid' });
    await world.call('c1Admin', { method: 'PATCH', url: '/api/entities/C1/voucher-settings', payload: { numberFormat: '{yy}-{prefix}{number:5}', types: { 'cash-receipt': { prefix: 'THU' } } } });
    const made = await draft(cashReceipt());
    expect((await act('c1Accountant', made.id, 'post')).json().number).toBe('24-THU00001');
  });
});

describe('cancellation', () => {
  it('posts a linked reversing voucher and marks the original cancelled', async () => {
    const made = await draft(cashReceipt());
    await act('c1Accountant', made.id, 'post');
    expect((await act('c1Accountant', made.id, 'cancel')).statusCode).toBe(403);
    const reversing = await act('c1Approver', made.id, 'cancel', { date: '2024-03-16' });
    expect(reversing.statusCode, reversing.body).toBe(201);
    expect(reversing.json()).toMatchObject({ type: 'general', status: 'posted', number: 'CTK0001/2024', cancels: { id: made.id, number: 'PT0001/2024' } });
    const original = await world.call('c1Auditor', { method: 'GET', url: `/api/entities/C1/vouchers/${made.id}` });
    expect(original.json()).toMatchObject({ status: 'cancelled', number: 'PT0001/2024', cancelledBy: { number: 'CTK0001/2024' } });
    const entry = await world.call('c1Auditor', { method: 'GET', url: `/api/entities/C1/entries/${reversing.json().entry}` });
    expect(entry.json()).toMatchObject({ kind: 'reversal', reverses: 2, lines: [{ account: '1111', credit: '1200000' }, { account: '5111', debit: '1200000' }] });
    expect((await act('c1Approver', made.id, 'cancel')).json()).toMatchObject({ code: 'voucher_already_cancelled' });
    const printed = async (id: number) => (await readPdf((await world.call('c1Auditor', { method: 'GET', url: `/api/entities/C1/vouchers/${id}/pdf` })).rawPayload)).pages[0]?.flat ?? '';
    const cancelledPage = await printed(made.id);
    expect(cancelledPage).toContain('ĐÃ HỦY');
    expect(cancelledPage).toContain('Chứng từ này đã bị hủy bởi chứng từ số CTK0001/2024.');
    expect(await printed(reversing.json().id)).toContain('Chứng từ này hủy chứng từ số PT0001/2024.');
  });

  it('refuses to cancel a draft', async () => {
    const made = await draft(cashReceipt());
    expect((await act('c1Approver', made.id, 'cancel')).json()).toMatchObject({ code: 'voucher_not_posted' });
  });
});

describe('listing and the audit trail', () => {
  it('lists by type and state and records every step', async () => {
    const a = await draft(cashReceipt());
    await draft(cashPayment());
    await act('c1Accountant', a.id, 'post');
    const list = await world.call('c1Auditor', { method: 'GET', url: '/api/entities/C1/vouchers?type=cash-receipt&status=posted' });
    expect(list.json().vouchers.map((v: { id: number }) => v.id)).toEqual([a.id]);
    const audit = await world.call('root', { method: 'GET', url: '/api/audit?entity=C1&kind=voucher.posted' });
    expect(audit.json().events).toMatchObject([{ kind: 'voucher.posted', subject: String(a.id), actor: 'c1Accountant' }]);
  });

  it('shows one fund’s vouchers to nobody without a role there', async () => {
    const a = await draft(cashReceipt());
    expect((await world.call('c2Accountant', { method: 'GET', url: `/api/entities/C1/vouchers/${a.id}` })).statusCode).toBe(403);
    expect((await world.call('c2Accountant', { method: 'GET', url: `/api/entities/C2/vouchers/${a.id}` })).json()).toMatchObject({ code: 'voucher_not_found' });
  });
});

describe('printing', () => {
  it('prints a posted receipt as an A5 PDF with the fund, the number, the amount in words and the seal', async () => {
    const made = await draft(cashReceipt());
    await act('c1Accountant', made.id, 'post');
    const response = await world.call('c1Auditor', { method: 'GET', url: `/api/entities/C1/vouchers/${made.id}/pdf?copies=2` });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.headers['content-disposition']).toContain('PT0001-2024.pdf');
    const { pages } = await readPdf(response.rawPayload);
    expect(pages).toHaveLength(2);
    for (const [index, page] of pages.entries()) {
      expect(page.flat).toContain('PHIẾU THU');
      expect(page.flat).toContain('PT0001/2024');
      expect(page.flat).toContain('Một triệu hai trăm nghìn đồng chẵn');
      expect(page.flat).toContain(`Liên ${index + 1}`);
      expect(page.flat).not.toContain('BẢN NHÁP');
    }
  });

  it('marks a draft as such', async () => {
    const made = await draft(cashReceipt());
    const response = await world.call('c1Accountant', { method: 'GET', url: `/api/entities/C1/vouchers/${made.id}/pdf` });
    const { pages } = await readPdf(response.rawPayload);
    expect(pages[0]?.flat).toContain('BẢN NHÁP');
    expect(pages[0]?.flat).toContain('(chưa ghi sổ)');
  });

  it('prints every voucher of a range into one streamed PDF', async () => {
    for (const amount of ['1000', '2000', '3000']) await act('c1Accountant', (await draft(cashReceipt(amount))).id, 'post');
    const response = await world.call('c1Auditor', { method: 'GET', url: '/api/entities/C1/vouchers.pdf?from=2024-01-01&to=2024-12-31&status=posted' });
    expect(response.statusCode).toBe(200);
    const { pages } = await readPdf(response.rawPayload);
    expect(pages.map((p) => /PT\d{4}\/2024/.exec(p.flat)?.[0])).toEqual(['PT0001/2024', 'PT0002/2024', 'PT0003/2024']);
  });
});

describe('who a printed voucher names as its signers', () => {
  const pdfText = async (id: number) => (await readPdf((await world.call('c1Auditor', { method: 'GET', url: `/api/entities/C1/vouchers/${id}/pdf` })).rawPayload)).pages.map((p) => p.flat).join(' ');

  it('names the user who drafted it as "Người lập phiếu" where the fund names no preparer, by the full name the user was given', async () => {
    const made = await world.call('root', { method: 'POST', url: '/api/users', payload: { name: 'ketoan.tam', fullName: 'Phạm Minh Tâm', grants: [{ entity: 'C1', role: 'accountant' }] } });
    expect(made.statusCode, made.body).toBe(201);
    expect(made.json()).toMatchObject({ name: 'ketoan.tam', fullName: 'Phạm Minh Tâm' });
    const issued = await world.call('root', { method: 'POST', url: '/api/users/ketoan.tam/tokens', payload: { label: 'máy kế toán' } });
    const { token } = issued.json() as { token: string };
    const drafted = await world.app.inject({ method: 'POST', url: '/api/entities/C1/vouchers', headers: { authorization: `Bearer ${token}` }, payload: cashReceipt() });
    expect(drafted.statusCode, drafted.body).toBe(201);
    const text = await pdfText((drafted.json() as { id: number }).id);
    expect(text).toMatch(/Người lập phiếu[^]*Phạm Minh Tâm/);
    // A user given no full name is not printed by a login name.
    const other = await draft(cashReceipt());
    expect(await pdfText(other.id)).not.toContain('c1Accountant');
  });

  it('leaves the payer’s signature unnamed when the payer is an organisation, naming a person who pays', async () => {
    const company = await draft(cashReceipt('500000', { counterparty: { name: 'Công ty TNHH An Phú', form: 'organisation' } }));
    const person = await draft(cashReceipt('500000', { counterparty: { name: 'Nguyễn Văn An', form: 'individual' } }));
    const occurrences = (text: string, name: string) => text.split(name).length - 1;
    expect(occurrences(await pdfText(company.id), 'Công ty TNHH An Phú')).toBe(1);
    expect(occurrences(await pdfText(person.id), 'Nguyễn Văn An')).toBe(2);
  });
});
