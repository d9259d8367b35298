/**
 * A feed's new events booked. Each is first looked for among its account's statement rows:
 * a transfer the statement showed before the feed did is that row, and makes no voucher of
 * its own. Otherwise a transfer received becomes a bank receipt of its own, the same way as a
 * statement row, posted or left as a draft as the feed is set; its campaign is the account's,
 * or the one the feed's pattern reads from the narrative. A transfer sent out is booked by
 * the fund's own payment voucher, so it is held; so is an event the ledger refuses, or one
 * more than one statement row could be — each with why, for review. The delivery is
 * acknowledged whatever becomes of its events: sending it again would change nothing.
 */
import type { FeedRow } from '../../db/feeds-repo.js';
import { settleEvent } from '../../db/feeds-repo.js';
import type { Store } from '../../db/store.js';
import { claimRowForEvent, statementTransfers } from '../../db/transfer-matches-repo.js';
import { campaignReader } from '../../import/bank/campaign-code.js';
import { donorName } from '../../import/bank/donor-name.js';
import { matchTransfers } from '../../import/bank/match-transfers.js';
import type { BankEvent } from '../../import/feeds/bank-event.js';
import { localCaller } from '../caller.js';
import { loadFund } from '../fund.js';
import { transferReceipt } from '../bank/transfer-receipt.js';
import { postNewVoucher } from '../vouchers/post-voucher.js';
import { createVoucher } from '../vouchers/voucher-drafts.js';

export interface BookedEvents {
  readonly receipts: number;
  readonly matched: number;
  readonly held: number;
}

export function bookEvents(store: Store, feed: FeedRow, events: readonly { id: number; event: BankEvent }[]): BookedEvents {
  const booked = { receipts: 0, matched: 0, held: 0 };
  const hold = (id: number, reason: string) => {
    settleEvent(store.sqlite, id, { held: reason });
    booked.held += 1;
  };
  const fund = loadFund(store, feed.entity);
  const account = fund.ok ? fund.value.bankAccounts.find((b) => b.id === feed.bankAccountId) : undefined;
  const donations = fund.ok ? fund.value.regime.purposes.get('donation')?.account : undefined;
  if (!fund.ok || !account || donations === undefined) {
    for (const { id } of events) hold(id, 'the feed’s fund or account cannot take receipts');
    return booked;
  }
  const fromNarrative = feed.campaignPattern === null ? () => undefined : campaignReader(feed.campaignPattern, [...fund.value.campaigns.keys()]);
  const actor = localCaller({ name: `feed ${feed.provider} ${feed.id}`, origin: 'feed' });

  for (const { id, event } of events) {
    const date = event.time.slice(0, 10);
    const transfer = { ordinal: id, postedOn: date, time: event.time.slice(11), direction: event.direction, amount: event.amount, ref: event.reference, counterAccount: event.counterAccount, remark: null };
    const [decision] = matchTransfers([transfer], statementTransfers(store.sqlite, feed.bankAccountId, date, date, { unclaimed: true }));
    if (decision?.status === 'matched' && decision.to.kind === 'row') {
      claimRowForEvent(store.sqlite, decision.to.batchId, decision.to.ordinal, id);
      booked.matched += 1;
      continue;
    }
    if (decision?.status === 'review') {
      hold(id, decision.reason);
      continue;
    }
    if (event.direction === 'out') {
      hold(id, 'a transfer sent out is booked by the fund’s payment voucher');
      continue;
    }
    const campaign = fromNarrative(event.narrative) ?? fund.value.accountCampaigns.get(account.number) ?? undefined;
    const content = transferReceipt({
      account, donations, campaign, date, reason: `Nhận chuyển khoản ủng hộ: ${event.narrative}`,
      transfers: [{ amount: event.amount, ref: event.reference ?? `feed:${feed.id}:${event.providerId}`, donor: donorName(event.narrative) }],
    });
    const made = feed.posting === 'post' ? postNewVoucher(store, { entity: feed.entity, content, actor }) : createVoucher(store, { entity: feed.entity, content, actor });
    if (!made.ok) {
      hold(id, `${made.code}: ${made.detail ?? made.message}`);
      continue;
    }
    settleEvent(store.sqlite, id, { voucherId: made.value.id });
    booked.receipts += 1;
  }
  return booked;
}
