/**
 * The refusals that come from a campaign's own rules rather than from the transfer's record:
 * a transfer before the launch or after the receiving window, or through an account the
 * campaign does not use. A fund may hold such transfers for review instead of refusing them.
 */
import type { RejectionCode } from '../../ledger/rejections.js';

export const CAMPAIGN_RULES: ReadonlySet<RejectionCode> = new Set<RejectionCode>(['campaign_not_started', 'campaign_receiving_closed', 'campaign_account_mismatch']);
