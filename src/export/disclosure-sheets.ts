/**
 * A campaign's disclosure laid out as sheets for the website and for filing: the summary
 * (what was received by source and channel, what was used, costs, what is left) under the
 * campaign's name, legal basis, period and calling documents, and the daily receipts. It
 * takes the report as JSON carries it, so a publication prints exactly as it was frozen.
 */
import type { Disclosure, DisclosureSource } from '../reports/disclosure.js';
import { shortDate } from './date-format.js';
import type { Jsonified } from './json-text.js';
import type { CellValue, Sheet, SheetRow } from './sheet.js';

/** The report as published: the disclosure's figures with the campaign they are of. */
export type PublishedReport = Jsonified<Disclosure> & {
  readonly campaign: {
    readonly name: string;
    readonly legalBasis: { readonly title: string };
    readonly startsOn: string;
    readonly receivingEndsOn: string | null;
    readonly documents: readonly { readonly number: string; readonly date: string; readonly issuer: string; readonly title: string }[];
    readonly extensions: readonly { readonly decisionNumber: string }[];
  };
};

const SOURCES: Readonly<Record<DisclosureSource, string>> = {
  organisations: 'Của tổ chức, doanh nghiệp',
  individuals: 'Của cá nhân',
  unclassified: 'Của tổ chức, cá nhân chưa phân loại',
  'other-levels': 'Từ Quỹ, Ban vận động cấp khác chuyển đến',
  'in-kind': 'Bằng hiện vật (quy ra tiền)',
  other: 'Thu khác (lãi tiền gửi …)',
};

const CHANNELS: Readonly<Record<'cash' | 'bank' | 'goods' | 'other', string>> = {
  cash: 'Tiền mặt tại đơn vị',
  bank: 'Chuyển khoản vào tài khoản',
  goods: 'Hiện vật',
  other: 'Hình thức khác',
};

/** The moment of publication as readers in Vietnam read it: 08:39 02/12/2026. */
const VIETNAM_TIME = new Intl.DateTimeFormat('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', hour: '2-digit', minute: '2-digit', day: '2-digit', month: '2-digit', year: 'numeric' });

const row = (code: string, label: string, amount: string | null, strong = false): SheetRow => ({ cells: [code, label, amount === null ? null : BigInt(amount)] as CellValue[], strong });

export function disclosureSheets(report: PublishedReport, published: { readonly id: number; readonly sha256: string; readonly publishedAt: string } | null): Sheet[] {
  const { campaign, received, used } = report;
  const body: SheetRow[] = [
    row('I', 'TỔNG SỐ TIỀN, HIỆN VẬT TIẾP NHẬN', received.total, true),
    row('', 'Theo nguồn:', null),
    ...received.bySource.map((s, i) => row(`${i + 1}`, `    ${SOURCES[s.source]}`, s.amount)),
    row('', 'Theo hình thức tiếp nhận:', null),
    ...received.byChannel.map((c, i) => row(`${i + 1}`, `    ${CHANNELS[c.channel]}${c.bankAccount ? ` số ${c.bankAccount}` : ''}`, c.amount)),
    row('II', 'ĐÃ PHÂN PHỐI, SỬ DỤNG', used.total, true),
    ...used.byPurpose.map((p, i) => row(`${i + 1}`, `    ${p.name}`, p.amount)),
    ...used.toFunds.map((f) => row('', `        Chuyển cho ${f.fund}`, f.amount)),
    row('', `    Trong đó hỗ trợ trực tiếp ${used.households.count} hộ`, used.households.amount),
    row('', '    Trong đó chi phí vận động, tiếp nhận, phân phối trích từ nguồn đóng góp', report.costs),
    row('III', 'SỐ CÒN LẠI CHƯA PHÂN PHỐI (I − II)', report.leftover, true),
  ];
  const documents = campaign.documents.map((d) => `Căn cứ ${d.number} ngày ${shortDate(d.date)} của ${d.issuer}: ${d.title}`);
  const window = `Thời gian tiếp nhận: từ ${shortDate(campaign.startsOn)}${campaign.receivingEndsOn ? ` đến ${shortDate(campaign.receivingEndsOn)}` : ''}${campaign.extensions.length > 0 ? ` (gia hạn theo ${campaign.extensions.map((e) => e.decisionNumber).join(', ')})` : ''}`;
  const summary: Sheet = {
    name: 'Báo cáo công khai',
    title: 'BÁO CÁO CÔNG KHAI',
    form: [campaign.legalBasis.title],
    subtitle: [
      `Kết quả tiếp nhận, phân phối nguồn đóng góp: ${campaign.name}`,
      `Từ ngày ${shortDate(report.from)} đến ngày ${shortDate(report.to)}`,
      window,
      'Đơn vị tính: đồng',
    ],
    columns: [
      { header: 'STT', kind: 'text', width: 5 },
      { header: 'Nội dung', kind: 'text', width: 62 },
      { header: 'Số tiền', kind: 'amount', width: 18 },
    ],
    head: [],
    body,
    bodyCount: body.length,
    foot: [],
    notes: [
      ...documents,
      ...(published ? [`Công bố số ${published.id} lúc ${VIETNAM_TIME.format(new Date(published.publishedAt))}; mã kiểm tra SHA-256: ${published.sha256}`] : []),
    ],
  };
  const daily: Sheet = {
    name: 'Tiếp nhận theo ngày',
    title: 'SỐ TIỀN TIẾP NHẬN THEO NGÀY',
    form: [],
    subtitle: [campaign.name, `Từ ngày ${shortDate(report.from)} đến ngày ${shortDate(report.to)}`, 'Đơn vị tính: đồng'],
    columns: [
      { header: 'Ngày', kind: 'date', width: 12 },
      { header: 'Số tiền', kind: 'amount', width: 18 },
    ],
    head: [],
    body: received.byDay.map((d) => ({ cells: [d.date, BigInt(d.amount)] })),
    bodyCount: received.byDay.length,
    foot: [{ cells: ['Cộng', BigInt(received.total)], strong: true }],
    notes: [],
  };
  return [summary, daily];
}
