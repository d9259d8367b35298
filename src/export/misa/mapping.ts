/**
 * An installation's account mapping: our chart's codes written as the MISA database's. By
 * default every account keeps its code (the TT 103 chart as MISA holds it); an installation
 * whose chart differs maps the codes that differ, or turns the identity off and maps every
 * account it takes. Reason codes can be overridden per template where the installation's
 * option lists differ from the layout's.
 */
import type { MisaProduct, MisaVoucherTemplate } from './layout.js';

export interface MisaMapping {
  readonly product: MisaProduct;
  /** Accounts not listed keep their own code. */
  readonly identity: boolean;
  readonly accounts: Readonly<Record<string, string>>;
  /** Per template: purpose (or "otherwise") → the reason code written. */
  readonly reasons: Readonly<Partial<Record<MisaVoucherTemplate, Readonly<Record<string, string>>>>>;
}

export function defaultMapping(product: MisaProduct): MisaMapping {
  return { product, identity: true, accounts: {}, reasons: {} };
}

/** The MISA account for one of ours, or undefined when the mapping leaves it out. */
export function misaAccount(mapping: MisaMapping, code: string): string | undefined {
  return Object.hasOwn(mapping.accounts, code) ? mapping.accounts[code] : mapping.identity ? code : undefined;
}

/** Our account for a MISA one, reading the mapping backwards; two of ours mapped to one MISA account read back as the first. */
export function ourAccount(mapping: MisaMapping, misa: string): string | undefined {
  for (const [ours, theirs] of Object.entries(mapping.accounts)) if (theirs === misa) return ours;
  return mapping.identity && !Object.hasOwn(mapping.accounts, misa) ? misa : undefined;
}
