/**
 * The text rules every input obeys before anything reads it: well-formed Unicode, no
 * control characters but tab and line breaks, no bidirectional overrides or isolates
 * (so nothing printed or published can be made to read otherwise), finite numbers, and
 * bounded nesting. Text that passes is normalised to NFC, so "Hòa" typed two ways is one
 * name and what is hashed is exactly what is stored and read back.
 *
 * The walk is iterative: no input, however deep, can exhaust the stack; JSON text has its
 * nesting measured before it is parsed.
 */

/** The deepest nesting any input of the ledger needs, with room to spare. */
export const MAX_INPUT_DEPTH = 16;

export type CleanResult<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly path: readonly (string | number)[]; readonly problem: string };

// C0 controls but tab, line feed and carriage return; DEL and the C1 controls.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/u;
// Embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069).
const BIDI = /[\u202a-\u202e\u2066-\u2069]/u;

/** Why a piece of text is refused, or null when it is acceptable. */
export function textProblem(text: string): string | null {
  if (!text.isWellFormed()) return 'text is not well-formed Unicode (a lone surrogate)';
  if (CONTROL.test(text)) return 'text contains a control character';
  if (BIDI.test(text)) return 'text contains a bidirectional override or isolate';
  return null;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPENERS = new Set([0x5b, 0x7b]);
const CLOSERS = new Set([0x5d, 0x7d]);

/** The deepest nesting of arrays and objects in JSON text, strings skipped. */
export function jsonDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let index = 0; index < text.length; index += 1) {
    const char = text.charCodeAt(index);
    if (inString) {
      if (char === BACKSLASH) index += 1;
      else if (char === QUOTE) inString = false;
    } else if (char === QUOTE) {
      inString = true;
    } else if (OPENERS.has(char)) {
      depth += 1;
      if (depth > deepest) deepest = depth;
    } else if (CLOSERS.has(char)) {
      depth -= 1;
    }
  }
  return deepest;
}

interface Frame {
  readonly source: unknown;
  readonly path: readonly (string | number)[];
  readonly assign: (value: unknown) => void;
}

/** A copy of `value` with every string and key in NFC, or the first place that breaks the rules. */
export function cleanInput<T>(value: T): CleanResult<T> {
  let result: unknown;
  const stack: Frame[] = [{ source: value, path: [], assign: (v) => (result = v) }];
  for (let frame = stack.pop(); frame; frame = stack.pop()) {
    const { source, path, assign } = frame;
    if (typeof source === 'string') {
      const problem = textProblem(source);
      if (problem) return { ok: false, path, problem };
      assign(source.normalize('NFC'));
      continue;
    }
    if (typeof source === 'number' && !Number.isFinite(source)) return { ok: false, path, problem: 'number out of range' };
    if (source === null || typeof source !== 'object') {
      assign(source);
      continue;
    }
    if (ArrayBuffer.isView(source)) {
      // Bytes (an uploaded image) are not text: they are checked by the route that takes them.
      assign(source);
      continue;
    }
    if (path.length >= MAX_INPUT_DEPTH) return { ok: false, path, problem: `nested deeper than ${MAX_INPUT_DEPTH} levels` };
    if (Array.isArray(source)) {
      const copy: unknown[] = new Array<unknown>(source.length);
      assign(copy);
      for (let index = source.length - 1; index >= 0; index -= 1) {
        stack.push({ source: source[index], path: [...path, index], assign: (v) => (copy[index] = v) });
      }
      continue;
    }
    const copy: Record<string, unknown> = {};
    assign(copy);
    const entries = Object.entries(source);
    for (let index = entries.length - 1; index >= 0; index -= 1) {
      const [key, child] = entries[index] as [string, unknown];
      const problem = textProblem(key);
      if (problem) return { ok: false, path: [...path, key], problem: `field name: ${problem}` };
      const name = key.normalize('NFC');
      stack.push({ source: child, path: [...path, name], assign: (v) => Object.defineProperty(copy, name, { value: v, enumerable: true, writable: true, configurable: true }) });
    }
  }
  return { ok: true, value: result as T };
}
