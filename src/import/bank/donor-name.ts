/**
 * The sender's name in a transfer's remark, where the bank's shapes print one
 * (BANK-STATEMENTS.md): Vietcombank's `MBVCB.<id>.<NAME> …` and `CT tu <account> <NAME> toi`,
 * VietinBank's `CT nhanh 247 den: <NAME> …`, and a remark that opens with the name before
 * `chuyen tien` or `ung ho`. The patterns are data; a remark none of them reads has no name.
 */

const NAME = "([A-Za-zÀ-ỹ][A-Za-zÀ-ỹ'.]*(?: [A-Za-zÀ-ỹ][A-Za-zÀ-ỹ'.]*){1,6}?)";

export const DONOR_PATTERNS: readonly RegExp[] = [
  new RegExp(`CT tu [0-9x*]+ ${NAME} toi `),
  new RegExp(`MBVCB\\.\\d+\\.(?:\\d+\\.)?${NAME} (?:chuyen|ung ho|gui|ck )`, 'i'),
  new RegExp(`CT nhanh 247 den: ${NAME} (?:chuyen|ung ho|gui)`, 'i'),
  new RegExp(`^${NAME} (?:chuyen tien|chuyen khoan|ung ho)`, 'i'),
];

/** Words that open a remark without being a name. */
const NOT_NAMES = /^(ung ho|chuyen tien|chuyen khoan|ct |ibvcb|mbvcb|vcb|napas)/i;

export function donorName(remark: string): string | null {
  for (const pattern of DONOR_PATTERNS) {
    const name = pattern.exec(remark)?.[1]?.trim();
    if (name && !NOT_NAMES.test(name)) return name;
  }
  return null;
}

/** What a bank prints in its sender column for a transfer from another bank: a channel, not a name. */
const NOT_SENDERS = /^(chuyen tien lien ngan hang|napas)/i;

/** The donor of a transfer: the sender column where the bank prints a name there, else the name in the remark. */
export function donorOf(remark: string, sender: string | null): string | null {
  return sender !== null && !NOT_SENDERS.test(sender) ? sender : donorName(remark);
}
