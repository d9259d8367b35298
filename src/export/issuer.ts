/**
 * What heads and closes a fund's printed documents: its name, budget-unit code and address
 * at the top left, and the preparer, chief accountant and head's signatures at the foot.
 */
import type { FundProfile, Signatory } from '../ledger/fund-profile.js';
import type { PrintSignature } from './print-model.js';

export function issuerLines(entity: Pick<FundProfile, 'name' | 'budgetUnitCode' | 'address'>): string[] {
  return [
    `Đơn vị: ${entity.name}`,
    ...(entity.budgetUnitCode ? [`Mã QHNS: ${entity.budgetUnitCode}`] : []),
    ...(entity.address ? [`Địa chỉ: ${entity.address}`] : []),
  ];
}

/** The signatures under a list or a report: the preparer, the accounting lead and the head, who seals. */
export function reportSignatures(signatories: readonly Signatory[]): PrintSignature[] {
  const name = (role: Signatory['role']) => signatories.find((s) => s.role === role)?.name ?? null;
  return [
    { title: 'Người lập biểu', hint: '(Ký, họ tên)', name: name('preparer') },
    { title: 'Phụ trách kế toán', hint: '(Ký, họ tên)', name: name('chief-accountant') },
    { title: 'Trưởng ban', hint: '(Ký, họ tên, đóng dấu)', name: name('head') },
  ];
}
