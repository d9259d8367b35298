/**
 * Campaign commands: open a campaign or change it from a JSON file (the API's shapes), list a
 * fund's campaigns, extend one by decision, record and read its allocation decisions, and
 * read and publish its disclosure — or, without a campaign, the fund's own periodic report —
 * as JSON on the terminal or written to a file (the format follows the extension; the
 * posting version is a PDF).
 */
import { campaignDetails, type CampaignDetails } from '../app/campaign-details.js';
import type { Caller } from '../app/caller.js';
import { createCampaign } from '../app/create-campaign.js';
import { extendCampaign } from '../app/extend-campaign.js';
import { loadFund } from '../app/fund.js';
import { publishDisclosure } from '../app/publish-disclosure.js';
import { getDisclosure, type CampaignDisclosure } from '../app/reports/get-disclosure.js';
import type { FundDisclosure } from '../app/reports/get-fund-disclosure.js';
import { asJson, disclosureJson } from '../export/disclosure-json.js';
import { allocationDecision, campaignChange, extension, newCampaign } from '../api/campaign-schemas.js';
import { allocate } from '../app/allocate.js';
import { changeCampaign } from '../app/change-campaign.js';
import { disclosureOutput } from '../app/reports/disclosure-output.js';
import { getAllocations } from '../app/reports/get-allocations.js';
import { getFundDisclosure } from '../app/reports/get-fund-disclosure.js';
import { reject, type Result } from '../ledger/rejections.js';
import { createWriteStream } from 'node:fs';
import { extname } from 'node:path';
import type { ReportFormat } from '../app/reports/report-output.js';
import type { Store } from '../db/store.js';
import { readJsonInput } from './input-file.js';
import { need, report, UsageError, type Options } from './options.js';

export const CAMPAIGN_USAGE = `  campaigns --entity CODE                     list the fund's campaigns with their legal basis and effective dates
  disclosure --entity CODE [--campaign CODE] [--from D --to D] [--consolidated]
             [--out FILE [--posting [--place TEXT] [--posted-on D]]]
                                              the campaign's disclosure (without --campaign: the fund's
                                              own periodic report) as JSON, or written to FILE
                                              (.pdf, .xlsx, .csv, .json; --posting: the niêm yết PDF)
  publish-disclosure --entity CODE [--campaign CODE] [--from D --to D] [--consolidated]
                     [--supersedes ID --reason TEXT]
                                              publish the disclosure as it stands: frozen, sealed, public
  open-campaign --entity CODE --file F.json   open a campaign (the shape of POST …/campaigns)
  change-campaign --entity CODE --campaign CODE --file F.json
                                              rename, add documents or support levels (PATCH …/campaigns/:campaign)
  extend-campaign --entity CODE --campaign CODE --decision NUMBER --date D --ends-on D
                                              extend receiving by decision (province level or above)
  allocate --entity CODE --campaign CODE --file F.json
                                              record an allocation decision (POST …/allocations)
  allocations --entity CODE --campaign CODE   the decisions with decided, paid and due per line, as JSON`;

const line = (c: CampaignDetails) =>
  `${c.code}\t${c.kind}\t${c.legalBasis.code}\t${c.startsOn}\treceiving until ${c.receivingEndsOn ?? '-'}\tdistribution until ${c.distributionEndsOn ?? '-'}\t${c.name}`;

const rangeOf = (options: Options) => ({ ...(options.from && { from: options.from }), ...(options.to && { to: options.to }) });

const FORMATS: ReadonlyMap<string, ReportFormat> = new Map(Object.entries({ '.pdf': 'pdf', '.xlsx': 'xlsx', '.csv': 'csv', '.json': 'json' } as const));

/** The disclosure as JSON on the terminal, or written to --out in the format its extension names. */
async function disclosureCommand(store: Store, options: Options): Promise<number> {
  const entity = need(options, 'entity');
  const campaign = options.campaign;
  const request = { entity, ...rangeOf(options), ...(options.consolidated && { consolidated: true }) };
  const found: Result<CampaignDisclosure | FundDisclosure> = campaign === undefined ? getFundDisclosure(store, request) : getDisclosure(store, { ...request, campaign });
  if (!found.ok) return report(found, () => undefined);
  const body = disclosureJson(found.value);
  if (options.out === undefined) {
    if (options.posting) throw new UsageError('--posting writes a PDF: give --out FILE.pdf');
    console.log(JSON.stringify(body, null, 2));
    return 0;
  }
  const format = FORMATS.get(extname(options.out).toLowerCase());
  if (!format) throw new UsageError(`--out must end in ${[...FORMATS.keys()].join(', ')}`);
  const fund = loadFund(store, entity);
  if (!fund.ok) return report(fund, () => undefined);
  const posting = options.posting ? { place: options.place, postedOn: options['posted-on'] } : undefined;
  const output = disclosureOutput(store, { entity: fund.value.entity, name: 'cong-khai', format, body, report: body, published: null, ...(posting && { posting }) });
  if (!output.ok) return report(output, () => undefined);
  await output.value.write(createWriteStream(options.out));
  console.log(`written ${options.out}`);
  return 0;
}

