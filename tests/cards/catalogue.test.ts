import { describe, expect, it } from 'vitest';
import { CATALOGUE, en, type Messages, messagesFor } from '../../src/cards/messages.js';
import { containsRecoveryPasswordShape } from '../../src/recovery/recovery-password.js';
import { DENIAL_REASONS } from '../../src/recovery/release-policy.js';
import { LANGUAGES } from '../../src/understanding/languages.js';

/** A time as the cards pass it: markup each Teams client formats in its reader's time zone. */
const WHEN = '{{DATE(2025-03-04T08:42:10Z, SHORT)}} {{TIME(2025-03-04T08:42:10Z)}}';
const KEY_ID = '4290B6C0-1A2B';

/**
 * Sample calls for every parameterized message, and which arguments are data that must come out again
 * (names, numbers, Key IDs, times); the rest are choices (booleans, reasons) whose answers must differ.
 * A new function in the catalogue fails the test until it has samples here.
 */
const SAMPLES: {
  readonly [path: string]: { readonly calls: readonly unknown[][]; readonly shows?: boolean };
} = {
  keyIdTooShort: { calls: [[1], [3], [22]], shows: true },
  confirmKeyIdQuestion: { calls: [[KEY_ID]], shows: true },
  confirmKeyIdCorrections: { calls: [[['O → 0', 'l → 1']]], shows: true },
  glad: { calls: [[true], [false]] },
  keyShownAt: { calls: [[WHEN]], shows: true },
  cancelled: { calls: [[true], [false]] },
  'statusOutcomes.guided': { calls: [['Some guide title']], shows: true },
  'release.hidesIn': { calls: [[1], [10]], shows: true },
  'release.blockOf': { calls: [[3, 8]], shows: true },
  'release.needMoreDigits': { calls: [[2], [5]], shows: true },
  'signIn.mismatch': { calls: [['Megan Bowen']], shows: true },
  'signInPage.goBack': { calls: [["Verify it's you"]], shows: true },
  'signInPage.mismatch.body': { calls: [['Megan Bowen']], shows: true },
  'releaseNotice.subject': { calls: [['ALEX-LAPTOP']], shows: true },
  'releaseNotice.lines': {
    calls: [
      [
        {
          requesterName: 'Alex Wilber',
          deviceName: 'ALEX-LAPTOP',
          day: '2025-03-04',
          time: '09:05',
          keyId: '4290B6C0-1A2B-3C4D-5E6F-708192A3B4C5',
        },
      ],
    ],
    shows: true,
  },
  'helpdesk.securityAlert': {
    calls: [
      [
        {
          caseNumber: 42,
          requesterName: 'Alex Wilber',
          keyId: '4290B6C0',
          agentName: 'Lee Gu',
          note: 'odd call',
        },
      ],
    ],
    shows: true,
  },
  'helpdesk.suspiciousContactAlert': { calls: [[42, 'Alex Wilber']], shows: true },
  'helpdesk.probingAlert': { calls: [['Alex Wilber', 7]], shows: true },
  'helpdesk.floodAlert': { calls: [['Alex Wilber', 100]], shows: true },
  'helpdesk.keyFlowInterrupted': { calls: [[42]], shows: true },
  'helpdesk.keyFlowMaybeShown': { calls: [[42]], shows: true },
  'helpdesk.sendKeyFlow.sent': { calls: [['Alex Wilber']], shows: true },
  'helpdesk.sendKeyFlow.severalKeys': { calls: [[3]], shows: true },
  'helpdesk.sendKeyFlow.notReleased': { calls: DENIAL_REASONS.map((reason) => [reason]) },
  'helpdesk.showKeyFlow.shown': { calls: [['Isaiah Langer']], shows: true },
  'helpdesk.showKeyFlow.notShown': { calls: DENIAL_REASONS.map((reason) => [reason]) },
  'helpdesk.caseTitle': { calls: [[42]], shows: true },
  'helpdesk.caseSummary': { calls: [[42, 'Alex Wilber', 'Open']], shows: true },
  'helpdesk.verifiedBy': { calls: [['In person', 'Lee Gu']], shows: true },
  'helpdesk.lastSignIn': { calls: [[WHEN]], shows: true },
  'helpdesk.moreDevices': { calls: [[1], [3]], shows: true },
  'helpdesk.earlierHistory': { calls: [[1], [4], [22]], shows: true },
  'helpdesk.advanced.title': { calls: [[42]], shows: true },
  'helpdesk.revealed.title': { calls: [[42]], shows: true },
  'helpdesk.revealed.onlyYou': { calls: [['Alex Wilber']], shows: true },
  'helpdesk.revealed.hidesIn': { calls: [[10]], shows: true },
  'helpdesk.revealed.hiddenTitle': { calls: [[42]], shows: true },
  'helpdesk.revealed.fallback': { calls: [[42]], shows: true },
  'helpdesk.requester.title': { calls: [[42]], shows: true },
  'helpdesk.reminder': { calls: [[42, 'Alex Wilber', 35]], shows: true },
  'helpdesk.queueTitle': { calls: [[7]], shows: true },
  'helpdesk.queueLine': { calls: [[42, 'Alex Wilber', 'Open']], shows: true },
  'helpdesk.waitingFor': { calls: [[12]], shows: true },
  'helpdesk.moreCases': { calls: [[3]], shows: true },
  'helpdesk.statsTitle': { calls: [['2025-03-04']], shows: true },
  'helpdesk.minutes': { calls: [[1], [7]], shows: true },
  'helpdesk.auditTitle': { calls: [['Alex Wilber']], shows: true },
  'helpdesk.auditEmpty': { calls: [['ALEX-LAPTOP']], shows: true },
  'helpdesk.auditBy': { calls: [['Lee Gu']], shows: true },
  'helpdesk.moreAudit': { calls: [[4]], shows: true },
  'helpdesk.refusals.caseClosed': { calls: [['Resolved']], shows: true },
  'helpdesk.refusals.claimedByOther': { calls: [['Lee Gu']], shows: true },
  'helpdesk.refusals.textTooLong': {
    calls: [
      ['note', 1000],
      ['reason', 500],
    ],
    shows: true,
  },
  'helpdesk.refusals.caseNotFound': { calls: [[42]], shows: true },
};

