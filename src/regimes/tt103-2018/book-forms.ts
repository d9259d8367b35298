/**
 * The form number each book prints top right. A fund under Circular 103/2018 keeps its
 * books on the forms of the administrative and public-sector accounting regime, Circular
 * 107/2017/TT-BTC, Appendix 03; a book the fund keeps for itself (goods received as
 * donations) has no form of its own there and prints none.
 */
import type { BookForms } from '../../reports/book.js';

const CIRCULAR = '(Ban hành kèm theo Thông tư số 107/2017/TT-BTC ngày 10/10/2017 của Bộ Tài chính)';

const form = (code: string): readonly string[] => [`Mẫu số ${code}`, CIRCULAR];

export const BOOK_FORMS: BookForms = {
  journal: form('S03a-H'),
  ledger: form('S03b-H'),
  cash: form('S11-H'),
  bank: form('S12-H'),
  currency: form('S13-H'),
  counterparty: form('S31-H'),
  campaign: form('S31-H'),
  designation: form('S31-H'),
};
