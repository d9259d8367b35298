/** Webhook signatures as the providers specify them: Casso's published V2 test vector, its V1 token, SePay's key and HMAC; stale times refused. */
import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { cassoEvents, sepayEvents } from '../../src/import/feeds/bank-event.js';
import { FRESH_MS, sortedJson, verifyCassoV1, verifyCassoV2, verifySepayApiKey, verifySepayHmac } from '../../src/import/feeds/verify-delivery.js';

// CassoHQ/casso-webhook-v2-verify-signature: python.py and php.php, as LIVE-FEEDS.md reproduces them.
const KEY = 'mgExMrjj4i7a1p8Cs6LmFbpCd8lbw4sSX4LZXPag7TKazeIogtR90tvWYTkwQbvs';
const HEADER = 't=1727948258788,v1=ed0a4bd2e826d5cb69988cdb141e6c1a080e21f3b57eb72cd78192220042b9e7dde0868fc667faea8e224900fa7904e7c88dfa098032fb2d6b6996856e8b7ff3';
const BODY = {
  error: 0,
  data: {
    id: 0, reference: 'MA_GIAO_DICH_THU_NGHIEM', description: 'giao dich thu nghiem', amount: 599000, runningBalance: 25000000, transactionDateTime: '2024-10-03 15:06:37',
    accountNumber: '88888888', bankName: 'VPBank', bankAbbreviation: 'VPB', virtualAccountNumber: '', virtualAccountName: '', counterAccountName: 'NGUYEN VAN A',
    counterAccountNumber: '8888888888', counterAccountBankId: '970415', counterAccountBankName: 'VietinBank',
  },
};
const SIGNED_AT = 1727948258788;

describe('webhook signatures', () => {
  it('verifies Casso’s V2 test vector, and refuses it changed, stale or unsigned', () => {
    expect(sortedJson(BODY)).toBe('{"data":{"accountNumber":"88888888","amount":599000,"bankAbbreviation":"VPB","bankName":"VPBank","counterAccountBankId":"970415","counterAccountBankName":"VietinBank","counterAccountName":"NGUYEN VAN A","counterAccountNumber":"8888888888","description":"giao dich thu nghiem","id":0,"reference":"MA_GIAO_DICH_THU_NGHIEM","runningBalance":25000000,"transactionDateTime":"2024-10-03 15:06:37","virtualAccountName":"","virtualAccountNumber":""},"error":0}');
    expect(verifyCassoV2(KEY, HEADER, BODY, SIGNED_AT + 1000)).toEqual({ ok: true });
    expect(verifyCassoV2(KEY, HEADER, { ...BODY, data: { ...BODY.data, amount: 599001 } }, SIGNED_AT)).toMatchObject({ ok: false, reason: 'the signature does not match' });
    expect(verifyCassoV2(`${KEY}x`, HEADER, BODY, SIGNED_AT)).toMatchObject({ ok: false });
    expect(verifyCassoV2(KEY, HEADER, BODY, SIGNED_AT + FRESH_MS + 1)).toMatchObject({ ok: false, reason: expect.stringMatching(/^stale/) });
    expect(verifyCassoV2(KEY, undefined, BODY, SIGNED_AT)).toMatchObject({ ok: false });
    expect(verifyCassoV2(KEY, 't=abc,v1=00', BODY, SIGNED_AT)).toMatchObject({ ok: false });
  });

  it('checks Casso V1’s secure-token and SePay’s Apikey', () => {
    expect(verifyCassoV1('bí-mật', 'bí-mật')).toEqual({ ok: true });
    expect(verifyCassoV1('bí-mật', 'bi-mat')).toMatchObject({ ok: false });
    expect(verifyCassoV1('bí-mật', undefined)).toMatchObject({ ok: false });
    expect(verifySepayApiKey('K123', 'Apikey K123')).toEqual({ ok: true });
    expect(verifySepayApiKey('K123', 'Bearer K123')).toMatchObject({ ok: false });
    expect(verifySepayApiKey('K123', 'Apikey K124')).toMatchObject({ ok: false });
  });

  it('checks SePay’s HMAC over the time and the raw bytes, with or without the sha256= prefix', () => {
    const raw = Buffer.from('{"id":92704,"transferType":"in"}');
    const now = 1_733_000_000_000;
    const timestamp = String(now / 1000);
    const hex = createHmac('sha256', 'S').update(`${timestamp}.`).update(raw).digest('hex');
    expect(verifySepayHmac('S', `sha256=${hex}`, timestamp, raw, now)).toEqual({ ok: true });
    expect(verifySepayHmac('S', hex, timestamp, raw, now + 60_000)).toEqual({ ok: true });
    expect(verifySepayHmac('S', hex, timestamp, Buffer.from('{"id":92704, "transferType":"in"}'), now)).toMatchObject({ ok: false });
    expect(verifySepayHmac('S', hex, timestamp, raw, now + FRESH_MS + 1000)).toMatchObject({ ok: false, reason: expect.stringMatching(/^stale/) });
    expect(verifySepayHmac('S', undefined, timestamp, raw, now)).toMatchObject({ ok: false });
  });

  it('reads SePay’s payload and Casso’s V1 array and V2 object as the same events', () => {
    const sepay = sepayEvents({ id: 92704, gateway: 'Vietcombank', transactionDate: '2023-03-25 14:02:37', accountNumber: '0123499999', code: null, content: 'ung ho', transferType: 'in', transferAmount: 2277000, accumulated: 19077000, subAccount: null, referenceCode: 'MBVCB.3278907687', description: '' });
    expect(sepay).toEqual({ ok: true, events: [{ providerId: '92704', accountNumber: '0123499999', direction: 'in', amount: 2277000n, time: '2023-03-25 14:02:37', reference: 'MBVCB.3278907687', counterAccount: null, narrative: 'ung ho' }] });
    const v1 = cassoEvents({ error: 0, data: [{ id: 360056, tid: '5017 - 48678', description: '311447.110821.213735', amount: -20000, cusum_balance: 0, when: '2021-08-11 21:37:37', bank_sub_acc_id: '0291000285902' }] });
    expect(v1).toMatchObject({ ok: true, events: [{ providerId: '360056', direction: 'out', amount: 20000n, reference: '5017 - 48678' }] });
    expect(cassoEvents(BODY)).toMatchObject({ ok: true, events: [{ providerId: '0', accountNumber: '88888888', amount: 599000n, counterAccount: '8888888888' }] });
    expect(sepayEvents({ id: 1, transferType: 'in', transferAmount: 1.5, accountNumber: '1', transactionDate: '2023-03-25 14:02:37' })).toMatchObject({ ok: false, reason: 'transferAmount is not a whole number of đồng' });
    expect(cassoEvents({ error: 0 })).toMatchObject({ ok: false, reason: 'no data' });
  });
});
