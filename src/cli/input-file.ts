/** Files the command line reads, held to the same text rules as the API's requests. */
import { readFileSync } from 'node:fs';
import { cleanInput, jsonDepth, MAX_INPUT_DEPTH } from '../app/clean-input.js';
import { UsageError } from './options.js';

function clean<T>(file: string, value: T): T {
  const cleaned = cleanInput(value);
  if (!cleaned.ok) throw new UsageError(`${file}${cleaned.path.length ? ` at ${cleaned.path.join('.')}` : ''}: ${cleaned.problem}`);
  return cleaned.value;
}

/** A text file (a journal, a chart in CSV), in NFC. */
export function readTextInput(file: string): string {
  return clean(file, readFileSync(file, 'utf8'));
}

/** A JSON file (a profile, a voucher), in NFC. */
export function readJsonInput(file: string): unknown {
  const text = readFileSync(file, 'utf8');
  if (jsonDepth(text) > MAX_INPUT_DEPTH) throw new UsageError(`${file}: nested deeper than ${MAX_INPUT_DEPTH} levels`);
  return clean(file, JSON.parse(text) as unknown);
}

/** The options of a command line, each value held to the text rules. */
export function cleanOptions<T>(options: T): T {
  const cleaned = cleanInput(options);
  if (!cleaned.ok) throw new UsageError(`--${cleaned.path.join('.')}: ${cleaned.problem}`);
  return cleaned.value;
}
