/** A campaign's disclosure as JSON: amounts as decimal strings of đồng, dates as ISO strings. */
import type { Disclosure } from '../reports/disclosure.js';
import { bigintAsText, type Jsonified } from './json-text.js';

export function disclosureJson<T extends Disclosure>(value: T): Jsonified<T> {
  return JSON.parse(JSON.stringify(value, bigintAsText)) as Jsonified<T>;
}
