#!/usr/bin/env node
/**
 * The fund-ledger command. Every command works on one SQLite database: --db, else the
 * FUND_LEDGER_DB environment variable, else data/fund-ledger.sqlite.
 */
import { readFileSync, statSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { addSubAccount } from '../app/add-sub-account.js';
import { localCaller, type Caller } from '../app/caller.js';
import { removeSealImage, setSealImage } from '../app/seal-image.js';
import { verifyDisclosure } from '../app/publish-disclosure.js';
import { listPublished } from '../db/disclosures-repo.js';
import { closeYear } from '../app/close-year.js';
import { createEntity } from '../app/create-entity.js';
import { parseEntityProfile } from '../app/entity-profile-schema.js';
import { deactivateAccount } from '../app/deactivate-account.js';
import { importChart } from '../app/import-chart.js';
import { openYear } from '../app/open-year.js';
import { lockPeriod, unlockPeriod } from '../app/period-locks.js';
import { postEntries } from '../app/post-entries.js';
import { reopenYear } from '../app/reopen-year.js';
import { reverseEntry } from '../app/reverse-entry.js';
import { DEMO_ADMIN, isEmpty, seedDemo } from '../app/seed-demo.js';
import { getAccountBalance, getTrialBalance } from '../app/trial-balance.js';
import { verifyBooks } from '../app/verify-chain.js';
import { buildServer } from '../api/server.js';
import { ROLES } from '../app/permissions.js';
import { issueToken, revokeToken } from '../app/tokens.js';
import { createUser, grantRole, type GrantRequest } from '../app/users.js';
import { listGrants, listTokens, listUsers, type Role } from '../db/access-repo.js';
import { findEntityByCode, listEntities, type EntityRow } from '../db/entities-repo.js';
import { SEAL_IMAGE_MAX_BYTES } from '../export/seal-image.js';
import { reject, type Result } from '../ledger/rejections.js';
import { DEFAULT_DATABASE, type Store } from '../db/store.js';
import { formatVnd } from '../export/number-format.js';
import { trialBalanceJson } from '../export/trial-balance-json.js';
import { trialBalanceText } from '../export/trial-balance-text.js';
import { parseJournal } from '../ledger/journal-text.js';
import { authThrottleFromEnv } from './auth-throttle-env.js';
import { cleanOptions, readJsonInput, readTextInput } from './input-file.js';
import { backupCommand, BACKUP_USAGE, restoreCommand } from './backup-commands.js';
import { CAMPAIGN_USAGE, runCampaignCommand } from './campaign-commands.js';
import { monthOption, need, OPTIONS, report, UsageError, type Options } from './options.js';
import { BANK_USAGE, runBankCommand } from './bank-commands.js';
import { MISA_USAGE, runMisaCommand } from './misa-commands.js';
import { REPORT_USAGE, runReportCommand } from './report-commands.js';
import { openCommandStore } from './open-store.js';
import { withProgress } from './progress.js';
import { problemLine } from './verify-lines.js';
import { runVoucherCommand, VOUCHER_USAGE } from './voucher-commands.js';

const USAGE = `fund-ledger <command> [options]      (--db PATH or FUND_LEDGER_DB selects the database)

  help, --help, -h                            print this text
  init                                        create or migrate the database
  seed-demo                                   load the demo funds into an empty database
  entities                                    list the funds
  create-entity --file profile.json           create a fund from a JSON profile
  set-seal-image --entity CODE --file seal.png the seal's image (PNG or JPEG), printed where the
                                              profile's seal.imageOn says
  remove-seal-image --entity CODE
  post --entity CODE --file F.journal [--kind opening]
  reverse --entity CODE --entry ID [--date YYYY-MM-DD] [--reason TEXT]
  trial-balance --entity CODE --from YYYY-MM-DD --to YYYY-MM-DD [--json]
  balance --entity CODE --account CODE --as-of YYYY-MM-DD
  lock --entity CODE --month YYYY-MM
  unlock --entity CODE --month YYYY-MM --reason TEXT
  open-year --entity CODE --year YYYY          open the next fiscal year
  close-year --entity CODE --year YYYY
  reopen-year --entity CODE --year YYYY --reason TEXT
  add-account --entity CODE --code CODE --parent CODE --name TEXT
  deactivate-account --entity CODE --code CODE
  import-chart --entity CODE --file chart.csv
  verify [--entity CODE]                      check the file and the funds' books (all funds by default)
  users                                       list users, their roles and tokens
  add-user --name NAME [--full-name TEXT] [--role ROLE [--entity CODE] [--inherit]]
  grant --user NAME --role ROLE [--entity CODE] [--inherit]
                                              roles: admin, accountant, approver, auditor;
                                              without --entity, on every fund
  issue-token --user NAME [--label TEXT]      print a new API token (shown once)
  revoke-token --id ID
${VOUCHER_USAGE}
${CAMPAIGN_USAGE}
${REPORT_USAGE}
${MISA_USAGE}
${BANK_USAGE}
${BACKUP_USAGE}
  serve [--port 3000] [--host 127.0.0.1]      migrate, seed the demo if empty, serve HTTP`;

async function serve(store: Store, options: Options): Promise<number> {
  const authThrottle = authThrottleFromEnv(process.env);
  if (isEmpty(store)) {
    const seeded = seedDemo(store);
    if (!seeded.ok) return report(seeded, () => undefined);
    console.log('Đã nạp dữ liệu mẫu (demo): Quỹ "Vì người nghèo" tỉnh TVH-VNN và xã HTH-VNN năm 2024; Ban Vận động cứu trợ tỉnh TVH-CT và xã HTH-CT (COVID-2021, BAO9-2024), các báo cáo công khai đã công bố.');
    console.log(`Lấy mã truy cập quản trị (admin token): npm run cli -- issue-token --user ${DEMO_ADMIN}`);
  }
  const app = await buildServer(store, { logger: true, authThrottle });
  const port = Number(options.port ?? process.env.PORT ?? 3000);
  await app.listen({ port, host: options.host ?? process.env.HOST ?? '127.0.0.1' });
  const closeAndExit = (): void => void app.close().then(() => { store.close(); process.exit(0); });
  process.once('SIGINT', closeAndExit);
  process.once('SIGTERM', closeAndExit);
  return -1;
}

/** A seal image file, its type by its extension; a file larger than any seal is refused before it is read. */
function sealImageFromFile(store: Store, entity: string, file: string, actor: Caller): Result<EntityRow> {
  const type = /\.png$/i.test(file) ? 'image/png' : /\.jpe?g$/i.test(file) ? 'image/jpeg' : null;
  if (type === null) throw new UsageError(`${file}: a seal image is a .png, .jpg or .jpeg file`);
  const size = statSync(file).size;
  if (size > SEAL_IMAGE_MAX_BYTES) return reject('seal_image_too_large', 'file', `${size} bytes, at most ${SEAL_IMAGE_MAX_BYTES}`);
  return setSealImage(store, { entity, bytes: readFileSync(file), type, actor });
}

function run(command: string, store: Store, options: Options): number | Promise<number> {
  // The command line acts with every right, as the local user who holds the database file.
  const actor = localCaller({ name: options.actor ?? process.env.USER ?? 'cli', origin: 'cli' });
  const entity = (): string => need(options, 'entity');
  switch (command) {
    case 'init':
      console.log(`database ready: ${listEntities(store.db).length} funds`);
      return 0;
    case 'seed-demo':
      if (!isEmpty(store)) throw new UsageError('the database already holds funds; the demo loads into an empty one');
      return report(seedDemo(store), () => console.log('demo loaded: the Fund for the Poor TVH-VNN and HTH-VNN (2024 closed) and the relief boards TVH-CT and HTH-CT (campaigns COVID-2021 and BAO9-2024), their disclosures published'));
    case 'entities':
      for (const e of listEntities(store.db)) console.log(`${e.code}\t${e.level}\t${e.kind}\t${e.name}`);
      return 0;
    case 'create-entity': {
      const profile = parseEntityProfile(readJsonInput(need(options, 'file')));
      if (!profile.ok) throw new UsageError(`the profile is malformed at ${profile.field}: ${profile.message}`);
      return report(createEntity(store, profile.value, actor), (e) => console.log(`created ${e.code}`));
    }
    case 'set-seal-image':
      return report(sealImageFromFile(store, entity(), need(options, 'file'), actor), (e) => console.log(`seal image of ${e.code} set`));
    case 'remove-seal-image':
      return report(removeSealImage(store, { entity: entity(), actor }), (e) => console.log(`seal image of ${e.code} removed`));
    case 'post': {
      const file = need(options, 'file');
      const kind = options.kind === 'opening' ? 'opening' : 'regular';
      const done = withProgress((line) => {
        line.show(`Đang đọc ${file}`);
        const entries = parseJournal(readTextInput(file));
        if (!entries.ok) return entries;
        line.show(`Đang ghi sổ ${entries.value.length.toLocaleString('vi-VN')} bút toán`);
        return postEntries(store, { entity: entity(), entries: entries.value, actor, kind });
      });
      return report(done, (posted) =>
        console.log(`posted ${posted.length} entries${posted.length ? `, sequence ${posted[0]?.seq}–${posted.at(-1)?.seq}` : ''}`),
      );
    }
    case 'reverse':
      return report(
        reverseEntry(store, {
          entity: entity(), entryId: Number(need(options, 'entry')), actor,
          ...(options.date && { date: options.date }), ...(options.reason && { description: options.reason }),
        }),
        (r) => console.log(`reversal posted as entry ${r.id} (sequence ${r.seq}) on ${r.date}`),
      );
    case 'trial-balance': {
      const tb = getTrialBalance(store, { entity: entity(), from: need(options, 'from'), to: need(options, 'to') });
      const name = findEntityByCode(store.db, entity())?.name ?? entity();
      return report(tb, (value) => console.log(options.json ? JSON.stringify(trialBalanceJson(value), null, 2) : trialBalanceText(value, name)));
    }
    case 'balance':
      return report(getAccountBalance(store, { entity: entity(), account: need(options, 'account'), asOf: need(options, 'as-of') }), (b) =>
        console.log(`${b.account} ${b.name} ngày ${b.asOf}: ${b.balance >= 0n ? 'Dư Nợ' : 'Dư Có'} ${formatVnd(b.balance < 0n ? -b.balance : b.balance)} đồng`),
      );
    case 'lock':
      return report(lockPeriod(store, { entity: entity(), ...monthOption(options), actor }), () => console.log(`locked ${options.month}`));
    case 'unlock':
      return report(unlockPeriod(store, { entity: entity(), ...monthOption(options), actor, ...(options.reason && { reason: options.reason }) }), () =>
        console.log(`unlocked ${options.month}`),
      );
    case 'open-year':
      return report(openYear(store, { entity: entity(), year: Number(need(options, 'year')), actor }), () => console.log(`opened ${options.year}`));
    case 'close-year':
      return report(closeYear(store, { entity: entity(), year: Number(need(options, 'year')), actor }), (c) =>
        console.log(`closed ${options.year} with ${c.closingEntries.length} closing entries; ${c.nextYear} is open`),
      );
    case 'reopen-year':
      return report(reopenYear(store, { entity: entity(), year: Number(need(options, 'year')), actor, ...(options.reason && { reason: options.reason }) }), (r) =>
        console.log(`reopened ${options.year}; ${r.length} closing entries reversed`),
      );
    case 'add-account':
      return report(
        addSubAccount(store, { entity: entity(), code: need(options, 'code'), parent: need(options, 'parent'), nameVi: need(options, 'name'), actor }),
        (a) => console.log(`added ${a.code} under ${a.parent}`),
      );
    case 'deactivate-account':
      return report(deactivateAccount(store, { entity: entity(), code: need(options, 'code'), actor }), () => console.log(`deactivated ${options.code}`));
    case 'import-chart':
      return report(importChart(store, { entity: entity(), csv: readTextInput(need(options, 'file')), actor }), (rows) =>
        console.log(`chart replaced: ${rows.length} accounts`),
      );
    case 'verify':
      return verify(store, options.entity);
    case 'backup':
      return backupCommand(store, options);
    case 'serve':
      return serve(store, options);
    case 'users':
      return listUsersCommand(store);
    case 'add-user':
      return report(createUser(store, { name: need(options, 'name'), ...(options['full-name'] && { fullName: options['full-name'] }), grants: options.role ? [grantOption(options)] : [], actor }), (u) =>
        console.log(`added ${u.user.name}`),
      );
    case 'grant':
      return report(grantRole(store, { user: need(options, 'user'), grant: grantOption(options), actor }), (g) => console.log(`granted ${g.role} (grant ${g.id})`));
    case 'issue-token':
      return report(issueToken(store, { user: need(options, 'user'), label: options.label ?? 'cli', actor }), (t) => console.log(t.token));
    case 'revoke-token':
      return report(revokeToken(store, { id: need(options, 'id'), actor }), () => console.log(`revoked ${options.id}`));
    default: {
      const done = runVoucherCommand(command, store, options, actor) ?? runCampaignCommand(command, store, options, actor) ?? runReportCommand(command, store, options) ?? runMisaCommand(command, store, options, actor) ?? runBankCommand(command, store, options, actor);
      if (done === undefined) throw new UsageError(`unknown command ${command}`);
      return done;
    }
  }
}

function grantOption(options: Options): GrantRequest {
  const role = need(options, 'role');
  if (!ROLES.includes(role as Role)) throw new UsageError(`--role must be one of ${ROLES.join(', ')}`);
  return { role: role as Role, ...(options.entity && { entity: options.entity }), ...(options.inherit && { inherit: true }) };
}

function listUsersCommand(store: Store): number {
  const codes = new Map(listEntities(store.db).map((e) => [e.id, e.code]));
  for (const user of listUsers(store.db)) {
    const grants = listGrants(store.db, user.id).map((g) => `${g.role}@${g.entityId === null ? '*' : codes.get(g.entityId)}${g.inherit ? '+' : ''}`);
    const tokens = listTokens(store.db, user.id).map((t) => `${t.publicId}${t.revokedAt ? ' (revoked)' : ''}`);
    console.log(`${user.name}\troles: ${grants.join(', ') || '-'}\ttokens: ${tokens.join(', ') || '-'}`);
  }
  return 0;
}

/** Damage to the file as a whole is printed once, then each fund's own problems, or OK. */
function verify(store: Store, only: string | undefined): number {
  const result = verifyBooks(store, only ? [only] : undefined);
  if (!result.ok) return report(result, () => undefined);
  const { file, funds } = result.value;
  for (const problem of file) console.log(problemLine(problem));
  for (const fund of funds) {
    const own = fund.problems.filter((p) => p.entity !== null);
    if (fund.chain.ok && own.length === 0) console.log(`${fund.entity}: OK — ${fund.chain.entries} entries, chain head ${fund.chain.lastHash}`);
    for (const problem of own) console.log(problemLine(problem));
  }
  const publications = funds.flatMap((fund) => listPublished(store.db, { entity: fund.entity }));
  const checks = publications.map((p) => ({ publication: p, check: verifyDisclosure(store, { entity: p.entity, id: p.id }) }));
  for (const { publication: p, check } of checks) {
    const what = `${p.entity}: disclosure ${p.id} (${p.campaign ?? 'periodic report'}${p.consolidated ? ', consolidated' : ''}, ${p.from}..${p.to})`;
    if (!check.ok) console.log(`${what}: ${check.code}`);
    else if (check.value.sealed && check.value.differences.length === 0) console.log(`${what}: OK — as published at chain head ${p.chainSeq}`);
    else console.log(`${what}: ${check.value.sealed ? 'DIFFERS' : 'UNSEALED'} — ${check.value.differences.join(', ') || 'the stored report no longer has its SHA-256'}`);
  }
  const disclosed = checks.every(({ check }) => check.ok && check.value.sealed && check.value.differences.length === 0);
  return file.length > 0 || funds.some((f) => !f.ok) || !disclosed ? 1 : 0;
}

async function main(): Promise<void> {
  let parsed;
  try {
    parsed = parseArgs({ options: OPTIONS, allowPositionals: true });
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${USAGE}`);
    process.exit(64);
  }
  const [command] = parsed.positionals;
  if (command === 'help' || parsed.values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  if (!command) {
    console.error(USAGE);
    process.exit(64);
  }
  let options: Options;
  try {
    options = cleanOptions(parsed.values);
  } catch (error) {
    console.error((error as Error).message);
    process.exit(64);
  }
  const database = options.db ?? process.env.FUND_LEDGER_DB ?? DEFAULT_DATABASE;
  // A restore replaces the database file, so it must not hold the file open.
  if (command === 'restore') process.exit(await restoreCommand(parsed.positionals[1], database));
  const store = openCommandStore(command, database);
  try {
    const code = await run(command, store, options);
    if (code >= 0) {
      store.close();
      process.exit(code);
    }
  } catch (error) {
    store.close();
    if (error instanceof UsageError) {
      console.error(`${error.message}\n\n${USAGE}`);
      process.exit(64);
    }
    if (error instanceof SyntaxError || (error as NodeJS.ErrnoException).code === 'ENOENT' || (error as NodeJS.ErrnoException).code === 'EISDIR') {
      console.error(`cannot read the input: ${(error as Error).message}`);
      process.exit(66);
    }
    throw error;
  }
}

await main();
