/** Circular 103/2018/TT-BTC, the regime of the Fund for the Poor and the relief funds, as one bundle. */
import type { Regime } from '../regimes.js';
import { BOOK_FORMS } from './book-forms.js';
import { CHART } from './chart.js';
import { LEGAL_BASES } from './legal-bases.js';
import { PURPOSES } from './purposes.js';
import { STATEMENTS } from './statements.js';
import { VOUCHER_TYPE_SPECS } from './voucher-types.js';

export const TT103_2018: Regime = {
  code: 'TT103/2018',
  name: 'Thông tư 103/2018/TT-BTC',
  chart: CHART,
  nonNegativeRoots: ['111', '112', '113', '152', '003', '007'],
  managementCostRoots: ['614'],
  receiptClasses: ['5'],
  expenditureClasses: ['6'],
  resultAccount: '911',
  fundBalanceAccount: '421',
  goodsQuantityAccount: '003',
  foreignCurrencyAccount: '007',
  transferAccounts: { sent: '612', received: '5113', inTransit: '113' },
  bookAccounts: { cash: '111', goods: '003', currency: '007' },
  statements: STATEMENTS,
  bookForms: BOOK_FORMS,
  voucherTypes: VOUCHER_TYPE_SPECS,
  purposes: PURPOSES,
  legalBases: LEGAL_BASES,
  campaignCostRoots: ['614', '615'],
  counterpartyRoots: ['138', '141', '331', '338'],
};
