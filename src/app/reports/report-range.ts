/** The date range a report covers: a named period, or from and to dates. */
import { isIsoDate } from '../../ledger/calendar.js';
import { accept, reject, type Result } from '../../ledger/rejections.js';
import { periodRange, type DateRange } from '../../reports/period.js';

export interface RangeRequest {
  readonly period?: string;
  readonly from?: string;
  readonly to?: string;
}

export function reportRange(request: RangeRequest): Result<DateRange> {
  if (request.period !== undefined) {
    const range = periodRange(request.period);
    return range ? accept(range) : reject('period_invalid', 'period', request.period);
  }
  const { from, to } = request;
  if (from === undefined || to === undefined || !isIsoDate(from) || !isIsoDate(to) || from > to) {
    return reject('date_range_invalid', from === undefined || !isIsoDate(from) ? 'from' : 'to', `${from ?? ''}..${to ?? ''}`);
  }
  return accept({ from, to });
}
