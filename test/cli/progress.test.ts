/** The progress bar: drawn on a terminal only, with what is done, its rate and the time left, taken away at the end. */
import { describe, expect, it } from 'vitest';
import { counted, progressLine } from '../../src/cli/progress.js';

/** What the terminal shows, without its control sequences. */
const plain = (text: string) => text.replace(/\x1b(?:\[[0-9;?]*[A-Za-z]|[78])/g, '');

function terminal(isTTY: boolean) {
  const written: string[] = [];
  return { isTTY, written, write: (text: string) => written.push(text) };
}

describe('progressLine', () => {
  it('writes nothing when stderr is not a terminal', () => {
    const pipe = terminal(false);
    const line = progressLine(pipe);
    line.show('Số trang đã sao lưu', 10, 100);
    line.end();
    expect(line.visible).toBe(false);
    expect(pipe.written).toEqual([]);
  });

  it('draws what is being done, then a bar with its percentage, count and time left, and clears it', () => {
    const tty = terminal(true);
    const line = progressLine(tty);
    line.show('Đang đọc tệp');
    line.show('Số trang đã sao lưu', 1234, 50000);
    line.end();
    const text = tty.written.map(plain).filter((t) => t !== '');
    expect(text[0]).toBe('Đang đọc tệp…');
    expect(text[1]).toMatch(/^Số trang đã sao lưu [█░]{24} 2% \| 1\.234\/50\.000 \| còn \d+s$/);
    expect(tty.written.at(-1)).toBe('\x1b[2K');
  });

  it('counts what a step makes with its rate where the bar measures something else', () => {
    const tty = terminal(true);
    let now = 0;
    const line = progressLine(tty, () => now);
    line.show('đọc sao kê', 0, 4_000_000, { count: 0, unit: 'dòng' });
    now = 2_000;
    line.show('đọc sao kê', 3_000_000, 4_000_000, { count: 150_000, unit: 'dòng' });
    line.end();
    const drawn = tty.written.map(plain).filter((t) => t.startsWith('đọc sao kê'));
    expect(drawn.at(-1)).toMatch(/^đọc sao kê [█░]{24} 75% \| 150\.000 dòng, 75\.000 dòng\/s \| còn/);
  });

  it('clears nothing when nothing was drawn', () => {
    const tty = terminal(true);
    progressLine(tty).end();
    expect(tty.written).toEqual([]);
  });
});

describe('counted', () => {
  it('passes every item through and counts each one after it is taken', () => {
    const tty = terminal(true);
    const line = progressLine(tty);
    const seen: string[] = [];
    for (const item of counted(['a', 'b', 'c'], line, 'Đã in')) {
      seen.push(item);
      expect(tty.written.map(plain).join('')).not.toContain(`Đã in: ${seen.length}`);
    }
    line.end();
    expect(seen).toEqual(['a', 'b', 'c']);
    expect(tty.written.map(plain).filter((t) => t.startsWith('Đã in'))).toEqual(['Đã in: 1', 'Đã in: 3']);
  });
});
