/** Values as JSON carries them: every bigint (money, quantities in minor units) a decimal string. */

/** The value as JSON carries it: every bigint a decimal string. */
export type Jsonified<T> = T extends bigint
  ? string
  : T extends readonly (infer U)[]
    ? Jsonified<U>[]
    : T extends object
      ? { -readonly [K in keyof T]: Jsonified<T[K]> }
      : T;

/** A JSON.stringify replacer that writes bigints as decimal strings. */
export const bigintAsText = (_key: string, value: unknown): unknown => (typeof value === 'bigint' ? value.toString() : value);
