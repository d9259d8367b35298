/**
 * A disclosure as a file: JSON as it is answered, or the PDF for the website, the XLSX and
 * the CSV laid out from the report as JSON carries it — for a publication, exactly as frozen,
 * with its number and seal printed under the table.
 */
import type { EntityRow } from '../../db/entities-repo.js';
import type { Store } from '../../db/store.js';
import { disclosureSheets, type PublishedReport } from '../../export/disclosure-sheets.js';
import { accountingDateOf } from '../../ledger/calendar.js';
import { jsonOutput, sheetsOutput, type Output, type ReportFormat } from './report-output.js';

export function disclosureOutput(
  store: Store,
  input: { entity: EntityRow; name: string; format: ReportFormat; body: unknown; report: PublishedReport; published: { id: number; sha256: string; publishedAt: string } | null },
): Output {
  if (input.format === 'json') return jsonOutput(input.name, () => [JSON.stringify(input.body)]);
  // A publication is signed on the day it was published, in Vietnam's time.
  const signedOn = input.published ? accountingDateOf(new Date(input.published.publishedAt)) : accountingDateOf(new Date());
  return sheetsOutput(store, input.entity, input.name, input.format, disclosureSheets(input.report, input.published), signedOn);
}
