/** A campaign's disclosure as JSON: amounts as decimal strings of đồng, dates as ISO strings. */
import type { Disclosure } from '../reports/disclosure.js';

/** The value as JSON carries it: every bigint a decimal string. */
export type Jsonified<T> = T extends bigint
  ? string
  : T extends readonly (infer U)[]
    ? Jsonified<U>[]
    : T extends object
      ? { -readonly [K in keyof T]: Jsonified<T[K]> }
      : T;

const replacer = (_key: string, value: unknown): unknown => (typeof value === 'bigint' ? value.toString() : value);

export function disclosureJson<T extends Disclosure>(value: T): Jsonified<T> {
  return JSON.parse(JSON.stringify(value, replacer)) as Jsonified<T>;
}
