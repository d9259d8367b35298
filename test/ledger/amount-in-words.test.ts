/** Amounts in Vietnamese words, as a voucher's "Viết bằng chữ" line prints them. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { amountInWords } from '../../src/ledger/amount-in-words.js';

describe('amountInWords in đồng', () => {
  it.each([
    [0n, 'Không đồng'],
    [5n, 'Năm đồng'],
    [15n, 'Mười lăm đồng'],
    [21n, 'Hai mươi mốt đồng'],
    [24n, 'Hai mươi tư đồng'],
    [14n, 'Mười bốn đồng'],
    [25n, 'Hai mươi lăm đồng'],
    [105n, 'Một trăm lẻ năm đồng'],
    [1005n, 'Một nghìn không trăm lẻ năm đồng'],
    [1000n, 'Một nghìn đồng chẵn'],
    [1200000n, 'Một triệu hai trăm nghìn đồng chẵn'],
    [1234567n, 'Một triệu hai trăm ba mươi tư nghìn năm trăm sáu mươi bảy đồng'],
    [100001n, 'Một trăm nghìn không trăm lẻ một đồng'],
    [1000005n, 'Một triệu không trăm lẻ năm đồng'],
    [85600000n, 'Tám mươi lăm triệu sáu trăm nghìn đồng chẵn'],
    [1000000000n, 'Một tỷ đồng chẵn'],
    [2024000000n, 'Hai tỷ không trăm hai mươi tư triệu đồng chẵn'],
    [2000000010n, 'Hai tỷ không trăm mười đồng'],
    [1425000000000n, 'Một nghìn bốn trăm hai mươi lăm tỷ đồng chẵn'],
  ])('%s → %s', (amount, words) => {
    expect(amountInWords(amount)).toBe(words);
  });

  it('reads a refund as negative', () => {
    expect(amountInWords(-500000n)).toBe('Âm năm trăm nghìn đồng chẵn');
  });

  it('never prints digits, and starts with a capital letter', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 15n }), (amount) => {
        const words = amountInWords(amount);
        expect(words).not.toMatch(/\d/);
        expect(words.charAt(0)).toBe(words.charAt(0).toUpperCase());
        expect(words.endsWith('đồng') || words.endsWith('đồng chẵn')).toBe(true);
      }),
    );
  });
});

describe('amountInWords in a foreign currency', () => {
  it('names the currency and its cents', () => {
    expect(amountInWords(100000n, 'USD')).toBe('Một nghìn đô la Mỹ chẵn');
    expect(amountInWords(125050n, 'USD')).toBe('Một nghìn hai trăm năm mươi đô la Mỹ và năm mươi xu');
    expect(amountInWords(201n, 'EUR')).toBe('Hai euro và một xu');
  });
});
