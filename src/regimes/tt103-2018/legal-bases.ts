/**
 * The legal bases of campaigns, in the order a campaign's launch is matched against them,
 * with their time limits as data: Decree 93/2021 (from 11/12/2021: 90 days of receiving,
 * extended only by a province-level board or above, 20 days of distribution after), Decree
 * 64/2008 before it (60 days at central and provincial level, 30 at district level and
 * below; no distribution limit was read), HD 22/HD-MTTW-BTT of 19/3/2020 for Covid-19
 * (its text was not found: no statutory limit), and the Fund for the Poor's drives under
 * QĐ 1198/QĐ-MTTW-ĐCT (no statutory window: a drive sets its own).
 */
import type { CampaignUse, LegalBasis } from '../../ledger/campaign.js';

const EXTENDING_LEVELS = ['central', 'province'];

/** The Law on Access to Information's default (art. 21(2)) where no text sets a posting period. */
const POSTING_DAYS = 30;

/**
 * ND 93/2021 art. 11.1, as far as its text was read (the ninth use breaks off in the only
 * quotation found; the list goes on beyond it).
 */
const ND93_USES: readonly CampaignUse[] = [
  { number: 1, title: 'Hỗ trợ người bị thương nặng, gia đình có người mất tích; chi phí mai táng cho gia đình có người chết' },
  { number: 2, title: 'Hỗ trợ lương thực, thực phẩm, nước uống, thuốc chữa bệnh và nhu yếu phẩm thiết yếu khác' },
  { number: 3, title: 'Hỗ trợ sửa chữa, xây dựng lại nhà ở bị đổ, sập, trôi, cháy hoàn toàn, hư hỏng nặng; di dời nhà ở khẩn cấp' },
  { number: 4, title: 'Hỗ trợ di chuyển người dân ra khỏi vùng xảy ra thiên tai, dịch bệnh, sự cố' },
  { number: 5, title: 'Dựng lán trại tạm thời cho người dân phải di dời hoặc mất nhà ở' },
  { number: 6, title: 'Vệ sinh môi trường, phòng chống bệnh truyền nhiễm ở khu vực bị tác động' },
  { number: 7, title: 'Hỗ trợ mua sắm trang thiết bị, vật tư y tế, hàng hóa cần thiết để phòng, chống dịch bệnh' },
  { number: 8, title: 'Hỗ trợ giống cây trồng, vật nuôi, thủy sản, vật tư, công cụ, phương tiện để phục hồi sản xuất' },
  { number: 9, title: 'Hỗ trợ sửa chữa, khôi phục công trình phòng, chống thiên tai, giao thông, thông tin …' },
];

export const LEGAL_BASES: ReadonlyMap<string, LegalBasis> = new Map(
  [
    {
      code: 'QD1198/2016', title: 'Quyết định 1198/QĐ-MTTW-ĐCT ngày 29/12/2016', kinds: ['poor-fund-drive'] as const,
      launchedFrom: null, launchedUntil: null, receivingDays: {}, distributionDays: null, extendingLevels: EXTENDING_LEVELS,
      uses: [], postingDays: POSTING_DAYS,
    },
    {
      code: 'HD22/2020', title: 'Hướng dẫn 22/HD-MTTW-BTT ngày 19/3/2020 (Nghị định 64/2008/NĐ-CP)', kinds: ['epidemic'] as const,
      launchedFrom: '2020-03-19', launchedUntil: '2021-12-10', receivingDays: {}, distributionDays: null, extendingLevels: EXTENDING_LEVELS,
      uses: [], postingDays: POSTING_DAYS,
    },
    {
      code: 'ND64/2008', title: 'Nghị định 64/2008/NĐ-CP ngày 14/5/2008', kinds: ['disaster', 'epidemic', 'patient', 'other'] as const,
      launchedFrom: null, launchedUntil: '2021-12-10', receivingDays: { central: 60, province: 60, district: 30, commune: 30 }, distributionDays: null,
      extendingLevels: EXTENDING_LEVELS, uses: [], postingDays: POSTING_DAYS,
    },
    {
      code: 'ND93/2021', title: 'Nghị định 93/2021/NĐ-CP ngày 27/10/2021', kinds: ['disaster', 'epidemic', 'patient', 'other'] as const,
      launchedFrom: '2021-12-11', launchedUntil: null, receivingDays: { central: 90, province: 90, district: 90, commune: 90 }, distributionDays: 20,
      extendingLevels: EXTENDING_LEVELS, uses: ND93_USES, postingDays: POSTING_DAYS,
    },
  ].map((basis) => [basis.code, basis]),
);