export function runCampaignCommand(command: string, store: Store, options: Options, actor: Caller): number | Promise<number> | undefined {
  switch (command) {
    case 'campaigns': {
      const fund = loadFund(store, need(options, 'entity'));
      return report(fund, (f) => campaignDetails(store, f).forEach((c) => console.log(line(c))));
    }
    case 'open-campaign': {
      const parsed = newCampaign.safeParse(readJsonInput(need(options, 'file')));
      if (!parsed.success) throw new UsageError(`the campaign is malformed at ${parsed.error.issues[0]?.path.join('.') || '(top)'}: ${parsed.error.issues[0]?.message ?? ''}`);
      return report(createCampaign(store, { entity: need(options, 'entity'), ...parsed.data, actor }), (c) => console.log(`opened ${c.code} under ${c.legalBasis}`));
    }
    case 'disclosure':
      return disclosureCommand(store, options);
    case 'publish-disclosure': {
      const correction = options.supersedes === undefined ? {} : { supersedes: Number(options.supersedes), ...(options.reason && { reason: options.reason }) };
      const subject = { entity: need(options, 'entity'), ...(options.campaign && { campaign: options.campaign }), ...rangeOf(options), ...(options.consolidated && { consolidated: true }) };
      return report(publishDisclosure(store, { ...subject, ...correction, actor }), (p) =>
        console.log(`published disclosure ${p.id} of ${p.campaign ?? p.entity}${p.consolidated ? ' (consolidated)' : ''} (${p.from}..${p.to}), sha256 ${p.sha256}`),
      );
    }
    case 'change-campaign': {
      const parsed = campaignChange.safeParse(readJsonInput(need(options, 'file')));
      if (!parsed.success) throw new UsageError(`the change is malformed at ${parsed.error.issues[0]?.path.join('.') || '(top)'}: ${parsed.error.issues[0]?.message ?? ''}`);
      return report(changeCampaign(store, { entity: need(options, 'entity'), campaign: need(options, 'campaign'), ...parsed.data, actor }), (c) => console.log(`changed ${c.code}`));
    }
    case 'allocate': {
      const parsed = allocationDecision.safeParse(readJsonInput(need(options, 'file')));
      if (!parsed.success) throw new UsageError(`the decision is malformed at ${parsed.error.issues[0]?.path.join('.') || '(top)'}: ${parsed.error.issues[0]?.message ?? ''}`);
      return report(allocate(store, { entity: need(options, 'entity'), campaign: need(options, 'campaign'), ...parsed.data, actor }), (d) => console.log(`recorded ${d.number} of ${d.decidedOn}`));
    }
    case 'allocations': {
      const fund = loadFund(store, need(options, 'entity'));
      const campaign = need(options, 'campaign');
      const found = fund.ok && !fund.value.campaignIds.has(campaign) ? reject('campaign_unknown', 'campaign', campaign) : fund;
      return report(found, (f) => console.log(JSON.stringify(asJson(getAllocations(store, f, { campaign })), null, 2)));
    }
    case 'extend-campaign': {
      const parsed = extension.safeParse({ decisionNumber: options.decision, decidedOn: options.date, endsOn: options['ends-on'] });
      if (!parsed.success) throw new UsageError(`--decision, --date and --ends-on are needed: ${parsed.error.issues[0]?.path.join('.') ?? ''} ${parsed.error.issues[0]?.message ?? ''}`);
      return report(extendCampaign(store, { entity: need(options, 'entity'), campaign: need(options, 'campaign'), ...parsed.data, actor }), (e) =>
        console.log(`extended ${options.campaign} to ${e.endsOn} by ${e.decisionNumber}`),
      );
    }
    default:
      return undefined;
  }
}
