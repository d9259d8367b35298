/** The accounts the OpenAPI examples name, read from the default regime so the examples post as shown. */
import { DEFAULT_REGIME, findRegime } from '../regimes/regimes.js';

const regime = findRegime(DEFAULT_REGIME);
const cashReceipt = regime?.voucherTypes['cash-receipt'];
const bankReceipt = regime?.voucherTypes['bank-receipt'];

export const EXAMPLE_ACCOUNTS = {
  cash: cashReceipt?.holding?.vnd ?? '',
  bank: bankReceipt?.holding?.vnd ?? '',
  donations: regime?.purposes.get('donation')?.account ?? '',
} as const;
