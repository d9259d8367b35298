/**
 * Writing text into a stream at the reader's pace: every text writer (CSV, JSON, ledger
 * journal) waits when `out` asks it to, so a book of a million lines holds little in memory.
 */
import { once } from 'node:events';

/** Writes a chunk and, when `out` says its buffer is full, waits until it drains (or fails). */
export async function writeText(out: NodeJS.WritableStream, chunk: string): Promise<void> {
  if (chunk === '' || out.write(chunk, 'utf8')) return;
  await once(out, 'drain');
}

/** Ends `out` and waits until everything written has been handed on. */
export function endStream(out: NodeJS.WritableStream): Promise<void> {
  return new Promise((resolve, reject) => {
    out.once('error', reject);
    out.end(() => {
      out.removeListener('error', reject);
      resolve();
    });
  });
}

/** Writes the chunks one by one, then ends `out`. */
export async function writeTextChunks(chunks: Iterable<string>, out: NodeJS.WritableStream): Promise<void> {
  for (const chunk of chunks) await writeText(out, chunk);
  await endStream(out);
}
