/**
 * Every way the ledger can refuse a request, as named codes.
 *
 * Posting checks run in the order of POSTING_CHECK_ORDER and the first failing check
 * wins, so the same bad entry always gets the same code. The other operations (reversal,
 * periods, chart, entities) have their own codes. Each code carries an English message
 * for logs and API clients; documents shown to users translate them.
 */

export const REJECTIONS = {
  // Posting an entry, in precedence order.
  entry_date_malformed: 'The accounting date is not a valid calendar date in YYYY-MM-DD form.',
  description_required: 'An entry needs a description of its content.',
  too_few_lines: 'A double entry needs at least two lines.',
  too_many_lines: 'The entry has more lines than one entry may carry.',
  line_side_invalid: 'Each line must carry exactly one of a debit or a credit amount.',
  amount_malformed: 'The amount is not a plain decimal within range and the scale of its currency.',
  amount_not_positive: 'Amounts must be greater than zero.',
  account_unknown: 'The account does not exist in this fund’s chart.',
  account_inactive: 'The account has been deactivated.',
  account_not_postable: 'The account has sub-accounts; post to one of them.',
  account_off_balance: 'Off-balance accounts are single-entry records and never take part in a balanced entry.',
  memo_account_not_off_balance: 'Quantity and original-currency records go to off-balance accounts only.',
  currency_unknown: 'The currency is not a known ISO 4217 code, or is the accounting currency itself.',
  foreign_amount_without_rate: 'A foreign-currency amount needs its currency, its original amount and its rate together.',
  foreign_amount_mismatch: 'The VND amount does not equal the original amount times the rate, rounded to the đồng.',
  campaign_unknown: 'The campaign does not exist in this fund.',
  bank_account_unknown: 'The bank or treasury account does not belong to this fund.',
  allocation_unknown: 'No such line of an allocation decision in this fund.',
  entry_must_balance: 'Total debits must equal total credits.',
  date_outside_open_year: 'The date does not fall in an open fiscal year of this fund.',
  period_locked: 'The month of the date is locked.',
  campaign_not_started: 'The campaign had not been launched on that date.',
  campaign_receiving_closed: 'The campaign no longer receives on that date; only an extension decision moves its end.',
  campaign_distribution_closed: 'The campaign’s distribution had ended on that date.',
  campaign_account_mismatch: 'A campaign’s money goes through its own bank or treasury accounts only, and no other money goes through them.',
  allocation_mismatch: 'A payment citing an allocation line pays that line’s campaign from an expenditure account.',
  campaign_cost_forbidden: 'Mobilising and distribution costs may not be charged to a campaign’s donations.',
  designation_mismatch: 'Designated money does not fit the campaign: it accepts none, or the designation holds less.',
  fund_limit_reached: 'The entry would take the fund’s lifetime debits, or its quantities and foreign amounts, above 10^15 minor units, the most its books can add up.',
  management_cost_forbidden: 'This fund’s policy forbids paying management costs from the fund.',
  management_cost_cap_exceeded: 'The entry would take management costs above the fund’s yearly cap.',
  balance_would_go_negative: 'A cash, bank or goods account would go below zero.',
  off_balance_would_go_negative: 'More quantity or foreign currency would go out than is held.',
  allocation_exceeded: 'Payments on an allocation line may not go past what the decision allocated.',

  // Reversal.
  entry_not_found: 'No such entry in this fund.',
  entry_already_reversed: 'The entry has already been reversed.',
  entry_not_reversible: 'Reversals and year-end closing entries cannot be reversed; reopen the year instead.',
  entry_owned_by_voucher: 'The entry was posted from a voucher; cancel the voucher, which reverses its entry.',

  // Periods and fiscal years.
  period_unknown: 'The month does not belong to any fiscal year of this fund.',
  period_already_locked: 'The month is already locked.',
  period_not_locked: 'The month is not locked.',
  reason_required: 'This act must be recorded with a reason.',
  year_closed: 'The fiscal year is closed.',
  year_unknown: 'The fiscal year does not exist for this fund.',
  year_exists: 'The fiscal year is already open or closed; years open one after another.',
  year_not_closed: 'The fiscal year is not closed.',
  previous_year_open: 'The previous fiscal year must be closed first.',
  next_year_closed: 'The following fiscal year is closed; reopen it first.',
  date_range_invalid: 'The date range needs valid from and to dates, with from not after to.',

  // Chart of accounts.
  account_code_taken: 'The account code is already used in this fund’s chart.',
  account_code_must_extend_parent: 'A sub-account’s code must start with its parent’s code and be longer.',
  account_has_postings: 'The account already has postings and cannot gain sub-accounts.',
  account_has_balance: 'The account still has a balance.',
  account_has_active_children: 'Deactivate the sub-accounts first.',
  chart_malformed: 'The chart file is not a valid chart of accounts.',
  chart_in_use: 'The fund already has postings; its chart can no longer be replaced.',

  // Dimensions.
  campaign_code_taken: 'Another campaign of this fund already uses this code.',
  legal_basis_unknown: 'No such legal basis for campaigns, or none governs this kind of campaign launched on that date.',
  campaign_extension_not_allowed: 'A fund of this level may not extend a campaign under its legal basis.',
  disclosure_not_found: 'No such published disclosure of this fund and campaign.',
  disclosure_already_superseded: 'That publication has already been superseded; correct the latest one.',
  support_level_code_taken: 'The campaign already has a support level with this code.',
  support_level_unknown: 'The campaign has no support level with this code.',
  campaign_use_unknown: 'The campaign’s legal basis lists no use of donations with this number.',
  allocation_number_taken: 'The fund already has an allocation decision with this number.',
  allocation_recipient_unknown: 'An allocation goes to a fund directly below this one, or to households.',
  allocation_amount_mismatch: 'A line at a support level gives that level’s amount times the number of units.',

  // Files.
  misa_template_unavailable: 'That MISA product has no import template of this kind (AMIS’s cash payment and general voucher were not found).',
  misa_export_invalid: 'MISA would refuse part of the export (the validation report lists it): fix the mapping or the vouchers, or export only the clean vouchers.',
  misa_file_unreadable: 'The file is not an XLSX workbook, or a zip of them, that can be read.',
  misa_layout_unknown: 'No sheet of the file has the header row of a MISA template this product knows.',
  misa_import_invalid: 'Some rows of the file cannot become vouchers of this fund (the import report lists them); nothing was imported.',
  feed_auth_unknown: 'That provider’s deliveries are not checked that way (SePay: apikey or hmac; Casso: v1 or v2).',
  campaign_pattern_invalid: 'The pattern that reads a campaign from a transfer’s remark must hold {code} once and be at most 100 characters.',
  statement_batch_unknown: 'The fund has no imported statement with this id.',
  statement_row_not_in_review: 'That row of the statement is not held for review (or, held by a campaign rule, can only be released as a transfer of its own).',
  review_target_invalid: 'A reviewed row can be decided to be a transfer of the same account, amount and direction, from another statement or a feed, that no row of its statement already is.',
  statement_layout_unknown: 'The statement’s header row is not one of a layout this importer knows, or not the layout asked for.',
  statement_scanned: 'The PDF has no text layer (a scanned image); give the bank’s text PDF or its CSV or XLSX export.',
  seal_image_invalid: 'The seal image is not a PNG or JPEG of the type it was sent as, is smaller than a seal prints, or is damaged.',
  seal_image_too_large: 'The seal image is larger than a seal needs, in bytes or in pixels.',
  seal_image_none: 'The fund has no seal image.',
  statement_year_required: 'The statement prints dates without the year; give the year.',
  statement_row_invalid: 'A row of the statement has a date or an amount that cannot be read; nothing was imported.',
  statement_control_mismatch: 'The statement’s rows do not reproduce the bank’s own figures (its balances, counts or sums); nothing was imported.',
  journal_malformed: 'The journal text cannot be read.',

  // Entities.
  entity_code_taken: 'Another fund already uses this code.',
  entity_unknown: 'No such fund.',
  entity_limit_reached: 'The installation already keeps the most funds whose books can be summed together.',
  level_unknown: 'The administrative level is not defined.',
  regime_unknown: 'The accounting regime is not defined.',
  bank_account_number_taken: 'The fund already has a bank or treasury account with this number.',

  // Users, roles and tokens.
  user_unknown: 'No such user.',
  user_name_taken: 'Another user already has this name.',
  role_already_granted: 'The user already holds this role on this fund.',
  grant_unknown: 'The user holds no such grant.',
  token_unknown: 'No such token.',
  token_already_revoked: 'The token has already been revoked.',
  user_beyond_reach: 'The user holds roles on funds you do not administer.',
  forbidden: 'Your roles do not allow this here.',

  // Vouchers.
  voucher_not_found: 'No such voucher in this fund.',
  voucher_lines_required: 'A general voucher gives its entry’s lines.',
  voucher_purpose_required: 'A payment names its purpose (housing, healthcare, gifts …) or gives its lines.',
  voucher_purpose_invalid: 'The purpose is unknown, or is not one this kind of voucher can have.',
  voucher_amount_required: 'A money voucher needs its amount, or its original foreign amount and rate.',
  voucher_goods_required: 'A goods voucher lists its goods with quantity, unit and value.',
  voucher_goods_not_allowed: 'Only goods vouchers list goods.',
  voucher_goods_amount_not_allowed: 'A goods voucher takes its value from its goods, in VND.',
  voucher_bank_account_required: 'Name the bank account: the fund has none or several in this currency.',
  voucher_beneficiaries_total_mismatch: 'The beneficiaries’ amounts must add up to the voucher’s total.',
  voucher_not_draft: 'Only a draft or approved voucher, not yet posted, can be changed, approved, deleted or posted.',
  voucher_already_approved: 'The voucher is already approved.',
  voucher_approval_required: 'This fund requires an approver to approve this kind of voucher before it is posted.',
  voucher_not_posted: 'Only a posted voucher can be cancelled.',
  voucher_already_cancelled: 'The voucher has already been cancelled.',
  voucher_in_transfer: 'The voucher is one side of a transfer between funds: it is posted when the transfer is made or confirmed, and a transfer is corrected by a transfer back.',
  voucher_number_format_invalid: 'The number format needs {number}, knows {prefix}, {number:N}, {year} and {yy}, and must stay within 20 characters.',
  voucher_number_too_long: 'The voucher number would be longer than 20 characters.',

  // Transfers between fund levels.
  transfer_not_found: 'No such transfer.',
  transfer_same_fund: 'A transfer goes from one fund to another.',
  transfer_not_in_transit: 'The transfer has already been received.',

  // Books and reports.
  period_invalid: 'The period must be a year (2024), a half (2024-H1), a quarter (2024-Q3) or a month (2024-10).',
  book_subject_required: 'This book is kept per subject: name the account, counterparty, campaign or designation.',
  counterparty_unknown: 'No such counterparty in this fund.',
  report_format_unavailable: 'The document is not written in that format: only the general journal as a ledger journal, a posting version only as PDF.',

  // Requests.
  idempotency_key_reused_with_different_body: 'This Idempotency-Key was already used for a different request.',
} as const;

export type RejectionCode = keyof typeof REJECTIONS;

/** A refusal by the rules, with the path of the offending input where there is one. */
export interface Rejection {
  readonly ok: false;
  readonly code: RejectionCode;
  readonly message: string;
  readonly path?: string;
  readonly detail?: string;
}

export function reject(code: RejectionCode, path?: string, detail?: string): Rejection {
  return {
    ok: false,
    code,
    message: REJECTIONS[code],
    ...(path === undefined ? {} : { path }),
    ...(detail === undefined ? {} : { detail }),
  };
}

export type Result<T> = { readonly ok: true; readonly value: T } | Rejection;

export function accept<T>(value: T): { readonly ok: true; readonly value: T } {
  return { ok: true, value };
}
