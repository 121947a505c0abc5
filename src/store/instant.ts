/**
 * `YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM)`: the ISO-8601 instants the ports take. A zone designator is
 * required, because a local time means a different instant on every server.
 */
const ISO_INSTANT =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(?:(Z)|([+-])(\d{2}):(\d{2}))$/;

/** The span both backends hold identically: PostgreSQL has no year 0, and `toISOString` turns 5-digit years into `+YYYYYY`. */
const EARLIEST = new Date('0001-01-01T00:00:00.000Z').getTime();
const LATEST = new Date('9999-12-31T23:59:59.999Z').getTime();

/**
 * Reads an ISO-8601 instant into epoch milliseconds, the form both backends compare correctly (SQLite as
 * an integer, PostgreSQL as `timestamptz`): comparing the text itself would put `11:00+02:00` after
 * `10:00Z`. Digits below the millisecond are dropped. Throws a `TypeError` naming `field` (never the
 * value) for anything else, including dates that do not exist such as February 30.
 */
export function parseInstant(text: unknown, field: string): number {
  const match = typeof text === 'string' ? ISO_INSTANT.exec(text) : null;
  if (match === null) {
    throw new TypeError(`${field} must be an ISO-8601 instant with a zone, e.g. 2025-06-20T09:16:41.007Z`);
  }
  const [, year, month, day, hour, minute, second, fraction = '', zulu, sign, offsetHours, offsetMinutes] =
    match;
  const date = new Date(0);
  // setUTCFullYear, unlike Date.UTC, does not read years 0–99 as 1900–1999.
  date.setUTCFullYear(Number(year), Number(month) - 1, Number(day));
  date.setUTCHours(Number(hour), Number(minute), Number(second), Number(fraction.padEnd(3, '0').slice(0, 3)));
  const exists =
    date.getUTCFullYear() === Number(year) &&
    date.getUTCMonth() === Number(month) - 1 &&
    date.getUTCDate() === Number(day) &&
    date.getUTCHours() === Number(hour) &&
    date.getUTCMinutes() === Number(minute) &&
    date.getUTCSeconds() === Number(second);
  const offsetValid = zulu === 'Z' || (Number(offsetHours) <= 23 && Number(offsetMinutes) <= 59);
  if (!exists || !offsetValid) throw new TypeError(`${field} is not a date and time that exists`);
  const offsetMs =
    zulu === 'Z' ? 0 : (sign === '-' ? -1 : 1) * (Number(offsetHours) * 60 + Number(offsetMinutes)) * 60_000;
  return requireStorable(date.getTime() - offsetMs, field);
}

/** Epoch milliseconds back into the canonical form the ports return (what `Date#toISOString` writes). */
export function formatInstant(epochMs: number): string {
  return new Date(epochMs).toISOString();
}

/** `epochMs` when both backends can hold it; a `TypeError` naming `field` otherwise. */
export function requireStorable(epochMs: number, field: string): number {
  if (!Number.isSafeInteger(epochMs) || epochMs < EARLIEST || epochMs > LATEST) {
    throw new TypeError(`${field} must lie between the years 0001 and 9999`);
  }
  return epochMs;
}
