/**
 * The migrations folder, and the triggers its SQL leaves in every database: the ones that
 * keep posted rows as they were, which `verify` and the start-up check look for by name
 * and by definition.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The migrations folder at the top of the package, from src/db or dist/db alike. */
export const MIGRATIONS_FOLDER = resolve(dirname(fileURLToPath(import.meta.url)), '../../migrations');

export interface MigrationTriggers {
  /** The triggers the migrations create and do not drop again. */
  readonly names: readonly string[];
  /** All the migrations' SQL: SQLite keeps each trigger's definition exactly as it appears there. */
  readonly sql: string;
}

let triggers: MigrationTriggers | undefined;

/** Read once per process: the migrations do not change while it runs. */
export function migrationTriggers(): MigrationTriggers {
  if (triggers) return triggers;
  const sql = readdirSync(MIGRATIONS_FOLDER)
    .filter((file) => file.endsWith('.sql'))
    .sort()
    .map((file) => readFileSync(join(MIGRATIONS_FOLDER, file), 'utf8'))
    .join('\n');
  const names = new Set<string>();
  for (const [, verb = '', name = ''] of sql.matchAll(/\b(CREATE|DROP)\s+TRIGGER\s+(?:IF\s+(?:NOT\s+)?EXISTS\s+)?[`"]?(\w+)/gi)) {
    if (verb.toUpperCase() === 'CREATE') names.add(name);
    else names.delete(name);
  }
  triggers = { names: [...names], sql };
  return triggers;
}
