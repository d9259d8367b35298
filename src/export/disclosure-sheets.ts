/**
 * A disclosure laid out as sheets for the website, for filing and for posting (niêm yết).
 *
 * A campaign's (ND 93/2021 art. 14.2): the summary — received by source and channel, goods,
 * used, costs, what is left — under the campaign's name, legal basis, period, receiving
 * time, place and accounts, and calling documents; the allocation decisions line by line
 * with decided, paid and still due; the support levels with the households paid at each and
 * the households by name and locality (no address, ID or account number); the uses by the
 * legal basis's list; what each level still holds; and the daily receipts.
 *
 * A fund's own period (the Fund for the Poor's report): opening, received by source, spent
 * by purpose with the households supported, and what is left.
 *
 * It takes the report as JSON carries it, so a publication prints exactly as it was frozen.
 */
import type { CampaignDisclosure } from '../app/reports/get-disclosure.js';
import type { FundDisclosure } from '../app/reports/get-fund-disclosure.js';
import type { DisclosureSource } from '../reports/disclosure.js';
import { shortDate } from './date-format.js';
import { formatQuantity, thousandths } from './number-format.js';
import type { Jsonified } from './json-text.js';
import type { CellValue, Sheet, SheetColumn, SheetRow } from './sheet.js';

/** The report as published: a campaign's disclosure, or a fund's own periodic report. */
export type PublishedReport = Jsonified<CampaignDisclosure> | Jsonified<FundDisclosure>;

export interface Publication {
  readonly id: number;
  readonly sha256: string;
  readonly publishedAt: string;
}

/** Where and how long a posting version hangs (niêm yết). */
export interface Posting {
  readonly place: string;
  readonly from: string;
  readonly until: string;
}

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

/** A quantity as JSON carries it (a plain decimal in thousandths) as a Vietnamese document prints it. */
const quantity = (decimal: string): string => formatQuantity(thousandths(decimal));

/** Under the title of a posting version: where it hangs and for how long. */
const postedLine = (posting: Posting | null): string[] =>
  posting ? [`Niêm yết tại ${posting.place} từ ngày ${shortDate(posting.from)} đến ngày ${shortDate(posting.until)}`] : [];

const LEVELS: Readonly<Record<string, string>> = { central: 'Trung ương', province: 'Tỉnh', district: 'Huyện', commune: 'Xã' };

/** The moment of publication as readers in Vietnam read it: 08:39 02/12/2026. */
const VIETNAM_TIME = new Intl.DateTimeFormat('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', hour: '2-digit', minute: '2-digit', day: '2-digit', month: '2-digit', year: 'numeric' });

const money = (amount: string | null): CellValue => (amount === null ? null : BigInt(amount));
const row = (code: string, label: string, amount: string | null, strong = false): SheetRow => ({ cells: [code, label, money(amount)], strong });
const text = (header: string, width: number): SheetColumn => ({ header, kind: 'text', width });
const amount = (header: string, width = 16, scale = 0): SheetColumn => ({ header, kind: 'amount', scale, width });
const SUMMARY_COLUMNS: readonly SheetColumn[] = [text('STT', 5), text('Nội dung', 62), amount('Số tiền', 18)];

export function disclosureSheets(report: PublishedReport, published: Publication | null, posting: Posting | null = null): Sheet[] {
  return 'campaign' in report ? campaignSheets(report, published, posting) : fundSheets(report, published, posting);
}

function trailer(report: PublishedReport, published: Publication | null): string[] {
  return [
    ...(report.consolidated ? [`Hợp nhất ${report.funds.length} đơn vị: ${report.funds.map((f) => f.name).join('; ')} — đã loại trừ số tiền điều chuyển giữa các đơn vị.`] : []),
    ...(published ? [`Công bố số ${published.id} lúc ${VIETNAM_TIME.format(new Date(published.publishedAt))}; mã kiểm tra SHA-256: ${published.sha256}`] : []),
  ];
}

