/** The `serve` command in a child process on a database file, as deployed, for tests across processes. */
import { spawn, type ChildProcess } from 'node:child_process';
import { issueToken } from '../../src/app/tokens.js';
import { createUser } from '../../src/app/users.js';
import { openStore } from '../../src/db/store.js';
import { CASH } from './api-fixture.js';
import { ACTOR, createFund, postOk } from './store-fixture.js';

/** A database file holding commune fund C1 with 10,000,000 đồng in cash; the token of its accountant. */
export function communeOnFile(path: string): string {
  const store = openStore(path);
  createFund(store, { code: 'C1', bankAccounts: [] });
  postOk(store, CASH, { entity: 'C1', kind: 'opening' });
  createUser(store, { name: 'ke-toan', grants: [{ entity: 'C1', role: 'accountant' }], actor: ACTOR });
  const token = issueToken(store, { user: 'ke-toan', label: 'test', actor: ACTOR });
  store.close();
  if (!token.ok) throw new Error(token.code);
  return token.value.token;
}

export interface ServerProcess {
  readonly url: string;
  readonly process: ChildProcess;
}

export function startServerProcess(db: string): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'serve', '--db', db, '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const url = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(out)?.[1];
      if (url) resolve({ url, process: child });
    });
    child.once('exit', (code) => reject(new Error(`server exited with ${code}: ${out}`)));
  });
}
