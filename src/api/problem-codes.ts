/**
 * The codes the HTTP layer answers with itself, beside the ledger's rejection codes, and
 * the HTTP status of each ledger code: unknown things are 404, clashes with the current
 * state are 409, acts outside one's reach 403, and every other refusal by the rules 422.
 */
import type { RejectionCode } from '../ledger/rejections.js';

export const API_PROBLEMS = {
  invalid_request: { status: 400, title: 'The request is malformed.' },
  unauthenticated: { status: 401, title: 'This route needs a bearer token (Authorization: Bearer flt_…).' },
  token_invalid: { status: 401, title: 'The bearer token is unknown, malformed or revoked.' },
  not_found: { status: 404, title: 'No such resource.' },
  authentication_throttled: { status: 429, title: 'Too many failed sign-ins from this address; retry after the Retry-After seconds.' },
  request_timeout: { status: 408, title: 'The request did not arrive in time.' },
  payload_too_large: { status: 413, title: 'The request body is larger than the server accepts.' },
  uri_too_long: { status: 414, title: 'The request URL, or one of its path parameters, is longer than the server accepts.' },
  unsupported_media_type: { status: 415, title: 'The request body has a content type this route does not read.' },
  headers_too_large: { status: 431, title: 'The request headers are larger than the server accepts.' },
  delivery_unverified: { status: 401, title: 'The webhook delivery does not prove itself the feed provider’s: its key or signature does not match, or its time is stale.' },
  delivery_unreadable: { status: 400, title: 'The webhook delivery is not JSON of the provider’s transaction shape.' },
  delivery_account_mismatch: { status: 422, title: 'The webhook delivery reports a transaction of another bank account than the feed’s.' },
  busy: { status: 503, title: 'The database is busy with other writes; retry shortly.' },
  internal_error: { status: 500, title: 'Internal error; the request id identifies it in the server log.' },
} as const;

export type ApiProblemCode = keyof typeof API_PROBLEMS;

const NOT_FOUND: ReadonlySet<RejectionCode> = new Set([
  'entity_unknown', 'entry_not_found', 'account_unknown', 'year_unknown', 'period_unknown', 'user_unknown', 'grant_unknown', 'token_unknown',
  'voucher_not_found', 'seal_image_none', 'transfer_not_found', 'statement_batch_unknown', 'counterparty_unknown', 'campaign_unknown', 'disclosure_not_found',
]);

const CONFLICT: ReadonlySet<RejectionCode> = new Set([
  'entity_code_taken', 'account_code_taken', 'campaign_code_taken', 'support_level_code_taken', 'allocation_number_taken', 'user_name_taken', 'role_already_granted', 'bank_account_number_taken',
  'entry_already_reversed', 'entry_owned_by_voucher', 'period_already_locked', 'period_not_locked', 'year_exists', 'year_closed', 'year_not_closed',
  'chart_in_use', 'token_already_revoked',
  'statement_row_not_in_review', 'voucher_not_draft', 'voucher_already_approved', 'voucher_not_posted', 'voucher_already_cancelled', 'voucher_in_transfer', 'transfer_not_in_transit', 'disclosure_already_superseded',
]);

export function statusOf(code: RejectionCode): number {
  if (NOT_FOUND.has(code)) return 404;
  if (CONFLICT.has(code)) return 409;
  if (code === 'user_beyond_reach' || code === 'forbidden') return 403;
  return 422;
}
