/**
 * A counterparty's code in MISA: a prefix for its kind and its number in the fund, so the
 * same donor, beneficiary, supplier or fund keeps one code in every export, and reading a
 * code back tells what kind of counterparty it is.
 */
import type { CounterpartyKind } from '../../ledger/entry.js';

const PREFIX: Readonly<Record<CounterpartyKind, string>> = { donor: 'NHT', beneficiary: 'DTH', supplier: 'NCC', fund: 'QUY', other: 'DTK' };

export function counterpartyCode(kind: CounterpartyKind, id: number): string {
  return `${PREFIX[kind]}${String(id).padStart(6, '0')}`;
}

/** The kind a code of ours names, if it is one. */
export function kindOfCode(code: string): CounterpartyKind | undefined {
  const prefix = /^([A-Z]{3})\d{6,}$/.exec(code)?.[1];
  return (Object.keys(PREFIX) as CounterpartyKind[]).find((kind) => PREFIX[kind] === prefix);
}
