/**
 * A campaign's or a fund's disclosure as JSON: amounts as decimal strings of đồng, goods
 * quantities as decimals of their unit, dates as ISO strings.
 */
import { QUANTITY_SCALE } from '../ledger/entry.js';
import { formatAmount } from '../ledger/money.js';
import type { Disclosure } from '../reports/disclosure.js';
import { bigintAsText, type Jsonified } from './json-text.js';

export function disclosureJson<T extends Disclosure>(value: T): Jsonified<T> {
  const goods = value.goods.map((g) => ({
    ...g, received: formatAmount(g.received, QUANTITY_SCALE), issued: formatAmount(g.issued, QUANTITY_SCALE), held: formatAmount(g.held, QUANTITY_SCALE),
  }));
  return asJson({ ...value, goods }) as Jsonified<T>;
}

/** Any report value as JSON: every bigint a decimal string. */
export function asJson<T>(value: T): Jsonified<T> {
  return JSON.parse(JSON.stringify(value, bigintAsText)) as Jsonified<T>;
}
