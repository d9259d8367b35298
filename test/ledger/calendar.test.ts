import { describe, expect, it } from 'vitest';
import { accountingDateOf, isIsoDate } from '../../src/ledger/calendar.js';

describe('the calendar', () => {
  it('takes today as the date in Vietnam, seven hours ahead of UTC', () => {
    expect(accountingDateOf(new Date('2024-12-31T16:59:59Z'))).toBe('2024-12-31');
    expect(accountingDateOf(new Date('2024-12-31T17:00:00Z'))).toBe('2025-01-01');
  });

  it('knows real dates from look-alikes', () => {
    expect(['2024-02-29', '2023-12-31'].map(isIsoDate)).toEqual([true, true]);
    expect(['2023-02-29', '2024-13-01', '2024-1-01', '24-01-01'].map(isIsoDate)).toEqual([false, false, false, false]);
  });
});
