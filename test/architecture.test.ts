/** The ledger core, the reports and the regime bundles stay pure: no database, server, file or document library. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sources } from './support/source-files.js';

const FORBIDDEN = /from ['"](drizzle-orm|better-sqlite3|fastify|pdfkit|exceljs|node:fs|fs|node:net|node:http|node:child_process)(['"/])/;

describe.each(['src/ledger', 'src/reports', 'src/regimes'])('%s', (dir) => {
  it('imports no I/O library', () => {
    const offenders = sources(dir).filter((file) => FORBIDDEN.test(readFileSync(file, 'utf8')));
    expect(offenders).toEqual([]);
  });
});

describe('src/db', () => {
  it('is the only place that imports drizzle-orm or better-sqlite3', () => {
    const offenders = sources('src')
      .filter((file) => !file.startsWith(join('src', 'db')))
      .filter((file) => /from ['"](drizzle-orm|better-sqlite3)/.test(readFileSync(file, 'utf8')));
    expect(offenders).toEqual([]);
  });
});

describe('src/export', () => {
  it('renders domain values and never reaches into the database layer', () => {
    const offenders = sources('src/export').filter((file) => /from ['"]\.\.\/db\//.test(readFileSync(file, 'utf8')));
    expect(offenders).toEqual([]);
  });
});
