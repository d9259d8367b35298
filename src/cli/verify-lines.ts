/** What the command line prints about a fund whose books fail verification. */
import type { IntegrityProblem } from '../ledger/integrity.js';

/**
 * One problem on one line, named by its fund, or by "file" for damage to the file as a
 * whole: "F1: TAMPERED — hash_mismatch at entry 7 (sequence 5, 2024-04-15): …".
 */
export function problemLine(problem: IntegrityProblem): string {
  const verdict = problem.check === 'file_corrupt' ? 'CORRUPT' : 'TAMPERED';
  const more = problem.count > 1 ? ` (${problem.count} found; the first is named)` : '';
  return `${problem.entity ?? 'file'}: ${verdict} — ${problem.check} at ${problem.where}: ${problem.message}${more}`;
}
