/** Voucher numbers: the fund's format, and MISA's 20-character limit. */
import { describe, expect, it } from 'vitest';
import { checkNumberFormat, DEFAULT_NUMBER_FORMAT, formatVoucherNumber } from '../../src/ledger/vouchers/voucher-number.js';

describe('voucher numbers', () => {
  it.each([
    [DEFAULT_NUMBER_FORMAT, 'PT', 1, 2021, 'PT0001/2021'],
    ['{prefix}{number:4}/{year}', 'UNC', 12, 2024, 'UNC0012/2024'],
    ['{yy}{prefix}{number:6}', 'PC', 7, 2025, '25PC000007'],
    ['{prefix}-{number}', 'CTK', 12345, 2024, 'CTK-12345'],
  ])('%s with %s %i in %i is %s', (format, prefix, number, year, expected) => {
    expect(formatVoucherNumber(format, { prefix, number, year })).toEqual({ ok: true, value: expected });
  });

  it('accepts the default format for every default prefix', () => {
    for (const prefix of ['PT', 'PC', 'BC', 'UNC', 'NK', 'XK', 'CTK']) expect(checkNumberFormat(DEFAULT_NUMBER_FORMAT, prefix)).toBeNull();
  });

  it.each([
    ['{prefix}/{year}', 'without a number'],
    ['{prefix}{number:4}/{month}', 'with an unknown token'],
    ['MTTQ-HOA-THUAN-{prefix}{number:4}', 'longer than 20 characters'],
  ])('refuses %s (%s)', (format) => {
    expect(checkNumberFormat(format, 'PT')).toMatchObject({ code: 'voucher_number_format_invalid' });
  });
});
