/**
 * The progress of a long command, as one bar on stderr drawn by cli-progress: what the
 * command is doing, how far it has got, at what rate and how long it has left. It is drawn
 * only when stderr is a terminal, so a script that reads the command's output or keeps its
 * errors sees none of it, and it is taken away before the command prints its result.
 */
import { SingleBar } from 'cli-progress';

/** What the bar is written to: stderr, or a stand-in for it. */
export interface Terminal {
  readonly isTTY?: boolean;
  readonly columns?: number;
  write(text: string): unknown;
}

export interface Progress {
  /** Whether the bar is drawn at all: stderr is a terminal. */
  readonly visible: boolean;
  /**
   * What the command is doing now and, when it counts, how far it has got, of how many; and
   * the count of what it makes, with its rate, when that is not what is measured (rows of a
   * statement read as its bytes go by).
   */
  show(what: string, done?: number, total?: number, made?: { readonly count: number; readonly unit: string }): void;
  /** Takes the bar away. */
  end(): void;
}

/** The bar is redrawn at most this many times a second. */
const FPS = 10;
const COUNT = new Intl.NumberFormat('vi-VN');

const formatOf = (what: string, done: number | undefined, total: number | undefined): string => {
  if (done === undefined) return `${what}…`;
  if (total === undefined || total === 0) return `${what}: {count}`;
  return `${what} {bar} {percentage}% | {count} | còn {eta_formatted}`;
};

export function progressLine(terminal: Terminal, now: () => number = Date.now): Progress {
  if (!terminal.isTTY) return { visible: false, show: () => undefined, end: () => undefined };
  let bar: SingleBar | undefined;
  let drawn: string | undefined;
  let startedAt = 0;
  const stop = () => {
    bar?.stop();
    bar = undefined;
    drawn = undefined;
  };
  return {
    visible: true,
    show(what, done, total, made) {
      const format = formatOf(what, done, total);
      const payload = () => {
        const seconds = (now() - startedAt) / 1000;
        if (made) return { count: `${COUNT.format(made.count)} ${made.unit}${seconds > 0 ? `, ${COUNT.format(Math.round(made.count / seconds))} ${made.unit}/s` : ''}` };
        return { count: total === undefined || total === 0 ? COUNT.format(done ?? 0) : `${COUNT.format(done ?? 0)}/${COUNT.format(total)}` };
      };
      if (format !== drawn) {
        stop();
        startedAt = now();
        bar = new SingleBar({
          stream: terminal as NodeJS.WriteStream, format, fps: FPS, barsize: 24, barCompleteChar: '█', barIncompleteChar: '░',
          clearOnComplete: true, hideCursor: true, linewrap: false, gracefulExit: true,
        });
        bar.start(total ?? 0, done ?? 0, payload());
        drawn = format;
        return;
      }
      bar?.update(done ?? 0, payload());
    },
    end: stop,
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
