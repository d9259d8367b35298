/**
 * Regulation lives in one place: an account number written as a literal anywhere in the
 * code outside the regime bundles (src/regimes/) fails this test, so a rule that leans on
 * an account reads it from the fund's regime.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sources } from './support/source-files.js';
import { REGIMES } from '../src/regimes/regimes.js';

const CODES = [...REGIMES.values()].flatMap((regime) => regime.chart.map((row) => row.code));
const STRING_LITERAL = /(['"`])(\d{3,12})\1/g;

const withoutComments = (text: string): string => text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:])\/\/[^\n]*/g, '$1');

/** Literals that name an account of some regime's chart, or the start of one ('112' for every bank account). */
function accountLiterals(text: string): string[] {
  return [...withoutComments(text).matchAll(STRING_LITERAL)].map((m) => m[2]!).filter((digits) => CODES.some((code) => code.startsWith(digits)));
}

describe('account numbers', () => {
  it('are found by the scan when written as literals', () => {
    expect(accountLiterals(`lines: [{ account: '612' }], bank: code.startsWith("112"), x: \`1121\``)).toEqual(['612', '112', '1121']);
    expect(accountLiterals(`// the transfer posts to '612'\n/* and '113' */ amount: '5000000', year: '2024'`)).toEqual([]);
  });

  it('appear in no code outside the regime bundles', () => {
    const found = sources('src')
      .filter((file) => !file.startsWith(join('src', 'regimes')))
      .flatMap((file) => accountLiterals(readFileSync(file, 'utf8')).map((code) => `${file}: ${code}`));
    expect(found).toEqual([]);
  });
});
