/**
 * From a voucher to the entry it posts. The voucher's type says where the money or goods
 * sit and which side they take; its purpose says the other account; a foreign amount adds
 * its original amount on 007, goods their quantities on 003; a list of beneficiaries
 * splits the purpose side into one line per household. Lines given outright are used as
 * they are. The ledger's posting rules judge the result; this only builds it.
 */
import { currencyScale } from '../currency.js';
import type { CounterpartyRef, EntryInput, LineInput, MemoInput } from '../entry.js';
import { convertToVnd, formatAmount, isValidRate, parseAmount, type Minor } from '../money.js';
import { accept, reject, type Result } from '../rejections.js';
import type { Regime } from '../../regimes/regimes.js';
import type { Purpose } from './purposes.js';
import type { VoucherBankAccount, VoucherContent } from './voucher.js';
import type { VoucherTypeSpec } from './voucher-types.js';

export interface PlannedEntry {
  readonly entry: EntryInput;
  /** The voucher's total in VND: what its amount in words reads. */
  readonly total: Minor;
}

export interface PlanContext {
  /** The regime's kinds of voucher, purposes and the off-balance accounts of quantities. */
  readonly regime: Pick<Regime, 'voucherTypes' | 'purposes' | 'goodsQuantityAccount' | 'foreignCurrencyAccount'>;
  readonly bankAccounts: readonly VoucherBankAccount[];
}

/** The money or goods side: its account, amount and what it carries beside the amount. */
interface Holding {
  readonly account: string;
  readonly total: Minor;
  readonly extra: Partial<LineInput>;
  readonly memos: readonly MemoInput[];
  /** Goods lines, one per item, instead of a single line for the total. */
  readonly goodsLines: readonly LineInput[] | null;
}

export function planVoucherEntry(content: VoucherContent, context: PlanContext): Result<PlannedEntry> {
  if (content.reason.trim() === '') return reject('description_required', 'reason');
  const spec = context.regime.voucherTypes[content.type];
  if (content.lines !== undefined) return planFromLines(content);
  if (spec.flow === 'lines') return reject('voucher_lines_required', 'lines');
  const purpose = purposeOf(content, spec, context);
  if (!purpose.ok) return purpose;
  const holding = spec.goods ? goodsHolding(content, spec, context) : moneyHolding(content, spec, context);
  if (!holding.ok) return holding;
  const side = purposeLines(content, purpose.value, holding.value.total);
  if (!side.ok) return side;
  const common = dimensions(content);
  const held = holding.value.goodsLines ?? [{ account: holding.value.account, debit: formatAmount(holding.value.total, 0), ...holding.value.extra }];
  const heldSide = held.map((line) => ({ ...line, ...common }));
  // The decision line is paid on the purpose side, once the money leaves the fund for good.
  const cites = content.allocation !== undefined && spec.flow === 'out' && !purpose.value.inTransit ? { allocation: content.allocation } : {};
  const purposeSide = side.value.map((line) => ({ ...line, ...common, ...cites }));
  const lines = spec.flow === 'in' ? [...heldSide, ...purposeSide.map(toCredit)] : [...purposeSide, ...heldSide.map(toCredit)];
  const date = content.accountingDate ?? content.date;
  const memos = holding.value.memos;
  return accept({ entry: { date, description: content.reason, lines, ...(memos.length > 0 && { memos }) }, total: holding.value.total });
}

function planFromLines(content: VoucherContent): Result<PlannedEntry> {
  const lines = content.lines ?? [];
  let total = 0n;
  for (const [index, line] of lines.entries()) {
    if (line.debit === undefined) continue;
    const parsed = parseAmount(line.debit, 0);
    if (!parsed.ok) return reject('amount_malformed', `lines[${index}].debit`, line.debit);
    total += parsed.value;
  }
  const beneficiaries = checkBeneficiaries(content, total);
  if (beneficiaries) return beneficiaries;
  const date = content.accountingDate ?? content.date;
  const memos = content.memos ?? [];
  return accept({ entry: { date, description: content.reason, lines, ...(memos.length > 0 && { memos }) }, total });
}

function purposeOf(content: VoucherContent, spec: VoucherTypeSpec, context: PlanContext): Result<Purpose> {
  const code = content.purpose ?? spec.defaultPurpose;
  if (code === null) return reject('voucher_purpose_required', 'purpose');
  const purpose = context.regime.purposes.get(code);
  if (!purpose || purpose.flow !== spec.flow) return reject('voucher_purpose_invalid', 'purpose', `${code} for ${spec.type}`);
  return accept(purpose);
}

function moneyHolding(content: VoucherContent, spec: VoucherTypeSpec, context: PlanContext): Result<Holding> {
  const amount = moneyAmount(content);
  if (!amount.ok) return amount;
  const foreign = content.currency !== undefined;
  let account = (foreign ? spec.holding?.foreign : spec.holding?.vnd) ?? '';
  const extra: Record<string, string> = {};
  if (spec.bank) {
    const bank = bankAccountOf(content, context, content.currency ?? 'VND');
    if (!bank.ok) return bank;
    account = bank.value.accountCode;
    extra.bankAccount = bank.value.number;
  }
  if (content.externalRef !== undefined) extra.externalRef = content.externalRef;
  const memos: MemoInput[] = [];
  if (foreign) {
    Object.assign(extra, { currency: content.currency, originalAmount: content.originalAmount, rate: content.rate });
    const direction = spec.flow === 'in' ? 'in' : 'out';
    memos.push({ account: context.regime.foreignCurrencyAccount, direction, quantity: content.originalAmount ?? '', unit: content.currency ?? '' });
  }
  return accept({ account, total: amount.value, extra, memos, goodsLines: null });
}

