/**
 * Opening the database a command works on. A file the store refuses (not a sound database,
 * or failing the start-up check) stops the command with one line and exit code 65 instead
 * of a stack trace; `verify` opens such a file anyway, to say everything that is wrong.
 */
import { openStore, StoreDamagedError, type Store } from '../db/store.js';
import { problemLine } from './verify-lines.js';

/** EX_DATAERR: the input, here the database file, is damaged. */
export const DAMAGED_DATABASE_EXIT = 65;

export function openCommandStore(command: string, path: string): Store {
  const verifying = command === 'verify';
  try {
    return openStore(path, { evenIfDamaged: verifying });
  } catch (error) {
    if (!(error instanceof StoreDamagedError)) throw error;
    if (verifying) {
      console.log(problemLine(error.problem));
      process.exit(1);
    }
    console.error(`Cơ sở dữ liệu ${path} bị hỏng nên không mở được (${error.problem.check} at ${error.problem.where}: ${error.problem.message}). Hãy chạy \`fund-ledger verify --db ${path}\` để xem chi tiết.`);
    process.exit(DAMAGED_DATABASE_EXIT);
  }
}
