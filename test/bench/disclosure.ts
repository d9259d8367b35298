/**
 * A campaign at the scale of a national appeal: a typhoon campaign whose receipts arrive as
 * N two-line entries (a bank credit and a donation, each tagged with the campaign; N =
 * 1,000,000 by default, so 2,000,000 campaign lines), spread over its 90-day window, a donor
 * in three an organisation. Then, timed: the disclosure's value (median of 3), its
 * publication (canonical JSON, SHA-256, stored), the verification of that publication, and
 * the PDF of the report streamed to a file.
 */
import { createWriteStream, mkdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { localCaller } from '../../src/app/caller.js';
import { createCampaign } from '../../src/app/create-campaign.js';
import { createEntity } from '../../src/app/create-entity.js';
import { postEntries } from '../../src/app/post-entries.js';
import { publishDisclosure, verifyDisclosure } from '../../src/app/publish-disclosure.js';
import { disclosureOutput } from '../../src/app/reports/disclosure-output.js';
import { getDisclosure } from '../../src/app/reports/get-disclosure.js';
import { findEntityByCode } from '../../src/db/entities-repo.js';
import { openStore } from '../../src/db/store.js';
import { addDays } from '../../src/ledger/calendar.js';
import type { EntryInput } from '../../src/ledger/entry.js';
import { disclosureJson } from '../../src/export/disclosure-json.js';
import { must } from './bench-support.js';

const ACTOR = localCaller({ name: 'bench', origin: 'bench' });
const FUND = 'YAGI';
const CAMPAIGN = 'BAO3-2024';
const ACCOUNT = '0011001932418';

export interface DisclosureBench {
  readonly receipts: number;
  readonly lines: number;
  readonly postSeconds: number;
  readonly reportMs: number;
  readonly publishMs: number;
  readonly verifyMs: number;
  readonly pdfMs: number;
  readonly pdfBytes: number;
  readonly total: string;
  readonly verified: boolean;
}

const timed = <T>(work: () => T): [T, number] => {
  const start = performance.now();
  const value = work();
  return [value, performance.now() - start];
};

export async function benchDisclosure(options: { receipts: number; dir: string }): Promise<DisclosureBench> {
  rmSync(options.dir, { recursive: true, force: true });
  mkdirSync(options.dir, { recursive: true });
  const store = openStore(join(options.dir, 'disclosure.sqlite'));
  try {
    must(createEntity(store, {
      code: FUND, name: 'Ban Vận động cứu trợ Trung ương', kind: 'relief', level: 'central', seal: { name: 'ỦY BAN TRUNG ƯƠNG MTTQ VIỆT NAM' },
      bankAccounts: [{ kind: 'bank', institution: 'Vietcombank - Sở giao dịch', number: ACCOUNT, accountCode: '1121' }], firstYear: 2024,
    }, ACTOR));
    must(createCampaign(store, { entity: FUND, code: CAMPAIGN, name: 'Ủng hộ đồng bào bị thiệt hại do bão số 3 (Yagi)', kind: 'disaster', startsOn: '2024-09-08', bankAccounts: [ACCOUNT], actor: ACTOR }));
    const started = performance.now();
    const CHUNK = 50_000;
    for (let from = 0; from < options.receipts; from += CHUNK) {
      const entries: EntryInput[] = [];
      for (let i = from; i < Math.min(from + CHUNK, options.receipts); i++) {
        const date = addDays('2024-09-08', Math.floor((i * 90) / options.receipts));
        const amount = String(10_000 + (i % 97) * 5_000);
        entries.push({
          date, description: `MBVCB.${7_000_000 + i}.ung ho dong bao bao so 3`,
          lines: [
            { account: '1121', debit: amount, bankAccount: ACCOUNT, campaign: CAMPAIGN },
            { account: '5111', credit: amount, campaign: CAMPAIGN, counterparty: { kind: 'donor', name: `Nhà hảo tâm ${i % 20_000}`, ...(i % 3 === 0 && { form: 'organisation' as const }) } },
          ],
        });
      }
      must(postEntries(store, { entity: FUND, entries, actor: ACTOR }));
    }
    const postSeconds = (performance.now() - started) / 1000;
    const reports: number[] = [];
    let total = '';
    for (let run = 0; run < 3; run++) {
      const [report, ms] = timed(() => must(getDisclosure(store, { entity: FUND, campaign: CAMPAIGN, to: '2024-12-31' })));
      reports.push(ms);
      total = String(report.received.total);
    }
    const [published, publishMs] = timed(() => must(publishDisclosure(store, { entity: FUND, campaign: CAMPAIGN, to: '2024-12-31', actor: ACTOR })));
    const [check, verifyMs] = timed(() => must(verifyDisclosure(store, { entity: FUND, id: published.id })));
    const entity = findEntityByCode(store.db, FUND);
    if (!entity) throw new Error('the benchmark fund is missing');
    const report = disclosureJson(must(getDisclosure(store, { entity: FUND, campaign: CAMPAIGN, to: '2024-12-31' })));
    const path = join(options.dir, 'cong-khai.pdf');
    const pdfStart = performance.now();
    const output = must(disclosureOutput(store, { entity, name: 'cong-khai', format: 'pdf', body: report, report, published }));
    await new Promise<void>((resolve, reject) => {
      const out = createWriteStream(path);
      out.on('finish', resolve).on('error', reject);
      output.write(out).catch(reject);
    });
    const pdfMs = performance.now() - pdfStart;
    return {
      receipts: options.receipts, lines: options.receipts * 2, postSeconds,
      reportMs: reports.sort((a, b) => a - b)[1] ?? 0, publishMs, verifyMs, pdfMs, pdfBytes: statSync(path).size, total,
      verified: check.sealed && check.differences.length === 0,
    };
  } finally {
    store.close();
  }
}
