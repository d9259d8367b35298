/**
 * The progress of a long command, as one line on stderr rewritten in place. It is drawn only
 * when stderr is a terminal, so a script that reads the command's output or keeps its errors
 * sees none of it, and it is taken away before the command prints its result.
 */

/** What the line is written to: stderr, or a stand-in for it. */
export interface Terminal {
  readonly isTTY?: boolean;
  write(text: string): unknown;
}

export interface Progress {
  /** Whether the line is drawn at all: stderr is a terminal. */
  readonly visible: boolean;
  /** What the command is doing now and, when it counts, how far it has got, of how many. */
  show(what: string, done?: number, total?: number): void;
  /** Takes the line away. */
  end(): void;
}

/** A count redraws the line at most this often; a new step redraws it at once. */
const REDRAW_MS = 100;
const COUNT = new Intl.NumberFormat('vi-VN');
/** Back to the start of the line, and clear to its end. */
const CLEAR = '\r\x1b[K';

function lineOf(what: string, done: number | undefined, total: number | undefined): string {
  if (done === undefined) return `${what}…`;
  if (total === undefined || total === 0) return `${what}: ${COUNT.format(done)}`;
  return `${what}: ${COUNT.format(done)}/${COUNT.format(total)} (${Math.floor((done * 100) / total)}%)`;
}

export function progressLine(terminal: Terminal, now: () => number = Date.now): Progress {
  if (!terminal.isTTY) return { visible: false, show: () => undefined, end: () => undefined };
  let drawnWhat: string | undefined;
  let drawnAt = 0;
  return {
    visible: true,
    show(what, done, total) {
      if (what === drawnWhat && now() - drawnAt < REDRAW_MS) return;
      terminal.write(`${CLEAR}${lineOf(what, done, total)}`);
      drawnWhat = what;
      drawnAt = now();
    },
    end() {
      if (drawnWhat !== undefined) terminal.write(CLEAR);
      drawnWhat = undefined;
    },
  };
}

/**
 * Runs `work` with a progress line on stderr and takes the line away when the work ends,
 * however it ends; for work that returns a promise, when the promise settles.
 */
export function withProgress<T>(work: (line: Progress) => T): T {
  const line = progressLine(process.stderr);
  let result: T;
  try {
    result = work(line);
  } catch (error) {
    line.end();
    throw error;
  }
  if (result instanceof Promise) return result.finally(() => line.end()) as T;
  line.end();
  return result;
}

/** The items of `items`, counted on the line as each one is taken. */
export function* counted<T>(items: Iterable<T>, line: Progress, what: string): Generator<T> {
  let done = 0;
  for (const item of items) {
    yield item;
    line.show(what, ++done);
  }
}
