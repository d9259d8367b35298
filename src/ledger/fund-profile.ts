/**
 * What a fund is known by on its documents and in its profile: its identity and seal, its
 * signatories, its bank and treasury accounts and its fiscal years with their regime.
 */

export const FUND_KINDS = ['poor-fund', 'relief', 'other'] as const;
export type FundKind = (typeof FUND_KINDS)[number];

export const SIGNATORY_ROLES = ['head', 'chief-accountant', 'cashier', 'preparer'] as const;
export type SignatoryRole = (typeof SIGNATORY_ROLES)[number];

export interface FundProfile {
  readonly code: string;
  readonly name: string;
  readonly kind: FundKind;
  readonly level: string;
  readonly address: string | null;
  /** Mã quan hệ ngân sách. */
  readonly budgetUnitCode: string | null;
  /** The fund's own seal: the name it bears, the decision that gave it, and its image if uploaded. */
  readonly sealName: string;
  readonly sealReference: string | null;
  readonly sealDate: string | null;
  readonly sealImage: Uint8Array | null;
  /** Where the fund has its seal's image printed over the head's signature. */
  readonly sealImageOnVouchers: boolean;
  readonly sealImageOnReports: boolean;
  readonly managementCostsAllowed: boolean;
  /** Yearly cap on management costs in đồng; null for none. */
  readonly managementCostCap: number | null;
  /** How many entries the fund has posted: the head of its hash chain. */
  readonly chainSeq: number;
}

/** The documents a seal's image may print on: vouchers, or books and reports. */
export const SEAL_IMAGE_DOCUMENTS = ['vouchers', 'reports'] as const;
export type SealImageDocument = (typeof SEAL_IMAGE_DOCUMENTS)[number];

/** The documents the seal's image prints on, as a profile keeps them. */
export function sealImageOn(on: readonly SealImageDocument[] | undefined): Pick<FundProfile, 'sealImageOnVouchers' | 'sealImageOnReports'> {
  return { sealImageOnVouchers: on?.includes('vouchers') ?? false, sealImageOnReports: on?.includes('reports') ?? false };
}

/** The same as a list, in the order SEAL_IMAGE_DOCUMENTS names them. */
export function sealImageDocuments(profile: Pick<FundProfile, 'sealImageOnVouchers' | 'sealImageOnReports'>): SealImageDocument[] {
  return SEAL_IMAGE_DOCUMENTS.filter((d) => (d === 'vouchers' ? profile.sealImageOnVouchers : profile.sealImageOnReports));
}

export interface Signatory {
  readonly role: SignatoryRole;
  readonly name: string;
  readonly title: string | null;
}

export interface FundBankAccount {
  readonly kind: 'bank' | 'treasury';
  readonly institution: string;
  readonly number: string;
  readonly currency: string;
  /** The ledger account its money sits on. */
  readonly accountCode: string;
}

export interface FiscalYear {
  readonly year: number;
  readonly regime: string;
  readonly status: 'open' | 'closed';
}
