/**
 * Backup and restore from the command line: `backup --out FILE` copies the database while
 * the server may be writing; `restore FILE` checks a copy and puts it in place of the
 * database, which no server may hold open meanwhile.
 */
import { backupDatabase } from '../app/backup-database.js';
import { restoreDatabase, type RestoreProblem } from '../app/restore-database.js';
import type { Store } from '../db/store.js';
import { backupSteps } from './backup-progress.js';
import { need, type Options } from './options.js';
import { withProgress } from './progress.js';
import { problemLine } from './verify-lines.js';

export const BACKUP_USAGE = `  backup --out FILE                           copy the database, also while the server writes
  restore FILE                                check a backup and put it in place of the database
                                              (stop the server first)`;

export async function backupCommand(store: Store, options: Options): Promise<number> {
  const out = need(options, 'out');
  const done = await withProgress((line) => backupDatabase(store, { out, ...backupSteps(line) }));
  if (!done.ok) {
    console.error(`refused: ${out} already exists; a backup never overwrites a file`);
    return 1;
  }
  console.log(`backup written to ${out}: ${done.pages} pages`);
  return 0;
}

function whyRefused(copy: string, target: string, refusal: RestoreProblem): string {
  switch (refusal.problem) {
    case 'copy_missing':
      return `${copy} does not exist`;
    case 'target_in_use':
      return `${target} is open in another process; stop the server first`;
    case 'copy_unverified':
      return [`${copy} fails verification`, ...refusal.problems.map(problemLine)].join('\n  ');
    case 'schema_differs':
      return `${copy} does not have this version's schema: ${refusal.detail}`;
  }
}

export async function restoreCommand(copy: string | undefined, target: string): Promise<number> {
  if (!copy) {
    console.error('restore needs the backup file: fund-ledger restore FILE');
    return 64;
  }
  const restored = await restoreDatabase({ copy, target });
  if (!restored.ok) {
    console.error(`refused: ${whyRefused(copy, target, restored)}\n${target} is unchanged`);
    return restored.problem === 'copy_missing' ? 66 : 1;
  }
  for (const fund of restored.funds) console.log(`${fund.entity}: OK — ${fund.chain.entries} entries`);
  console.log(`restored ${target} from ${copy}`);
  return 0;
}
