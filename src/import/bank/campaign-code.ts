/**
 * A campaign read from a transfer's remark by the fund's pattern: text with `{code}` where a
 * campaign's code stands, as donors are asked to write it (`UH {code}`). The pattern is
 * matched as literal text, any case, with the fund's own campaign codes in the place of
 * `{code}`, so no pattern can make the reading slow; a remark that holds none has no campaign.
 */

export const CODE_PLACE = '{code}';
const MAX_PATTERN = 100;

/** Why a pattern cannot be used, or null when it can. */
export function patternProblem(pattern: string): string | null {
  if (pattern.length > MAX_PATTERN) return `at most ${MAX_PATTERN} characters`;
  if (pattern.split(CODE_PLACE).length !== 2) return `must hold ${CODE_PLACE} once`;
  return null;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function campaignReader(pattern: string, codes: readonly string[]): (remark: string) => string | undefined {
  if (codes.length === 0) return () => undefined;
  const [before = '', after = ''] = pattern.split(CODE_PLACE);
  const byUpper = new Map(codes.map((c) => [c.toUpperCase(), c]));
  const alternatives = [...codes].sort((a, b) => b.length - a.length).map(escape).join('|');
  const spaced = (s: string) => escape(s).replace(/ +/g, '\\s+');
  const regex = new RegExp(`(?<![\\p{L}\\p{N}])${spaced(before)}(${alternatives})${spaced(after)}(?![\\p{L}\\p{N}])`, 'iu');
  return (remark) => {
    const found = regex.exec(remark)?.[1];
    return found === undefined ? undefined : byUpper.get(found.toUpperCase());
  };
}
