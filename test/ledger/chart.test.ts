import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildChart, planSubAccount } from '../../src/ledger/chart.js';
import { parseChartCsv } from '../../src/ledger/chart-csv.js';
import { TT103_2018 } from '../../src/regimes/tt103-2018/regime.js';
import { postingContext, REGIME } from '../support/posting-context.js';

const HEADER = 'code,parent,name_vi,name_en,class,normal_side,off_balance,note';

/** The reference chart sits beside the checkout in the project's workspace, not in the repository. */
const REFERENCE_CHART = new URL('../../../shared/domain/chart-tt103.csv', import.meta.url);

function toCsv(rows: typeof TT103_2018.chart): string {
  const quote = (text: string) => (/[",]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);
  return [HEADER, ...rows.map((r) => [r.code, r.parent ?? '', quote(r.nameVi), quote(r.nameEn), r.class, r.normalSide, r.offBalance ? '1' : '0', quote(r.note ?? '')].join(','))].join('\n');
}

describe('the default chart', () => {
  it('is a valid chart that survives a CSV round trip', () => {
    expect(parseChartCsv(toCsv(TT103_2018.chart))).toEqual({ ok: true, value: TT103_2018.chart });
  });

  it.runIf(existsSync(REFERENCE_CHART))('carries every account of the reference chart file, fact for fact', () => {
    const parsed = parseChartCsv(readFileSync(REFERENCE_CHART, 'utf8'));
    expect(parsed).toEqual({ ok: true, value: TT103_2018.chart });
  });

  it('makes only accounts without children postable', () => {
    const chart = postingContext().chart;
    expect(chart.accounts.get('111')?.leaf).toBe(false);
    expect(chart.accounts.get('1111')?.leaf).toBe(true);
    expect(chart.accounts.get('113')?.leaf).toBe(true);
  });

  it('guards cash, bank, transit and goods accounts from going negative, and nothing else', () => {
    const chart = postingContext().chart;
    const guarded = [...chart.accounts.values()].filter((a) => a.nonNegative && !a.offBalance).map((a) => a.code).sort();
    expect(guarded).toEqual(['111', '1111', '1112', '112', '1121', '1122', '113', '152']);
    expect(chart.accounts.get('614')?.managementCost).toBe(true);
    expect(chart.accounts.get('6111')?.managementCost).toBe(false);
  });

  it('keeps 003 and 007 off balance', () => {
    const offBalance = TT103_2018.chart.filter((r) => r.offBalance).map((r) => r.code);
    expect(offBalance).toEqual(['003', '007']);
  });
});

describe('sub-accounts', () => {
  it('inherit class, side, off-balance and the regime’s roles from the parent', () => {
    const chart = postingContext().chart;
    const planned = planSubAccount(chart, { code: '11211', parent: '1121', nameVi: 'Vietcombank Trà Vinh' }, false);
    expect(planned).toMatchObject({ ok: true, value: { parent: '1121', class: '1', normalSide: 'debit', offBalance: false } });
    if (!planned.ok) return;
    const grown = buildChart([...TT103_2018.chart, planned.value].map((r) => ({ ...r, active: true })), REGIME);
    expect(grown.accounts.get('1121')?.leaf).toBe(false);
    expect(grown.accounts.get('11211')).toMatchObject({ leaf: true, nonNegative: true });
  });

  it('refuse a parent that is inactive', () => {
    const chart = postingContext({ inactive: ['6118'] }).chart;
    expect(planSubAccount(chart, { code: '61181', parent: '6118', nameVi: 'x' }, false)).toMatchObject({ ok: false, code: 'account_inactive' });
  });
});

describe('chart import from CSV', () => {
  it('reads a chart with a BOM and quoted names', () => {
    const parsed = parseChartCsv(`\uFEFF${HEADER}\n111,,"Tiền mặt, quỹ",Cash,1,debit,0,\n1111,111,Tiền Việt Nam,VND,1,debit,0,\n`);
    expect(parsed).toMatchObject({ ok: true, value: [{ code: '111', nameVi: 'Tiền mặt, quỹ' }, { code: '1111', parent: '111' }] });
  });

  it.each([
    ['a missing column', 'code,parent,name_vi\n111,,Tiền\n', 'missing columns'],
    ['a duplicate code', `${HEADER}\n111,,A,A,1,debit,0,\n111,,B,B,1,debit,0,\n`, 'duplicate code 111'],
    ['a child that does not extend its parent', `${HEADER}\n111,,A,A,1,debit,0,\n2111,111,B,B,1,debit,0,\n`, 'does not extend'],
    ['an unknown side', `${HEADER}\n111,,A,A,1,left,0,\n`, 'left'],
    ['an off-balance child of an on-balance parent', `${HEADER}\n111,,A,A,1,debit,0,\n1111,111,B,B,1,debit,1,\n`, 'off-balance'],
    ['a bad code', `${HEADER}\n1a,,A,A,1,debit,0,\n`, 'bad code'],
    ['no accounts', `${HEADER}\n`, 'no accounts'],
  ])('refuses %s', (_, csv, detail) => {
    const parsed = parseChartCsv(csv);
    expect(parsed).toMatchObject({ ok: false, code: 'chart_malformed' });
    if (!parsed.ok) expect(parsed.detail).toContain(detail);
  });
});
