/** A reader slower than the writer: a small-buffered Writable that takes each chunk a turn of the event loop later. */
import { Writable } from 'node:stream';

/** The sink, and the chunks it has taken so far. */
export function slowSink(): { sink: Writable; chunks: Buffer[] } {
  const chunks: Buffer[] = [];
  const sink = new Writable({
    highWaterMark: 1024,
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk);
      setImmediate(done);
    },
  });
  return { sink, chunks };
}
