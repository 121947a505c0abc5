/** The outcome of filling a template: the text, and every variable that had no value. */
export interface Substitution {
  readonly text: string;
  /** Names without a non-empty value, each once, in order of first use. Empty when the text is complete. */
  readonly missing: readonly string[];
}

// The Microsoft 365 Agents Toolkit's placeholder syntax, so one manifest template serves both the Toolkit
// and `npm run package`.
const PLACEHOLDER = /\$\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

/**
 * Replaces every `${{NAME}}` in a JSON template with its value, escaped for use inside a JSON string
 * literal (where all our placeholders sit), so a value with a quote or backslash cannot break the JSON.
 * An empty value counts as missing: the Toolkit writes `TEAMS_APP_ID=` into env files before provisioning.
 */
export function substitutePlaceholders(
  template: string,
  values: Readonly<Record<string, string | undefined>>,
): Substitution {
  const missing = new Set<string>();
  const text = template.replace(PLACEHOLDER, (placeholder, name: string) => {
    const value = values[name]?.trim();
    if (!value) {
      missing.add(name);
      return placeholder;
    }
    return JSON.stringify(value).slice(1, -1);
  });
  return { text, missing: [...missing] };
}
