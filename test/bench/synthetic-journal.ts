/**
 * The shared synthetic journal (../shared/tools/gen-journal.py): the same postings as a
 * ledger-cli journal and as a CSV, read here into entries on a benchmark fund whose chart
 * gives each of the generator's 30 accounts a leaf of its own.
 */
import { spawnSync } from 'node:child_process';
import { createReadStream, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import type { EntryInput } from '../../src/ledger/entry.js';

export const GENERATOR = resolve(process.env.GEN_JOURNAL ?? '../shared/tools/gen-journal.py');

/** Generator account → [account code, parent code, name] in the benchmark fund's chart. */
export const ACCOUNT_MAP: Readonly<Record<string, readonly [string, string, string]>> = {
  'Assets:Cash:HeadOffice': ['11111', '1111', 'Tiền mặt văn phòng'],
  'Assets:Cash:Province': ['11112', '1111', 'Tiền mặt tỉnh'],
  'Assets:Bank:VCB:Operating': ['11211', '1121', 'VCB hoạt động'],
  'Assets:Bank:VCB:Relief': ['11212', '1121', 'VCB cứu trợ'],
  'Assets:Bank:Agribank:Poor': ['11213', '1121', 'Agribank Quỹ Vì người nghèo'],
  'Assets:Bank:BIDV:Disaster': ['11214', '1121', 'BIDV thiên tai'],
  'Assets:Receivable:Pledges': ['13881', '1388', 'Cam kết ủng hộ'],
  'Assets:Advances:Staff': ['1411', '141', 'Tạm ứng'],
  'Liabilities:Payable:Suppliers': ['3311', '331', 'Nhà cung cấp'],
  'Liabilities:Payable:Beneficiaries': ['33881', '3388', 'Phải trả người thụ hưởng'],
  'Liabilities:Deposits:Held': ['33882', '3388', 'Tiền giữ hộ'],
  'Income:Donations:Individuals': ['51111', '5111', 'Cá nhân ủng hộ'],
  'Income:Donations:Enterprises': ['51112', '5111', 'Doanh nghiệp ủng hộ'],
  'Income:Donations:Foreign': ['51113', '5111', 'Ủng hộ từ nước ngoài'],
  'Income:Grants:State': ['51181', '5118', 'Ngân sách hỗ trợ'],
  'Income:Grants:Province': ['51182', '5118', 'Tỉnh hỗ trợ'],
  'Income:Interest': ['5151', '515', 'Lãi tiền gửi'],
  'Income:Other': ['51183', '5118', 'Thu khác'],
  'Expenses:Relief:Flood': ['61161', '6116', 'Cứu trợ lũ lụt'],
  'Expenses:Relief:Storm': ['61162', '6116', 'Cứu trợ bão'],
  'Expenses:Relief:Drought': ['61163', '6116', 'Cứu trợ hạn hán'],
  'Expenses:Poor:Housing': ['61111', '6111', 'Nhà ở'],
  'Expenses:Poor:Education': ['61131', '6113', 'Học tập'],
  'Expenses:Poor:Health': ['61121', '6112', 'Khám chữa bệnh'],
  'Expenses:Poor:Livelihood': ['61141', '6114', 'Sinh kế'],
  'Expenses:Admin:Salaries': ['6141', '614', 'Tiền công'],
  'Expenses:Admin:BankFees': ['6151', '615', 'Phí ngân hàng'],
  'Expenses:Admin:Office': ['6142', '614', 'Văn phòng phẩm'],
  'Equity:FundBalance:Opening': ['4211', '421', 'Nguồn Quỹ đầu kỳ'],
  'Equity:FundBalance:Restricted': ['4212', '421', 'Nguồn Quỹ có địa chỉ'],
};

export function generate(dir: string, txns: number): { journal: string; csv: string } {
  if (!existsSync(GENERATOR)) throw new Error(`the journal generator is missing: ${GENERATOR} (set GEN_JOURNAL)`);
  const journal = join(dir, 'journal.ledger');
  const csv = join(dir, 'postings.csv');
  const stamp = join(dir, 'transactions');
  const made = existsSync(stamp) ? readFileSync(stamp, 'utf8') : '';
  if (made !== String(txns) || !existsSync(journal) || !existsSync(csv)) {
    const run = spawnSync('python3', [GENERATOR, '--txns', String(txns), '--out', dir], { encoding: 'utf8' });
    if (run.status !== 0) throw new Error(`gen-journal failed: ${run.stderr}`);
    writeFileSync(stamp, String(txns));
  }
  return { journal, csv };
}

/** Reads the CSV into entries, one per transaction, in file (date) order. */
export async function readEntries(csv: string): Promise<EntryInput[]> {
  const entries: EntryInput[] = [];
  let current = null as { id: string; date: string; lines: EntryInput["lines"][number][] } | null;
  const flush = () => current && entries.push({ date: current.date, description: `TX${current.id.padStart(7, '0')} donation/relief`, lines: current.lines });
  const lines = createInterface({ input: createReadStream(csv), crlfDelay: Infinity });
  let header = true;
  for await (const line of lines) {
    if (header) {
      header = false;
      continue;
    }
    const [id, date, account, amount] = line.split(',') as [string, string, string, string];
    if (current?.id !== id) {
      flush();
      current = { id, date, lines: [] };
    }
    const code = ACCOUNT_MAP[account]?.[0];
    if (!code) throw new Error(`unmapped account ${account}`);
    current.lines.push(amount.startsWith('-') ? { account: code, credit: amount.slice(1) } : { account: code, debit: amount });
  }
  flush();
  return entries;
}
