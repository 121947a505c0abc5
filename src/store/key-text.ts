/**
 * Returns `value` when it can be a key or indexed column on both backends: a non-empty string (empty
 * would collide or match everything) without NUL, which PostgreSQL text cannot hold. Otherwise throws a
 * `TypeError` naming `field`, never the value.
 */
export function requireKeyText(value: unknown, field: string): string {
  if (!isKeyText(value)) {
    throw new TypeError(`${field} must be a non-empty string without NUL characters`);
  }
  return value;
}

/** Whether `value` could be a stored key; a lookup by anything else finds nothing, without asking the database. */
export function isKeyText(value: unknown): value is string {
  return typeof value === 'string' && value !== '' && !value.includes('\u0000');
}
