/** The group lengths of a Key ID as the recovery screen prints it: a GUID, 8-4-4-4-12. */
const GROUPS = [8, 4, 4, 4, 12] as const;
const KEY_ID_LENGTH = 32;

/**
 * A Key ID (prefix) for display, grouped the way the blue screen shows it, so the person can compare
 * by eye: `4290B6C01A2B` → `4290B6C0-1A2B`. Only hex digits survive, at most 32: a card can never echo
 * anything else that was typed, such as a pasted recovery password.
 */
export function formatKeyId(keyId: string): string {
  const hex = keyId
    .toUpperCase()
    .replace(/[^0-9A-F]/g, '')
    .slice(0, KEY_ID_LENGTH);
  const groups: string[] = [];
  let start = 0;
  for (const length of GROUPS) {
    if (start >= hex.length) break;
    groups.push(hex.slice(start, start + length));
    start += length;
  }
  return groups.join('-');
}
