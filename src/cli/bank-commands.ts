/** Bank statement commands: import a statement file into a fund, showing the rows read as it goes. */
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { pipeline, Transform } from 'node:stream';
import { basename } from 'node:path';
import { importStatement, type ExpectedFigures } from '../app/bank/import-statement.js';
import { postStatement } from '../app/bank/post-statement.js';
import type { Caller } from '../app/caller.js';
import type { Store } from '../db/store.js';
import { readMapping, type StatementMapping } from '../import/bank/statement-mapping.js';
import { idOption, need, report, UsageError, type Options } from './options.js';
import { withProgress } from './progress.js';

export const BANK_USAGE = `  import-statement --entity CODE --bank-account NUMBER --file F.csv|F.xlsx|F.pdf [--layout ID | --mapping M.json] [--year Y]
                   [--expect-credit-count N] [--expect-credits SUM] [--expect-debit-count N] [--expect-debits SUM]
                                              import a bank statement: the same file again creates nothing;
                                              refused unless its rows give the bank's own figures;
                                              --mapping reads another bank's CSV or XLSX by a mapping file
  post-statement --entity CODE --batch ID [--per day|transfer] [--campaign-pattern 'UH {code}'] [--hold]
                                              post a batch's credits as bank receipts (one a day, or one
                                              a transfer) and draft its bank charges; again creates nothing;
                                              --hold holds rows a campaign rule refuses for review`;

function count(options: Options, name: 'expect-credit-count' | 'expect-debit-count'): number | undefined {
  const value = options[name];
  if (value === undefined) return undefined;
  if (!/^\d{1,12}$/.test(value)) throw new UsageError(`--${name} must be a whole number`);
  return Number(value);
}

function sum(options: Options, name: 'expect-credits' | 'expect-debits'): bigint | undefined {
  const value = options[name];
  if (value === undefined) return undefined;
  if (!/^\d{1,16}$/.test(value)) throw new UsageError(`--${name} must be whole đồng`);
  return BigInt(value);
}

function mappingOf(options: Options): StatementMapping | undefined {
  const path = options.mapping;
  if (path === undefined) return undefined;
  if (!existsSync(path)) throw new UsageError(`--mapping ${path}: no such file`);
  const read = readMapping(readFileSync(path, 'utf8'));
  if (!read.ok) throw new UsageError(`--mapping ${path}: ${read.path}: ${read.message}`);
  return read.value;
}

async function importCommand(store: Store, options: Options, actor: Caller): Promise<number> {
  const file = need(options, 'file');
  const year = options.year === undefined ? undefined : Number(options.year);
  if (year !== undefined && !(Number.isInteger(year) && year >= 1900 && year <= 2999)) throw new UsageError('--year must be a year');
  const creditCount = count(options, 'expect-credit-count');
  const creditSum = sum(options, 'expect-credits');
  const debitCount = count(options, 'expect-debit-count');
  const debitSum = sum(options, 'expect-debits');
  const mapping = mappingOf(options);
  const expected: ExpectedFigures = {
    ...(creditCount !== undefined && { creditCount }), ...(creditSum !== undefined && { creditSum }),
    ...(debitCount !== undefined && { debitCount }), ...(debitSum !== undefined && { debitSum }),
  };
  const result = await withProgress((progress) => {
    // The file is read twice, for its digest and then for its rows; each pass shows its bytes.
    const size = existsSync(file) ? statSync(file).size : 0;
    let passes = 0;
    let rows = 0;
    const open = () => {
      const step = (passes += 1) === 1 ? 'kiểm tra tệp' : 'đọc sao kê';
      let read = 0;
      const counter = new Transform({
        transform(chunk: Buffer, _encoding, done) {
          read += chunk.length;
          progress.show(step, read, size, step === 'đọc sao kê' ? { count: rows, unit: 'dòng' } : undefined);
          done(null, chunk);
        },
      });
      return pipeline(createReadStream(file), counter, () => undefined);
    };
    return importStatement(store, {
      entity: need(options, 'entity'), bankAccount: need(options, 'bank-account'), fileName: basename(file), open,
      ...(options.layout !== undefined && { layout: options.layout }), ...(mapping && { mapping }), ...(year !== undefined && { year }), expected, actor,
      onRows: (read) => {
        rows = read;
      },
    });
  });
  return report(result, ({ batch, created, figures }) => {
    const balances = figures.opening === null ? '' : `, balance ${figures.opening} → ${figures.closing} (${figures.balancesChecked} checked)`;
    console.log(`${created ? 'imported' : 'already imported'} batch ${batch.id} (${batch.layout}): ${figures.rows} rows ${figures.firstDay} – ${figures.lastDay}, credits ${figures.credits.count} = ${figures.credits.sum}, debits ${figures.debits.count} = ${figures.debits.sum}${balances}`);
  });
}

function postCommand(store: Store, options: Options, actor: Caller): number {
  const per = options.per ?? 'day';
  if (per !== 'day' && per !== 'transfer') throw new UsageError('--per must be day or transfer');
  const pattern = options['campaign-pattern'];
  const request = { entity: need(options, 'entity'), batch: idOption(options, 'batch'), per: per as 'day' | 'transfer', refused: options.hold === true ? ('hold' as const) : ('refuse' as const), actor };
  const posted = withProgress((progress) =>
    postStatement(store, { ...request, ...(pattern !== undefined && { campaignPattern: pattern }), onRows: (done, total) => progress.show('ghi chứng từ', done, total) }),
  );
  return report(posted, (p) => {
    console.log(`posted ${p.receipts} receipts for ${p.transfers} transfers, ${p.credited} đồng; ${p.charges} bank charges drafted for approval; ${p.held} rows held for review`);
  });
}

export function runBankCommand(command: string, store: Store, options: Options, actor: Caller): Promise<number> | undefined {
  switch (command) {
    case 'import-statement':
      return importCommand(store, options, actor);
    case 'post-statement':
      return Promise.resolve(postCommand(store, options, actor));
    default:
      return undefined;
  }
}
