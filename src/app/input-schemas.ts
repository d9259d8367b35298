/**
 * The zod shapes every entry point shares, the API's requests and the command line's files
 * alike: one date (a real calendar date, or a refusal naming the field) and bounded text.
 */
import { z } from 'zod';
import { isIsoDate } from '../ledger/calendar.js';

export const isoDate = z
  .string()
  .refine(isIsoDate, 'expected a real calendar date YYYY-MM-DD')
  .meta({ example: '2024-03-15', description: 'A calendar date, YYYY-MM-DD.' });

/** Text that must say something, at most `max` characters once trimmed. */
export const text = (max: number) => z.string().trim().min(1).max(max);
