/**
 * What public output may say of where a household lives: its commune (xã, phường, thị trấn)
 * and what lies above it, never the hamlet's house numbers, street or the rest of an
 * address. An address naming no commune says nothing.
 */
const COMMUNE = /(?:^|[\s,])((?:xã|phường|thị trấn|thị xã)\s.*)$/iu;

export function publicLocality(address: string): string {
  const found = COMMUNE.exec(address.normalize('NFC'));
  return found?.[1]?.trim() ?? '';
}
