/**
 * The rows of MISA's lists: an opening balance per account (per counterparty and bank
 * account where the account is kept by them), each on its debit or credit side, never both;
 * a counterparty with its code; an account of the chart with its parent and nature. Accounts
 * go through the installation's mapping like the vouchers' do.
 */
import type { Account } from '../../ledger/chart.js';
import type { CounterpartyForm, CounterpartyKind } from '../../ledger/entry.js';
import { counterpartyCode } from './counterparty-code.js';
import { NATURE } from './lists.js';
import type { MisaLayout } from './layout.js';
import { misaAccount, type MisaMapping } from './mapping.js';
import { checkRows, issue, type MisaIssue } from './misa-check.js';
import type { MisaRow } from './misa-row.js';

export interface ListRow {
  readonly row: MisaRow;
  readonly issues: readonly MisaIssue[];
}

function mapped(layout: MisaLayout, mapping: MisaMapping, code: string, key: string): { code: string; issues: MisaIssue[] } {
  const misa = misaAccount(mapping, code);
  return { code: misa ?? code, issues: misa === undefined ? [issue(layout.template, key, 'account_unmapped', code)] : [] };
}

function checked(layout: MisaLayout, key: string, row: MisaRow, issues: readonly MisaIssue[]): ListRow {
  return { row, issues: [...issues, ...checkRows(layout, key, [row])] };
}

export function openingRow(
  layout: MisaLayout, mapping: MisaMapping,
  balance: { readonly account: string; readonly amount: bigint; readonly counterpartyCode?: string; readonly bankAccount?: string },
): ListRow {
  const account = mapped(layout, mapping, balance.account, balance.account);
  // One side only: the other is left empty, as MISA takes a balance.
  const side = balance.amount > 0n ? { openingDebit: Number(balance.amount), openingDebitConverted: Number(balance.amount) } : { openingCredit: Number(-balance.amount), openingCreditConverted: Number(-balance.amount) };
  return checked(layout, balance.account, {
    account: account.code, currency: 'VND', ...side,
    ...(balance.counterpartyCode !== undefined && { lineCounterpartyCode: balance.counterpartyCode }),
    ...(balance.bankAccount !== undefined && { bankAccount: balance.bankAccount }),
  }, account.issues);
}

export function counterpartyRow(
  layout: MisaLayout,
  party: { readonly id: number; readonly kind: CounterpartyKind; readonly name: string; readonly address: string; readonly form: CounterpartyForm | null },
): ListRow {
  const code = counterpartyCode(party.kind, party.id);
  // A person unless known to be an organisation, or a supplier or another fund.
  const person = party.form === 'individual' || (party.form === null && (party.kind === 'donor' || party.kind === 'beneficiary'));
  return checked(layout, code, { isPerson: person ? '1' : '0', isSupplier: party.kind === 'supplier' ? '1' : '0', counterpartyCode: code, counterpartyName: party.name, address: party.address }, []);
}

export function accountRow(layout: MisaLayout, mapping: MisaMapping, account: Account): ListRow {
  const own = mapped(layout, mapping, account.code, account.code);
  const parent = account.parent === null ? undefined : mapped(layout, mapping, account.parent, account.code);
  return checked(layout, account.code, {
    account: own.code, accountName: account.nameVi, accountNameEn: account.nameEn, ...(parent !== undefined && { parentAccount: parent.code }),
    nature: account.normalSide === 'none' ? NATURE.none : NATURE[account.normalSide],
  }, [...own.issues, ...(parent?.issues ?? [])]);
}
