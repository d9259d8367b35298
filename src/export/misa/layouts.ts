/** Every MISA layout the export knows, by product and template. */
import { AMIS } from './amis.js';
import type { MisaLayout, MisaProduct, MisaTemplate } from './layout.js';
import { SME_NET } from './sme-net.js';

const LAYOUTS: readonly MisaLayout[] = [...SME_NET, ...AMIS];

export function findLayout(product: MisaProduct, template: MisaTemplate): MisaLayout | undefined {
  return LAYOUTS.find((l) => l.product === product && l.template === template);
}

/** The layouts of one product, lists first: a file of all of them imports counterparties before the vouchers that use them. */
export function layoutsOf(product: MisaProduct): MisaLayout[] {
  return LAYOUTS.filter((l) => l.product === product);
}
