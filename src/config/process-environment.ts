/**
 * The process environment, read in this one place so that every other module gets configuration as a
 * parameter (and tests can pass their own).
 */
export function processEnvironment(): Readonly<Record<string, string | undefined>> {
  return process.env;
}
