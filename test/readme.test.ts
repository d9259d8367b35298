/** The README documents what exists: every rejection code and every CLI command. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { REJECTIONS } from '../src/ledger/rejections.js';

const readme = readFileSync('README.md', 'utf8');
const cli = ['src/cli/main.ts', 'src/cli/voucher-commands.ts', 'src/cli/campaign-commands.ts', 'src/cli/report-commands.ts', 'src/cli/misa-commands.ts', 'src/cli/bank-commands.ts'].map((file) => readFileSync(file, 'utf8')).join('\n');

describe('README.md', () => {
  it.each(Object.keys(REJECTIONS))('documents the rejection code %s', (code) => {
    expect(readme).toContain(`\`${code}\``);
  });

  it('documents every command of the CLI', () => {
    const commands = [...cli.matchAll(/case '([a-z-]+)':/g)].map((m) => m[1]);
    expect(commands.length).toBeGreaterThan(10);
    for (const command of commands) expect(readme).toContain(`| \`${command}`);
  });

  it('gives the test command that CI runs', () => {
    const ci = readFileSync('.ci/run', 'utf8');
    expect(readme).toContain('npm ci && npm test');
    expect(ci).toContain('npm ci && npm test');
  });
});
