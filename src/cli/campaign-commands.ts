/** Campaign commands: open a campaign from a JSON file (the API's shape), list a fund's campaigns, extend one by decision, read and publish its disclosure. */
import { campaignDetails, type CampaignDetails } from '../app/campaign-details.js';
import type { Caller } from '../app/caller.js';
import { createCampaign } from '../app/create-campaign.js';
import { extendCampaign } from '../app/extend-campaign.js';
import { loadFund } from '../app/fund.js';
import { publishDisclosure } from '../app/publish-disclosure.js';
import { getDisclosure } from '../app/reports/get-disclosure.js';
import { disclosureJson } from '../export/disclosure-json.js';
import { extension, newCampaign } from '../api/campaign-schemas.js';
import type { Store } from '../db/store.js';
import { readJsonInput } from './input-file.js';
import { need, report, UsageError, type Options } from './options.js';

export const CAMPAIGN_USAGE = `  campaigns --entity CODE                     list the fund's campaigns with their legal basis and effective dates
  disclosure --entity CODE --campaign CODE [--from D --to D]
                                              the campaign's disclosure figures as JSON
  publish-disclosure --entity CODE --campaign CODE [--from D --to D] [--supersedes ID --reason TEXT]
                                              publish the disclosure as it stands: frozen, sealed, public
  open-campaign --entity CODE --file F.json   open a campaign (the shape of POST …/campaigns)
  extend-campaign --entity CODE --campaign CODE --decision NUMBER --date D --ends-on D
                                              extend receiving by decision (province level or above)`;

const line = (c: CampaignDetails) =>
  `${c.code}\t${c.kind}\t${c.legalBasis.code}\t${c.startsOn}\treceiving until ${c.receivingEndsOn ?? '-'}\tdistribution until ${c.distributionEndsOn ?? '-'}\t${c.name}`;

export function runCampaignCommand(command: string, store: Store, options: Options, actor: Caller): number | undefined {
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
    case 'disclosure': {
      const range = { ...(options.from && { from: options.from }), ...(options.to && { to: options.to }) };
      return report(getDisclosure(store, { entity: need(options, 'entity'), campaign: need(options, 'campaign'), ...range }), (d) =>
        console.log(JSON.stringify(disclosureJson(d), null, 2)),
      );
    }
    case 'publish-disclosure': {
      const range = { ...(options.from && { from: options.from }), ...(options.to && { to: options.to }) };
      const correction = options.supersedes === undefined ? {} : { supersedes: Number(options.supersedes), ...(options.reason && { reason: options.reason }) };
      return report(publishDisclosure(store, { entity: need(options, 'entity'), campaign: need(options, 'campaign'), ...range, ...correction, actor }), (p) =>
        console.log(`published disclosure ${p.id} of ${p.campaign} (${p.from}..${p.to}), sha256 ${p.sha256}`),
      );
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