function receivedRows(report: PublishedReport): SheetRow[] {
  const { received } = report;
  return [
    row('', 'Theo nguồn:', null),
    ...received.bySource.map((s, i) => row(`${i + 1}`, `    ${SOURCES[s.source]}`, s.amount)),
    row('', 'Theo hình thức tiếp nhận:', null),
    ...received.byChannel.map((c, i) => row(`${i + 1}`, `    ${CHANNELS[c.channel]}${c.bankAccount ? ` số ${c.bankAccount}` : ''}`, c.amount)),
  ];
}

function usedRows(report: PublishedReport): SheetRow[] {
  const { used } = report;
  return [
    ...used.byPurpose.map((p, i) => row(`${i + 1}`, `    ${p.name}`, p.amount)),
    ...used.toFunds.map((f) => row('', `        Chuyển cho ${f.fund}`, f.amount)),
    row('', `    Trong đó hỗ trợ trực tiếp ${used.households.count} hộ`, used.households.amount),
  ];
}

function campaignSheets(report: Jsonified<CampaignDisclosure>, published: Publication | null, posting: Posting | null): Sheet[] {
  const { campaign, received, used, receiving } = report;
  const period = `Từ ngày ${shortDate(report.from)} đến ngày ${shortDate(report.to)}`;
  const goods = report.goods.map((g) => `Hiện vật còn giữ: ${quantity(g.held)} ${g.unit} (đã nhận ${quantity(g.received)}, đã phân phối ${quantity(g.issued)})`);
  const body: SheetRow[] = [
    row('I', 'TỔNG SỐ TIỀN, HIỆN VẬT TIẾP NHẬN', received.total, true),
    ...receivedRows(report),
    row('II', 'ĐÃ PHÂN PHỐI, SỬ DỤNG', used.total, true),
    ...usedRows(report),
    row('', '    Trong đó chi phí vận động, tiếp nhận, phân phối trích từ nguồn đóng góp', report.costs),
    row('III', 'SỐ CÒN LẠI CHƯA PHÂN PHỐI (I − II)', report.leftover, true),
  ];
  const documents = campaign.documents.map((d) => `Căn cứ ${d.number} ngày ${shortDate(d.date)} của ${d.issuer}: ${d.title}`);
  const window = `Thời gian tiếp nhận: từ ${shortDate(receiving.from)}${receiving.until ? ` đến ${shortDate(receiving.until)}` : ''}${campaign.extensions.length > 0 ? ` (gia hạn theo ${campaign.extensions.map((e) => e.decisionNumber).join(', ')})` : ''}`;
  const accounts = receiving.bankAccounts.map((b) => `${b.number} tại ${b.institution}`);
  const summary: Sheet = {
    name: 'Báo cáo công khai',
    title: 'BÁO CÁO CÔNG KHAI',
    form: [campaign.legalBasis.title],
    subtitle: [`Kết quả tiếp nhận, phân phối nguồn đóng góp: ${campaign.name}`, period, window, ...postedLine(posting), 'Đơn vị tính: đồng'],
    columns: SUMMARY_COLUMNS,
    head: [],
    body,
    bodyCount: body.length,
    foot: [],
    notes: [
      ...documents,
      `Địa điểm tiếp nhận: ${receiving.place ?? report.fund.name}; hình thức: tiền mặt tại đơn vị${accounts.length > 0 ? `, chuyển khoản vào tài khoản ${accounts.join('; ')}` : ''}.`,
      ...goods,
      ...trailer(report, published),
    ],
  };
  const levelNames = new Map(report.allocations.levels.map((l) => [l.code, l.name]));
  return [
    summary, ...allocationSheets(report), ...levelSheets(report), ...householdSheets(report, campaign.name, levelNames), ...useSheets(report), ...fundsSheet(report),
    dailySheet(report, campaign.name, period),
  ];
}

