/**
 * The statements of a fund keeping its books under Circular 103/2018/TT-BTC: the statement
 * of financial position and the statement of fund receipts and uses, in the shape funds
 * publish every year. Line codes, labels, accounts and signs are data; another regime's
 * forms are another module like this one.
 */
import type { StatementForm, StatementId, Term } from '../../reports/statement-form.js';

/** Everything that makes up the fund's own balance: 421, the result account, and receipts and uses not yet closed. */
const FUND_BALANCE_ACCOUNTS = ['421', '911', '511', '515', '611', '612', '614', '615'];

const fundBalance = (measure: 'balance' | 'opening' | 'closing'): Term[] =>
  FUND_BALANCE_ACCOUNTS.map((account) => ({ account, measure, sign: -1 as const }));

const receipt = (code: string, label: string, account: string, counterpartyForm?: 'organisation' | 'individual' | 'none') => ({
  code,
  label,
  level: 1 as const,
  terms: [{ account, measure: 'net-credit' as const, ...(counterpartyForm && { counterpartyForm }) }],
});

const use = (code: string, label: string, account: string) => ({ code, label, level: 1 as const, terms: [{ account, measure: 'net-debit' as const }] });

const sumOf = (...lines: string[]): Term[] => lines.map((line) => ({ line }));

const FINANCIAL_POSITION: StatementForm = {
  id: 'financial-position',
  title: 'BÁO CÁO TÌNH HÌNH TÀI CHÍNH',
  formCode: [],
  period: 'point',
  columns: [
    { label: 'Số đầu kỳ', at: 'start', period: 'current' },
    { label: 'Số cuối kỳ', at: 'end', period: 'current' },
  ],
  lines: [
    { code: 'A', label: 'TÀI SẢN', level: 0, strong: true, terms: [] },
    { code: '01', label: 'Tiền mặt', level: 1, terms: [{ account: '111', measure: 'balance' }] },
    { code: '02', label: 'Tiền gửi ngân hàng, kho bạc', level: 1, terms: [{ account: '112', measure: 'balance' }] },
    { code: '03', label: 'Tiền đang chuyển', level: 1, terms: [{ account: '113', measure: 'balance' }] },
    { code: '04', label: 'Các khoản phải thu', level: 1, terms: [{ account: '138', measure: 'balance' }] },
    { code: '05', label: 'Tạm ứng', level: 1, terms: [{ account: '141', measure: 'balance' }] },
    { code: '06', label: 'Hiện vật nhận ủng hộ còn tồn', level: 1, terms: [{ account: '152', measure: 'balance' }] },
    { code: '10', label: 'TỔNG CỘNG TÀI SẢN', level: 0, strong: true, terms: sumOf('01', '02', '03', '04', '05', '06') },
    { code: 'B', label: 'NGUỒN HÌNH THÀNH TÀI SẢN', level: 0, strong: true, terms: [] },
    { code: '11', label: 'Phải trả cho người bán', level: 1, terms: [{ account: '331', measure: 'balance', sign: -1 }] },
    { code: '12', label: 'Phải trả khác', level: 1, terms: [{ account: '338', measure: 'balance', sign: -1 }] },
    { code: '13', label: 'Số dư Quỹ (nguồn Quỹ)', level: 1, terms: fundBalance('balance') },
    { code: '20', label: 'TỔNG CỘNG NGUỒN', level: 0, strong: true, terms: sumOf('11', '12', '13') },
  ],
  checks: [{ label: 'Tổng tài sản bằng tổng nguồn', left: '10', right: '20' }],
};

const RECEIPTS_AND_USES: StatementForm = {
  id: 'receipts-and-uses',
  title: 'BÁO CÁO TÌNH HÌNH THU, CHI QUỸ',
  formCode: [],
  period: 'range',
  columns: [
    { label: 'Kỳ này', at: 'end', period: 'current' },
    { label: 'Kỳ trước', at: 'end', period: 'previous' },
  ],
  lines: [
    { code: '01', label: 'I. Số dư Quỹ đầu kỳ', level: 0, strong: true, terms: fundBalance('opening') },
    { code: '02', label: 'II. Thu Quỹ trong kỳ', level: 0, strong: true, terms: sumOf('03', '04', '05', '06', '07', '08', '09') },
    receipt('03', 'Thu ủng hộ bằng tiền của tổ chức', '5111', 'organisation'),
    receipt('04', 'Thu ủng hộ bằng tiền của cá nhân', '5111', 'individual'),
    receipt('05', 'Thu ủng hộ bằng tiền chưa phân loại', '5111', 'none'),
    receipt('06', 'Thu ủng hộ bằng hiện vật', '5112'),
    receipt('07', 'Thu điều tiết từ Quỹ cấp khác', '5113'),
    receipt('08', 'Thu lãi tiền gửi', '515'),
    receipt('09', 'Thu khác', '5118'),
    { code: '10', label: 'III. Chi Quỹ trong kỳ', level: 0, strong: true, terms: sumOf('11', '12', '13', '14', '15', '16', '17', '18', '19', '20') },
    use('11', 'Chi hỗ trợ xây dựng, sửa chữa nhà ở', '6111'),
    use('12', 'Chi hỗ trợ khám chữa bệnh', '6112'),
    use('13', 'Chi hỗ trợ học tập', '6113'),
    use('14', 'Chi hỗ trợ sản xuất, sinh kế', '6114'),
    use('15', 'Chi thăm hỏi, tặng quà', '6115'),
    use('16', 'Chi cứu trợ đột xuất', '6116'),
    use('17', 'Chi hỗ trợ khác', '6118'),
    use('18', 'Chi điều tiết cho Quỹ cấp khác', '612'),
    use('19', 'Chi phí quản lý Quỹ', '614'),
    use('20', 'Chi phí ngân hàng', '615'),
    { code: '21', label: 'IV. Số dư Quỹ cuối kỳ (21 = 01 + 02 - 10)', level: 0, strong: true, terms: [{ line: '01' }, { line: '02' }, { line: '10', sign: -1 }] },
    { code: '22', label: 'Số dư Quỹ theo sổ kế toán (TK 421 và số chưa kết chuyển)', level: 1, terms: fundBalance('closing') },
  ],
  checks: [{ label: 'Số dư cuối kỳ bằng số dư TK 421', left: '21', right: '22' }],
};

export const STATEMENTS: Readonly<Record<StatementId, StatementForm>> = {
  'financial-position': FINANCIAL_POSITION,
  'receipts-and-uses': RECEIPTS_AND_USES,
};
