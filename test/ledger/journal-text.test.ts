import { describe, expect, it } from 'vitest';
import { parseJournal } from '../../src/ledger/journal-text.js';

describe('the text journal', () => {
  it('reads entries, dimensions, quoted values and memos', () => {
    const parsed = parseJournal(`
; a comment
2024-10-20 Công ty TNHH Phú Cường ủng hộ
  1121  Dr 50000000  bank=7300201012345  ref=FT123
  5111  Cr 50000000  counterparty=donor:"Công ty TNHH Phú Cường"  address="12 Lê Lợi"  campaign=TCD2024

2024-10-21 Gạo ủng hộ
  152   Dr 7500000  qty=500  unit=kg
  5112  Cr 7500000  designation="Hộ nghèo ấp A"
  003   in 500 kg
  003   in 20 thùng item="Mì tôm"
`);
    expect(parsed).toEqual({
      ok: true,
      value: [
        {
          date: '2024-10-20',
          description: 'Công ty TNHH Phú Cường ủng hộ',
          lines: [
            { account: '1121', debit: '50000000', bankAccount: '7300201012345', externalRef: 'FT123' },
            { account: '5111', credit: '50000000', counterparty: { kind: 'donor', name: 'Công ty TNHH Phú Cường', address: '12 Lê Lợi' }, campaign: 'TCD2024' },
          ],
        },
        {
          date: '2024-10-21',
          description: 'Gạo ủng hộ',
          lines: [
            { account: '152', debit: '7500000', quantity: '500', unit: 'kg' },
            { account: '5112', credit: '7500000', designation: 'Hộ nghèo ấp A' },
          ],
          memos: [
            { account: '003', direction: 'in', quantity: '500', unit: 'kg' },
            { account: '003', direction: 'in', quantity: '20', unit: 'thùng', item: 'Mì tôm' },
          ],
        },
      ],
    });
  });

  it('normalises text to NFC', () => {
    const decomposed = '2024-01-01 Tie\u0302\u0300n ma\u0306\u0323t\n  1111 Dr 1\n  421 Cr 1\n';
    const parsed = parseJournal(decomposed);
    expect(parsed.ok && parsed.value[0]?.description).toBe('Tiền mặt');
  });

  it.each([
    ['a header without a date', 'Ủng hộ\n  1111 Dr 1\n', 'line 1'],
    ['a posting line before any header', '  1111 Dr 1\n', 'line 1'],
    ['an unknown side', '2024-01-01 X\n  1111 No 1\n', 'line 2'],
    ['an unknown key', '2024-01-01 X\n  1111 Dr 1 colour=red\n', 'line 2'],
    ['a counterparty without kind', '2024-01-01 X\n  1111 Dr 1 counterparty=Ai\n', 'line 2'],
    ['an address before its counterparty', '2024-01-01 X\n  1111 Dr 1 address=X\n', 'line 2'],
    ['a memo without unit', '2024-01-01 X\n  003 in 5\n', 'line 2'],
    ['a memo with a stray word after its unit', '2024-01-01 X\n  003 in 5 kg gạo\n', 'line 2'],
    ['a line too short', '2024-01-01 X\n  1111 Dr\n', 'line 2'],
  ])('refuses %s, naming the line', (_, text, where) => {
    expect(parseJournal(text)).toMatchObject({ ok: false, code: 'journal_malformed', path: where });
  });
});
