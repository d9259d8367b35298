/** A household's place on public output: the commune and above, nothing finer. */
import { describe, expect, it } from 'vitest';
import { publicLocality } from '../../src/reports/redaction.js';

describe('a household’s public locality', () => {
  it.each([
    ['ấp Ba Se, xã Lương Hòa, huyện Châu Thành', 'xã Lương Hòa, huyện Châu Thành'],
    ['Số 12 đường Nguyễn Đáng, khóm 3, Phường 7, thành phố Trà Vinh', 'Phường 7, thành phố Trà Vinh'],
    ['Tổ 5, thị trấn Châu Thành', 'thị trấn Châu Thành'],
    ['ấp Ô Chích', ''],
    ['', ''],
  ])('of %j is %j', (address, locality) => {
    expect(publicLocality(address)).toBe(locality);
  });
});