/** History lines and requester updates take who acted (or nobody), or nothing at all. */
const BY_WHOM = /^helpdesk\.(events|requester\.updates)\./;

type Leaf = { readonly path: string; readonly value: unknown };

function leaves(value: unknown, path = ''): Leaf[] {
  if (typeof value === 'string' || typeof value === 'function') return [{ path, value }];
  if (Array.isArray(value)) return value.flatMap((item, index) => leaves(item, `${path}[${index}]`));
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, inner]) => leaves(inner, path ? `${path}.${key}` : key));
  }
  return [{ path, value }];
}

function text(result: unknown): string {
  return Array.isArray(result) ? result.join('\n') : String(result);
}

const OTHERS = LANGUAGES.filter((language) => language !== 'en');

describe('the message catalogues', () => {
  it('has one catalogue per language the bot understands', () => {
    expect(Object.keys(CATALOGUE).sort()).toEqual([...LANGUAGES].sort());
  });

  it.each(OTHERS)(
    '%s has every entry of English, lists of the same length, functions of the same arity',
    (language) => {
      const shape = (catalogue: Messages) =>
        leaves(catalogue).map(
          ({ path, value }) => `${path}:${typeof value === 'function' ? `fn/${value.length}` : typeof value}`,
        );
      expect(shape(CATALOGUE[language])).toEqual(shape(en));
    },
  );

  it.each(LANGUAGES)('%s puts the data it is given into its words, and tells choices apart', (language) => {
    for (const { path, value } of leaves(CATALOGUE[language])) {
      if (typeof value !== 'function') continue;
      const byWhom = BY_WHOM.test(path);
      const samples =
        SAMPLES[path] ??
        (byWhom ? { calls: value.length === 0 ? [[]] : [['Lee Gu'], [undefined]] } : undefined);
      expect(samples, `samples for ${path}`).toBeDefined();
      const outputs = samples!.calls.map((args) =>
        text((value as (...parameters: unknown[]) => unknown)(...args)),
      );
      for (const [index, output] of outputs.entries()) {
        expect(output.trim(), `${language} ${path}`).not.toBe('');
        expect(output, `${language} ${path}`).not.toMatch(/undefined|\[object Object\]|NaN|\$\{/);
        const args = samples!.calls[index]!;
        if (samples!.shows || (byWhom && args[0] !== undefined)) {
          for (const data of args.flatMap((arg) =>
            typeof arg === 'object' && arg !== null ? Object.values(arg) : [arg],
          )) {
            if (typeof data === 'string' && ['note', 'reason'].includes(data)) continue;
            for (const item of Array.isArray(data) ? data : [data]) {
              if (item === '') continue;
              expect(output, `${language} ${path} shows ${String(item)}`).toContain(String(item));
            }
          }
        }
      }
      if (!samples!.shows && !byWhom && samples!.calls.length > 1) {
        expect(new Set(outputs).size, `${language} ${path} tells its choices apart`).toBe(outputs.length);
      }
    }
  });

  it.each(OTHERS)('%s is really translated: few entries are left as the English words', (language) => {
    const english = new Map(leaves(en).map(({ path, value }) => [path, value]));
    const strings = leaves(CATALOGUE[language]).filter(({ value }) => typeof value === 'string');
    const same = strings.filter(
      ({ path, value }) => english.get(path) === value && /\p{L}{4,}/u.test(String(value)),
    );
    // Names that stay the same in every language: "BitLocker", "Microsoft Graph", "Status", "Helpdesk"…
    expect(same.length / strings.length, same.map(({ path }) => path).join(', ')).toBeLessThan(0.05);
  });

  it.each(LANGUAGES)(
    '%s never holds anything shaped like a recovery password, and keeps the promise',
    (language) => {
      const catalogue = CATALOGUE[language];
      expect(
        containsRecoveryPasswordShape(JSON.stringify(leaves(catalogue).map(({ value }) => String(value)))),
      ).toBe(false);
      expect(catalogue.neverAskForPassword.length).toBeGreaterThan(10);
      // The example Key ID and the error code are never translated.
      expect(catalogue.keyIdPlaceholder).toContain('4290B6C0');
      expect(catalogue.errorCodeHint).toContain('E_FVE_DEVICE_LOCKEDOUT');
    },
  );

  it('counts one minute as one (KEY_VISIBLE_MINUTES may be 1)', () => {
    expect(en.release.hidesIn(1)).toContain('in 1 minute,');
    expect(en.release.hidesIn(10)).toContain('in 10 minutes,');
    expect(en.helpdesk.reminder(7, 'Lee Gu', 1)).toContain('waited 1 minute and');
  });

  it.each([
    ['de-DE', 'de'],
    ['pt-BR', 'pt'],
    ['fr-CA', 'fr'],
    ['nl', 'nl'],
    ['PL-pl', 'pl'],
    ['ja-JP', 'en'],
    [undefined, 'en'],
  ] as const)('messagesFor(%s) speaks %s', (locale, language) => {
    expect(messagesFor(locale)).toBe(CATALOGUE[language]);
  });
});
