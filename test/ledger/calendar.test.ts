import { describe, expect, it } from 'vitest';
import { accountingDateOf, addDays, isIsoDate } from '../../src/ledger/calendar.js';

describe('the calendar', () => {
  it('takes today as the date in Vietnam, seven hours ahead of UTC', () => {
    expect(accountingDateOf(new Date('2024-12-31T16:59:59Z'))).toBe('2024-12-31');
    expect(accountingDateOf(new Date('2024-12-31T17:00:00Z'))).toBe('2025-01-01');
  });

  it('knows real dates from look-alikes', () => {
    expect(['2024-02-29', '2023-12-31'].map(isIsoDate)).toEqual([true, true]);
    expect(['2023-02-29', '2024-13-01', '2024-1-01', '24-01-01'].map(isIsoDate)).toEqual([false, false, false, false]);
  });

  it.each([
    ['2024-09-08', 90, '2024-12-07'],
    ['2024-02-28', 1, '2024-02-29'],
    ['2023-12-31', 1, '2024-01-01'],
    ['9999-12-11', 20, '9999-12-31'],
    ['9999-12-31', 90, '9999-12-31'],
  ])('counts %s plus %i days as %s, no later than the last date the form can write', (date, days, expected) => {
    expect(addDays(date, days)).toBe(expected);
  });
});
