/** The progress line: drawn on a terminal only, redrawn sparingly, taken away at the end. */
import { describe, expect, it } from 'vitest';
import { counted, progressLine } from '../../src/cli/progress.js';

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

  it('rewrites one line with dotted counts and a percentage, then clears it', () => {
    const tty = terminal(true);
    const line = progressLine(tty);
    line.show('Đang đọc tệp');
    line.show('Số trang đã sao lưu', 1234, 50000);
    line.end();
    expect(tty.written).toEqual(['\r\x1b[KĐang đọc tệp…', '\r\x1b[KSố trang đã sao lưu: 1.234/50.000 (2%)', '\r\x1b[K']);
  });

  it('redraws a count at most every 100 ms, and a new step at once', () => {
    const tty = terminal(true);
    let now = 0;
    const line = progressLine(tty, () => now);
    line.show('Số chứng từ đã in', 1);
    now = 50;
    line.show('Số chứng từ đã in', 2);
    now = 100;
    line.show('Số chứng từ đã in', 3);
    line.show('Đang ghi sổ');
    expect(tty.written).toEqual(['\r\x1b[KSố chứng từ đã in: 1', '\r\x1b[KSố chứng từ đã in: 3', '\r\x1b[KĐang ghi sổ…']);
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
    let now = 0;
    const line = progressLine(tty, () => (now += 100));
    const seen: string[] = [];
    for (const item of counted(['a', 'b', 'c'], line, 'Đã in')) {
      seen.push(item);
      expect(tty.written).toHaveLength(seen.length - 1);
    }
    expect(seen).toEqual(['a', 'b', 'c']);
    expect(tty.written.at(-1)).toBe('\r\x1b[KĐã in: 3');
  });
});
