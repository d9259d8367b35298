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

/**
 * The title a signature box prints: the fund's own for its head and accounting lead, where it
 * names one ("Trưởng ban", "Phụ trách kế toán"), so every document of the fund signs alike;
 * otherwise the form's. A function of the form (Người lập phiếu, Thủ quỹ) keeps the form's title.
 */
export function ownTitle(signatory: Signatory | undefined, formTitle: string): string {
  return signatory && (signatory.role === 'head' || signatory.role === 'chief-accountant') && signatory.title ? signatory.title : formTitle;
}

/**
 * The signatures under a list or a report: the preparer, the accounting lead and the head,
 * who seals. A book is signed by the one who keeps it ("Người ghi sổ"), a report or list by
 * the one who drew it up ("Người lập biểu"). `sealed` presses the seal's image over the head's.
 */
export function reportSignatures(signatories: readonly Signatory[], options: { book?: boolean; sealed?: boolean } = {}): PrintSignature[] {
  const box = (role: Signatory['role'], formTitle: string, hint: string): PrintSignature => {
    const signatory = signatories.find((s) => s.role === role);
    return { title: ownTitle(signatory, formTitle), hint, name: signatory?.name ?? null, ...(role === 'head' && options.sealed === true && { sealed: true }) };
  };
  return [box('preparer', options.book ? 'Người ghi sổ' : 'Người lập biểu', '(Ký, họ tên)'), box('chief-accountant', 'Phụ trách kế toán', '(Ký, họ tên)'), box('head', 'Trưởng ban', '(Ký, họ tên, đóng dấu)')];
}
