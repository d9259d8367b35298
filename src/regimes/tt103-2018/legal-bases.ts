/**
 * The legal bases of campaigns, in the order a campaign's launch is matched against them,
 * with their time limits as data: Decree 93/2021 (from 11/12/2021: 90 days of receiving,
 * extended only by a province-level board or above, 20 days of distribution after), Decree
 * 64/2008 before it (60 days at central and provincial level, 30 at district level and
 * below; no distribution limit was read), HD 22/HD-MTTW-BTT of 19/3/2020 for Covid-19
 * (its text was not found: no statutory limit), and the Fund for the Poor's drives under
 * QĐ 1198/QĐ-MTTW-ĐCT (no statutory window: a drive sets its own).
 */
import type { LegalBasis } from '../../ledger/campaign.js';

const EXTENDING_LEVELS = ['central', 'province'];

export const LEGAL_BASES: ReadonlyMap<string, LegalBasis> = new Map(
  [
    {
      code: 'QD1198/2016', title: 'Quyết định 1198/QĐ-MTTW-ĐCT ngày 29/12/2016', kinds: ['poor-fund-drive'] as const,
      launchedFrom: null, launchedUntil: null, receivingDays: {}, distributionDays: null, extendingLevels: EXTENDING_LEVELS,
    },
    {
      code: 'HD22/2020', title: 'Hướng dẫn 22/HD-MTTW-BTT ngày 19/3/2020 (Nghị định 64/2008/NĐ-CP)', kinds: ['epidemic'] as const,
      launchedFrom: '2020-03-19', launchedUntil: '2021-12-10', receivingDays: {}, distributionDays: null, extendingLevels: EXTENDING_LEVELS,
    },
    {
      code: 'ND64/2008', title: 'Nghị định 64/2008/NĐ-CP ngày 14/5/2008', kinds: ['disaster', 'epidemic', 'patient', 'other'] as const,
      launchedFrom: null, launchedUntil: '2021-12-10', receivingDays: { central: 60, province: 60, district: 30, commune: 30 }, distributionDays: null,
      extendingLevels: EXTENDING_LEVELS,
    },
    {
      code: 'ND93/2021', title: 'Nghị định 93/2021/NĐ-CP ngày 27/10/2021', kinds: ['disaster', 'epidemic', 'patient', 'other'] as const,
      launchedFrom: '2021-12-11', launchedUntil: null, receivingDays: { central: 90, province: 90, district: 90, commune: 90 }, distributionDays: 20,
      extendingLevels: EXTENDING_LEVELS,
    },
  ].map((basis) => [basis.code, basis]),
);