/** The VND amount: given, or the original foreign amount at the rate, rounded to the đồng. */
function moneyAmount(content: VoucherContent): Result<Minor> {
  if (content.goods !== undefined) return reject('voucher_goods_not_allowed', 'goods');
  const given = content.amount === undefined ? null : parseAmount(content.amount, 0);
  if (given && !given.ok) return reject('amount_malformed', 'amount', content.amount);
  if (content.currency === undefined && content.originalAmount === undefined && content.rate === undefined) {
    if (!given) return reject('voucher_amount_required', 'amount');
    return given.value > 0n ? accept(given.value) : reject('amount_not_positive', 'amount', content.amount);
  }
  const scale = content.currency === undefined ? undefined : currencyScale(content.currency);
  if (scale === undefined || content.currency === 'VND') return reject('currency_unknown', 'currency', content.currency);
  if (content.originalAmount === undefined || content.rate === undefined) return reject('foreign_amount_without_rate', 'rate');
  const original = parseAmount(content.originalAmount, scale);
  if (!original.ok || original.value <= 0n) return reject('amount_malformed', 'originalAmount', content.originalAmount);
  if (!isValidRate(content.rate)) return reject('amount_malformed', 'rate', content.rate);
  const converted = convertToVnd(original.value, scale, content.rate);
  if (given && given.value !== converted) return reject('foreign_amount_mismatch', 'amount', `${content.originalAmount} × ${content.rate} = ${converted}`);
  return accept(converted);
}

function bankAccountOf(content: VoucherContent, context: PlanContext, currency: string): Result<VoucherBankAccount> {
  if (content.bankAccount !== undefined) {
    const named = context.bankAccounts.find((b) => b.number === content.bankAccount);
    return named ? accept(named) : reject('bank_account_unknown', 'bankAccount', content.bankAccount);
  }
  const candidates = context.bankAccounts.filter((b) => b.currency === currency);
  const only = candidates.length === 1 ? candidates[0] : undefined;
  return only ? accept(only) : reject('voucher_bank_account_required', 'bankAccount', `${candidates.length} accounts in ${currency}`);
}

function goodsHolding(content: VoucherContent, spec: VoucherTypeSpec, context: PlanContext): Result<Holding> {
  if (content.currency !== undefined || content.amount !== undefined) return reject('voucher_goods_amount_not_allowed', content.currency !== undefined ? 'currency' : 'amount');
  const goods = content.goods ?? [];
  if (goods.length === 0) return reject('voucher_goods_required', 'goods');
  const account = spec.holding?.vnd ?? '';
  const direction = spec.flow === 'in' ? 'in' : 'out';
  let total = 0n;
  const goodsLines: LineInput[] = [];
  const memos: MemoInput[] = [];
  for (const [index, item] of goods.entries()) {
    const value = parseAmount(item.value, 0);
    if (!value.ok || value.value <= 0n) return reject('amount_malformed', `goods[${index}].value`, item.value);
    total += value.value;
    goodsLines.push({ account, debit: item.value, quantity: item.quantity, unit: item.unit });
    memos.push({ account: context.regime.goodsQuantityAccount, direction, quantity: item.quantity, unit: item.unit, item: item.item });
  }
  return accept({ account, total, extra: {}, memos, goodsLines });
}

/** The purpose side: one line for the total, or one per beneficiary adding up to it. */
function purposeLines(content: VoucherContent, purpose: Purpose, total: Minor): Result<LineInput[]> {
  const mismatch = checkBeneficiaries(content, total);
  if (mismatch) return mismatch;
  const list = content.beneficiaries ?? [];
  if (list.length > 0 && purpose.flow === 'out') {
    return accept(list.map((b) => ({ account: purpose.account, debit: b.amount, counterparty: counterparty({ kind: 'beneficiary', name: b.name, address: b.address }) })));
  }
  const named = content.counterparty;
  const party = named && counterparty({ kind: named.kind ?? purpose.counterparty, name: named.name, address: named.address, form: named.form });
  // Moving cash to or from the bank names the bank account on the bank side.
  const bank = purpose.namesBankAccount && content.bankAccount !== undefined ? { bankAccount: content.bankAccount } : {};
  return accept([{ account: purpose.account, debit: formatAmount(total, 0), ...(party && { counterparty: party }), ...bank }]);
}

function checkBeneficiaries(content: VoucherContent, total: Minor) {
  const list = content.beneficiaries ?? [];
  if (list.length === 0) return null;
  let sum = 0n;
  for (const [index, b] of list.entries()) {
    const amount = parseAmount(b.amount, 0);
    if (!amount.ok || amount.value <= 0n) return reject('amount_malformed', `beneficiaries[${index}].amount`, b.amount);
    sum += amount.value;
  }
  return sum === total ? null : reject('voucher_beneficiaries_total_mismatch', 'beneficiaries', `${sum} ≠ ${total}`);
}

function counterparty(ref: { kind: CounterpartyRef['kind']; name: string; address: string | undefined; form?: CounterpartyRef['form'] }): CounterpartyRef {
  return {
    kind: ref.kind,
    name: ref.name,
    ...(ref.address !== undefined && ref.address !== '' && { address: ref.address }),
    ...(ref.form !== undefined && { form: ref.form }),
  };
}

function dimensions(content: VoucherContent): Partial<LineInput> {
  return {
    ...(content.campaign !== undefined && { campaign: content.campaign }),
    ...(content.designation !== undefined && { designation: content.designation }),
  };
}

function toCredit(line: LineInput): LineInput {
  const { debit, ...rest } = line;
  return { ...rest, credit: debit ?? '0' };
}