function allocationSheets(report: Jsonified<CampaignDisclosure>): Sheet[] {
  const { decisions } = report.allocations;
  if (decisions.length === 0) return [];
  const levels = new Map(report.allocations.levels.map((l) => [`${l.fund}\u0000${l.code}`, l.name]));
  const body = decisions.flatMap((d) =>
    d.lines.map((l): SheetRow => ({
      cells: [
        d.number, d.tranche === null ? '' : String(d.tranche), d.decidedOn, l.recipientName, l.locality,
        l.level === null ? '' : (levels.get(`${d.fund}\u0000${l.level}`) ?? l.level), String(l.quantity), BigInt(l.decided), BigInt(l.paid), BigInt(l.due),
      ],
    })),
  );
  const sum = (pick: (d: (typeof decisions)[number]) => string) => decisions.reduce((a, d) => a + BigInt(pick(d)), 0n);
  return [{
    name: 'Phân bổ',
    title: 'PHÂN BỔ, PHÂN PHỐI THEO QUYẾT ĐỊNH',
    form: [],
    subtitle: [report.campaign.name, 'Đơn vị tính: đồng'],
    columns: [
      text('Quyết định số', 16), text('Lần', 5), { header: 'Ngày', kind: 'date', width: 10 }, text('Đơn vị, hộ nhận', 34), text('Địa bàn', 28),
      text('Mức hỗ trợ', 29), text('Số lượng', 7), amount('Được phân bổ', 14), amount('Đã chi', 14), amount('Còn phải chi', 14),
    ],
    head: [],
    body,
    bodyCount: body.length,
    foot: [{ cells: [null, null, null, 'Cộng', null, null, null, sum((d) => d.decided), sum((d) => d.paid), sum((d) => d.due)], strong: true }],
    notes: decisions.map((d) => `${d.number} ngày ${shortDate(d.decidedOn)}, người ký: ${d.signer}`),
  }];
}

function levelSheets(report: Jsonified<CampaignDisclosure>): Sheet[] {
  const { levels } = report.allocations;
  if (levels.length === 0) return [];
  return [{
    name: 'Mức hỗ trợ',
    title: 'ĐỐI TƯỢNG, CHÍNH SÁCH VÀ MỨC HỖ TRỢ',
    form: [],
    subtitle: [report.campaign.name, 'Đơn vị tính: đồng'],
    columns: [text('Mức hỗ trợ', 40), amount('Mức/đơn vị'), text('Đơn vị', 8), text('Số được phân bổ', 12), text('Số hộ đã nhận', 12), amount('Số tiền đã chi')],
    head: [],
    body: levels.map((l) => ({ cells: [l.name, BigInt(l.amount), l.unit, String(l.decidedUnits), String(l.households), BigInt(l.paid)] })),
    bodyCount: levels.length,
    foot: [{ cells: ['Cộng', null, null, String(levels.reduce((a, l) => a + l.decidedUnits, 0)), String(levels.reduce((a, l) => a + l.households, 0)), levels.reduce((a, l) => a + BigInt(l.paid), 0n)], strong: true }],
    notes: [],
  }];
}

/** The households supported, by name and commune, with the support level each was paid at. */
function householdSheets(report: PublishedReport, subject: string, levelNames: ReadonlyMap<string, string>): Sheet[] {
  const { households } = report;
  if (households.length === 0) return [];
  return [{
    name: 'Danh sách hộ',
    title: 'DANH SÁCH HỘ ĐƯỢC HỖ TRỢ',
    form: [],
    subtitle: [subject, 'Đơn vị tính: đồng'],
    columns: [text('STT', 5), text('Họ và tên chủ hộ', 25), text('Địa bàn (xã, phường)', 31), text('Mức hỗ trợ', 31), amount('Số tiền', 14)],
    head: [],
    body: households.map((h, i) => ({ cells: [String(i + 1), h.name, h.locality, h.level === null ? '' : (levelNames.get(h.level) ?? h.level), BigInt(h.amount)] })),
    bodyCount: households.length,
    foot: [{ cells: [null, `Cộng: ${households.length} hộ`, null, null, households.reduce((a, h) => a + BigInt(h.amount), 0n)], strong: true }],
    notes: ['Danh sách công khai không ghi số định danh, số điện thoại, số tài khoản hay địa chỉ chi tiết của hộ.'],
  }];
}

