/**
 * A fund's seal image over HTTP: uploaded as PNG or JPEG and checked (type, size in bytes
 * and pixels, a damaged file), read back, removed, audited; and printed over the head's
 * signature on vouchers and on reports only where the profile's seal.imageOn says, embedded
 * once however many pages print it.
 */
import jpeg from 'jpeg-js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listAudit } from '../../src/db/audit-repo.js';
import { SEAL_IMAGE_MAX_BYTES } from '../../src/export/seal-image.js';
import { apiWorld, type ApiWorld } from '../support/api-fixture.js';
import { sealPng } from '../support/seal-png.js';

let world: ApiWorld;
beforeEach(async () => {
  world = await apiWorld();
});
afterEach(() => world.close());

const put = (payload: Buffer, type = 'image/png', fund = 'C1') =>
  world.call('c1Admin', { method: 'PUT', url: `/api/entities/${fund}/seal-image`, headers: { 'content-type': type }, payload });
const profile = async () => (await world.call('c1Admin', { method: 'GET', url: '/api/entities/C1' })).json() as { seal: { hasImage: boolean; imageOn: string[] } };
const imageOn = (on: string[]) => world.call('c1Admin', { method: 'PATCH', url: '/api/entities/C1', payload: { seal: { name: 'QUỸ XÃ C1', imageOn: on } } });

function jpegOf(width: number, height: number): Buffer {
  const data = Buffer.alloc(width * height * 4, 0xc8);
  return Buffer.from(jpeg.encode({ data, width, height }, 80).data);
}

/** How many images a PDF embeds (pdfkit writes each image's dictionary once, an alpha channel as a second). */
const images = (pdf: Buffer): number => pdf.toString('latin1').split('/Subtype /Image').length - 1;

describe('uploading a seal image', () => {
  it('keeps a PNG, says so in the profile, gives it back byte for byte, and audits it with its SHA-256', async () => {
    const png = sealPng(300, 300);
    const answer = await put(png);
    expect(answer.statusCode, answer.body).toBe(200);
    expect(answer.json()).toMatchObject({ code: 'C1', seal: { hasImage: true, imageOn: [] } });
    const back = await world.call('c1Auditor', { method: 'GET', url: '/api/entities/C1/seal-image' });
    expect(back.statusCode).toBe(200);
    expect(back.headers['content-type']).toBe('image/png');
    expect(back.rawPayload.equals(png)).toBe(true);
    const audit = listAudit(world.store.db, { entityIds: 'all', kind: 'entity.seal_image_set', limit: 10 });
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]!.detail)).toMatchObject({ type: 'image/png', bytes: png.length, width: 300, height: 300 });
  });

  it('keeps a JPEG', async () => {
    const answer = await put(jpegOf(200, 160), 'image/jpeg');
    expect(answer.statusCode, answer.body).toBe(200);
    const back = await world.call('c1Admin', { method: 'GET', url: '/api/entities/C1/seal-image' });
    expect(back.headers['content-type']).toBe('image/jpeg');
  });

  const refusals: [string, () => Promise<{ statusCode: number; json: () => unknown }>, number, string][] = [
    ['text sent as a PNG', () => put(Buffer.from('this is not an image at all, only words')), 422, 'seal_image_invalid'],
    ['a JPEG sent as a PNG', () => put(jpegOf(100, 100)), 422, 'seal_image_invalid'],
    ['a PNG sent as a JPEG', () => put(sealPng(100, 100), 'image/jpeg'), 422, 'seal_image_invalid'],
    ['a PNG cut short', () => put(sealPng(200, 200).subarray(0, 300)), 422, 'seal_image_invalid'],
    ['a PNG with a damaged chunk', () => { const png = Buffer.from(sealPng(200, 200)); png.writeUInt8((png.readUInt8(png.length - 40) ^ 0xff), png.length - 40); return put(png); }, 422, 'seal_image_invalid'],
    ['a dot, too small to print as a seal', () => put(sealPng(8, 8)), 422, 'seal_image_invalid'],
    ['a PNG wider than 2,400 pixels', () => put(sealPng(2401, 40)), 422, 'seal_image_too_large'],
    ['a file over 1 MiB', () => put(Buffer.alloc(SEAL_IMAGE_MAX_BYTES + 1, 1)), 413, 'payload_too_large'],
    ['a GIF', () => put(Buffer.from('GIF89a'), 'image/gif'), 415, 'unsupported_media_type'],
    ['JSON', () => world.call('c1Admin', { method: 'PUT', url: '/api/entities/C1/seal-image', payload: { image: 'x' } }), 415, 'unsupported_media_type'],
    ['an empty body', () => put(Buffer.alloc(0)), 422, 'seal_image_invalid'],
    ['no body at all', () => world.call('c1Admin', { method: 'PUT', url: '/api/entities/C1/seal-image' }), 422, 'seal_image_invalid'],
  ];
  it.each(refusals)('refuses %s as problem+json, keeping no image', async (_name, send, status, code) => {
    const answer = await send();
    expect(answer.statusCode).toBe(status);
    expect(answer.json()).toMatchObject({ code });
    expect((await profile()).seal.hasImage).toBe(false);
  });

  it('is removed, then reads as none', async () => {
    await put(sealPng(100, 100));
    const removed = await world.call('c1Admin', { method: 'DELETE', url: '/api/entities/C1/seal-image' });
    expect(removed.statusCode).toBe(204);
    expect((await profile()).seal.hasImage).toBe(false);
    const none = await world.call('c1Admin', { method: 'GET', url: '/api/entities/C1/seal-image' });
    expect(none.statusCode).toBe(404);
    expect(none.json()).toMatchObject({ code: 'seal_image_none' });
  });
});

