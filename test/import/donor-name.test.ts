/** Senders' names read from the remark shapes the banks print, and none guessed where a remark has none. */
import { describe, expect, it } from 'vitest';
import { donorName } from '../../src/import/bank/donor-name.js';

describe('donor names in remarks', () => {
  it.each([
    ['MBVCB.6916176124.CAO VIET TUAN chuyen tien.CT tu 0101001222009 CAO VIET TUAN toi 0011001932418 MAT TRAN', 'CAO VIET TUAN'],
    ['VCB.CTDK.31/03/2024.ADIDA PHAT. CT tu 0481000755821 toi 0011001932418 MAT TRAN TO QUOC VN', null],
    ['CT nhanh 247 den: TRAN TIEN ANH chuyen tien ung ho nguoi dan vung bao lu', 'TRAN TIEN ANH'],
    ['TRUONG CONG DANG chuyen tien; thoi gian GD:17/09/2024 23:11:32', 'TRUONG CONG DANG'],
    ['292976.010924.013647.xin cam on', null],
    ['Ung ho cac tinh bi bao lut', null],
    ['MBVCB.7012345678.NGUYEN VAN AN ung ho Quy Vi nguoi nghe.CT tu 0071000111222 NGUYEN VAN AN toi 0071000123456', 'NGUYEN VAN AN'],
  ])('%s → %s', (remark, name) => {
    expect(donorName(remark)).toBe(name);
  });
});
