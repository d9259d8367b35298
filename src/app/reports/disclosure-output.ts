/**
 * A disclosure as a file: JSON as it is answered, or the PDF for the website, the XLSX and
 * the CSV laid out from the report as JSON carries it — for a publication, exactly as frozen,
 * with its number and seal printed under the table. The posting version (niêm yết) is the
 * PDF in large type with the place and the days it hangs, signed and sealed.
 */
import type { EntityRow } from '../../db/entities-repo.js';
import type { Store } from '../../db/store.js';
import { disclosureSheets, type Posting, type Publication, type PublishedReport } from '../../export/disclosure-sheets.js';
import { accountingDateOf, addDays } from '../../ledger/calendar.js';
import { legalBasisFor } from '../../ledger/campaign.js';
import type { Regime } from '../../regimes/regimes.js';
import { currentRegime } from '../fund.js';
import { accept, reject, type Result } from '../../ledger/rejections.js';
import { jsonOutput, sheetsOutput, type Output, type ReportFormat } from './report-output.js';

/** Type and rows of a posting version, against the website's PDF. */
const POSTING_SCALE = 1.5;

/** A posting version as asked for: where it hangs and from when; it hangs for the legal basis's posting days. */
export interface PostingRequest {
  readonly place?: string | undefined;
  readonly postedOn?: string | undefined;
}

export function disclosureOutput(
  store: Store,
  input: { entity: EntityRow; name: string; format: ReportFormat; body: unknown; report: PublishedReport; published: Publication | null; posting?: PostingRequest },
): Result<Output> {
  if (input.posting && input.format !== 'pdf') return reject('report_format_unavailable', 'format', `the posting version is a PDF, not ${input.format}`);
  if (input.format === 'json') return accept(jsonOutput(input.name, () => [JSON.stringify(input.body)]));
  // A publication is signed on the day it was published, in Vietnam's time.
  const signedOn = input.published ? accountingDateOf(new Date(input.published.publishedAt)) : accountingDateOf(new Date());
  // A campaign's posting days are its legal basis's; a fund's own report's, those of the basis of its drives.
  const basis = 'campaign' in input.report ? input.report.campaign.legalBasis.code : null;
  const posting = input.posting ? postingOf(input.entity, input.posting, postingDaysOf(currentRegime(store, input.entity.id), basis, input.report.to), signedOn) : null;
  const sheets = disclosureSheets(input.report, input.published, posting);
  return accept(sheetsOutput(store, input.entity, posting ? `${input.name}-niem-yet` : input.name, input.format, sheets, signedOn, posting ? POSTING_SCALE : 1));
}

/**
 * How many days a posting version hangs: what the campaign's legal basis sets, or for a
 * fund's own report what the basis of its drives sets, as the regime's data configures it.
 */
function postingDaysOf(regime: Regime, legalBasis: string | null, on: string): number {
  const basis = legalBasis === null ? legalBasisFor('poor-fund-drive', on, regime.legalBases.values()) : regime.legalBases.get(legalBasis);
  if (!basis) throw new Error(`regime ${regime.code} has no legal basis ${legalBasis ?? 'for the funds’ own drives'}`);
  return basis.postingDays;
}

function postingOf(entity: EntityRow, request: PostingRequest, days: number, signedOn: string): Posting {
  const from = request.postedOn ?? signedOn;
  return { place: request.place ?? entity.address ?? `Trụ sở ${entity.name}`, from, until: addDays(from, days - 1) };
}