describe('printing the seal image', () => {
  const receiptBody = { type: 'cash-receipt', date: '2024-03-15', reason: 'Ủng hộ', counterparty: { name: 'Nguyễn Văn An' }, amount: '1000000' };
  async function postedReceipt(): Promise<number> {
    const made = await world.call('c1Accountant', { method: 'POST', url: '/api/entities/C1/vouchers', payload: receiptBody });
    const { id } = made.json() as { id: number };
    await world.call('c1Accountant', { method: 'POST', url: `/api/entities/C1/vouchers/${id}/post` });
    return id;
  }
  const voucherPdf = async (id: number) => (await world.call('c1Auditor', { method: 'GET', url: `/api/entities/C1/vouchers/${id}/pdf` })).rawPayload;
  const reportPdf = async () => (await world.call('c1Auditor', { method: 'GET', url: '/api/entities/C1/reports/trial-balance?period=2024&format=pdf' })).rawPayload;

  it('prints nowhere until the fund chooses, then on vouchers or reports as chosen', async () => {
    const id = await postedReceipt();
    expect((await put(sealPng(300, 300))).statusCode).toBe(200);
    expect(images(await voucherPdf(id))).toBe(0);
    expect(images(await reportPdf())).toBe(0);
    expect((await imageOn(['vouchers'])).statusCode).toBe(200);
    expect((await profile()).seal.imageOn).toEqual(['vouchers']);
    expect(images(await voucherPdf(id))).toBeGreaterThan(0);
    expect(images(await reportPdf())).toBe(0);
    await imageOn(['reports']);
    expect(images(await voucherPdf(id))).toBe(0);
    expect(images(await reportPdf())).toBeGreaterThan(0);
  });

  it('embeds the image once in a PDF of many vouchers', async () => {
    await put(sealPng(300, 300));
    await imageOn(['vouchers']);
    for (let i = 0; i < 3; i++) await postedReceipt();
    const one = images(await voucherPdf(1));
    const all = (await world.call('c1Auditor', { method: 'GET', url: '/api/entities/C1/vouchers.pdf?from=2024-01-01&to=2024-12-31' })).rawPayload;
    expect(one).toBeGreaterThan(0);
    expect(images(all)).toBe(one);
  });

  it('prints a JPEG seal as well', async () => {
    const id = await postedReceipt();
    await put(jpegOf(240, 240), 'image/jpeg');
    await imageOn(['vouchers']);
    expect(images(await voucherPdf(id))).toBe(1);
  });
});