function useSheets(report: Jsonified<CampaignDisclosure>): Sheet[] {
  const { byUse } = report.allocations;
  if (byUse.length === 0) return [];
  const titles = new Map(report.uses.map((u) => [u.number, u.title]));
  return [{
    name: 'Nội dung sử dụng',
    title: 'SỬ DỤNG THEO NỘI DUNG HỖ TRỢ',
    form: report.uses.length > 0 ? ['Khoản 1 Điều 11 Nghị định 93/2021/NĐ-CP'] : [],
    subtitle: [report.campaign.name, 'Đơn vị tính: đồng'],
    columns: SUMMARY_COLUMNS,
    head: [],
    body: byUse.map((u) => row(u.category === null ? '' : String(u.category), u.category === null ? 'Chưa xác định nội dung' : (titles.get(u.category) ?? `Nội dung ${u.category}`), u.paid)),
    bodyCount: byUse.length,
    foot: [row('', 'Cộng', String(byUse.reduce((a, u) => a + BigInt(u.paid), 0n)), true)],
    notes: [],
  }];
}

function fundsSheet(report: PublishedReport): Sheet[] {
  if (!report.consolidated) return [];
  return [{
    name: 'Số còn lại theo cấp',
    title: 'SỐ TIẾP NHẬN, SỬ DỤNG VÀ CÒN LẠI THEO TỪNG CẤP',
    form: [],
    subtitle: ['Số của từng đơn vị, chưa loại trừ điều chuyển giữa các cấp', 'Đơn vị tính: đồng'],
    columns: [text('Đơn vị', 40), text('Cấp', 10), amount('Tiếp nhận'), amount('Sử dụng'), amount('Còn lại')],
    head: [],
    body: report.funds.map((f) => ({ cells: [f.name, LEVELS[f.level] ?? f.level, BigInt(f.received), BigInt(f.used), BigInt(f.leftover)] })),
    bodyCount: report.funds.length,
    foot: [],
    notes: [],
  }];
}

function dailySheet(report: PublishedReport, subject: string, period: string): Sheet {
  const { received } = report;
  return {
    name: 'Tiếp nhận theo ngày',
    title: 'SỐ TIỀN TIẾP NHẬN THEO NGÀY',
    form: [],
    subtitle: [subject, period, 'Đơn vị tính: đồng'],
    columns: [{ header: 'Ngày', kind: 'date', width: 12 }, amount('Số tiền', 18)],
    head: [],
    body: received.byDay.map((d) => ({ cells: [d.date, BigInt(d.amount)] })),
    bodyCount: received.byDay.length,
    foot: [{ cells: ['Cộng', BigInt(received.total)], strong: true }],
    notes: [],
  };
}

function fundSheets(report: Jsonified<FundDisclosure>, published: Publication | null, posting: Posting | null): Sheet[] {
  const period = `Từ ngày ${shortDate(report.from)} đến ngày ${shortDate(report.to)}`;
  const goods = report.goods.filter((g) => thousandths(g.held) !== 0n).map((g) => `${quantity(g.held)} ${g.unit}`);
  const body: SheetRow[] = [
    row('I', 'SỐ DƯ ĐẦU KỲ', report.opening, true),
    row('II', 'SỐ THU TRONG KỲ', report.received.total, true),
    ...receivedRows(report),
    row('III', 'SỐ ĐÃ CHI', report.used.total, true),
    ...usedRows(report),
    row('IV', 'SỐ CÒN LẠI (I + II − III)', report.closing, true),
  ];
  const summary: Sheet = {
    name: 'Báo cáo công khai',
    title: 'BÁO CÁO CÔNG KHAI THU, CHI QUỸ',
    form: [],
    subtitle: [report.fund.name, period, ...postedLine(posting), 'Đơn vị tính: đồng'],
    columns: SUMMARY_COLUMNS,
    head: [],
    body,
    bodyCount: body.length,
    foot: [],
    notes: [...(goods.length > 0 ? [`Hiện vật còn giữ: ${goods.join('; ')}`] : []), ...trailer(report, published)],
  };
  return [summary, ...householdSheets(report, report.fund.name, new Map()), ...fundsSheet(report), dailySheet(report, report.fund.name, period)];
}

