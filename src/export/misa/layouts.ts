/** Every MISA layout the export knows, by product and template. */
import { AMIS } from './amis.js';
import type { MisaLayout, MisaProduct, MisaVoucherTemplate } from './layout.js';
import { SME_NET } from './sme-net.js';

const LAYOUTS: readonly MisaLayout[] = [...SME_NET, ...AMIS];

export function findLayout(product: MisaProduct, template: MisaVoucherTemplate): MisaLayout | undefined {
  return LAYOUTS.find((l) => l.product === product && l.template === template);
}
