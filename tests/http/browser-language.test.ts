import { describe, expect, it } from 'vitest';
import { browserLanguage } from '../../src/http/auth-routes.js';

describe('the sign-in page’s language, from Accept-Language', () => {
  it.each([
    ['de-DE,de;q=0.9,en-US;q=0.8,en;q=0.7', 'de'],
    ['ja-JP,ja;q=0.9,fr;q=0.5', 'fr'],
    ['en;q=0.2, pl;q=0.8', 'pl'],
    ['pt-BR', 'pt'],
    ['NL-be', 'nl'],
    ['it;q=0, es', 'es'],
    ['*', 'en'],
    ['ja-JP', 'en'],
    ['', 'en'],
    [undefined, 'en'],
    [['fr-CA', 'de'], 'fr'],
    ['de;q=abc, it', 'it'],
  ] as const)('%j → %s', (header, language) => {
    expect(browserLanguage(header as string | string[] | undefined)).toBe(language);
  });
});
