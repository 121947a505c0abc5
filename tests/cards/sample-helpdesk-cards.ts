import {
  advancedView,
  agentSignInCard,
  CASE_EVENTS,
  CASE_STATUSES,
  type CaseView,
  caseCard,
  REQUESTER_UPDATE_KINDS,
  requesterUpdateCard,
  revealedKeyHiddenCard,
  revealedKeyView,
} from '../../src/cards/case-card.js';
import { auditCard, queueCard, statsCard } from '../../src/cards/helpdesk-cards.js';
import { en } from '../../src/cards/messages.js';
import { parseRecoveryPassword } from '../../src/recovery/recovery-password.js';

/** A valid recovery password (every block divisible by 11 and below 720896), for the revealed-key view. */
export const DIGITS = '496298-461032-321464-595518-463221-173943-033616-139579';
export const password = parseRecoveryPassword(DIGITS)!;
export const KEY_ID = '4290b6c0-1a2b-4c3d-8e9f-0a1b2c3d4e5f';

/** A case as the cards show it: case 12, version 3, Alex Wilber, two PCs, a short history. */
export function aCase(overrides: Partial<CaseView> = {}): CaseView {
  return {
    number: 12,
    version: 3,
    status: 'open',
    requester: { name: 'Alex Wilber', upn: 'AlexW@contoso.example' },
    keyId: '4290B6C01A2B',
    reason: 'notReleasable',
    answers: { rootCause: 'firmwareUpdate', deviceKind: 'workPc', errorCode: 'E_FVE_BAD_CODE_ID' },
    devices: [
      {
        name: 'ALEX-LAPTOP',
        deviceId: '6a0a2c8e-8f4f-4f7e-9d0a-3f1c2b4d5e6f',
        trustType: 'AzureAd',
        lastSignInAt: '2025-03-02T08:15:00.123Z',
      },
      { name: 'ALEX-OLD-DESKTOP', deviceId: '7b1b3d9f-0a5a-4a8f-8e1b-4a2d3c5e6f70', trustType: 'ServerAd' },
    ],
    history: [
      { at: '2025-03-03T09:00:00Z', event: 'opened' },
      { at: '2025-03-03T09:00:02Z', event: 'posted' },
      { at: '2025-03-03T09:05:00Z', event: 'noteAdded', by: 'Alex Wilber', note: 'Call me after 10' },
      {
        at: '2025-03-03T09:20:00Z',
        event: 'verificationRecorded',
        by: 'Megan Bowen',
        method: 'managerConfirmation',
        note: 'Manager on Teams',
      },
    ],
    createdAt: '2025-03-03T09:00:00Z',
    updatedAt: '2025-03-03T09:05:00Z',
    ...overrides,
  };
}

/** A case as it looks in each status: owner once claimed, verification once verified. */
export function aCaseIn(status: CaseView['status']): CaseView {
  const claimed = status !== 'open' && status !== 'reopened' && status !== 'cancelled';
  const verified = ['verified', 'released', 'resolved'].includes(status);
  return aCase({
    status,
    ...(claimed ? { owner: { name: 'Megan Bowen' } } : {}),
    ...(verified
      ? {
          verification: {
            method: 'videoCallPhotoId' as const,
            by: 'Megan Bowen',
            at: '2025-03-03T09:20:00Z',
          },
        }
      : {}),
  });
}

/** Every helpdesk card in the states and shapes an agent or requester meets, by name. */
const baseCards = CASE_STATUSES.map((status) => ({
  name: `case card, ${status}`,
  card: caseCard(aCaseIn(status), en),
}));
/** "Now" for the queue and reminder samples. */
export const NOW = '2025-03-03T09:47:30Z';
const otherCards = [
  { name: 'case card with a notice', card: caseCard(aCase(), en, { notice: en.helpdesk.refusals.changed }) },
  {
    name: 'case card, many devices and a long history',
    card: caseCard(
      aCase({
        devices: Array.from({ length: 9 }, (_, index) => ({
          name: `PC-${index}`,
          deviceId: `00000000-0000-0000-0000-00000000000${index}`,
          trustType: 'Workplace' as const,
        })),
        history: CASE_EVENTS.map((event, index) => ({
          at: `2025-03-03T09:${String(index).padStart(2, '0')}:00Z`,
          event,
          by: 'Megan Bowen',
        })),
      }),
      en,
    ),
  },
  {
    name: 'case card without Key ID or answers',
    card: caseCard(aCase({ keyId: undefined, answers: {}, devices: [] }), en),
  },
  { name: 'advanced view', card: advancedView(aCaseIn('verified'), en) },
  {
    name: 'revealed-key view',
    card: revealedKeyView(
      {
        caseNumber: 12,
        caseVersion: 4,
        requesterName: 'Alex Wilber',
        deviceName: 'ALEX-LAPTOP',
        keyId: KEY_ID,
        visibleMinutes: 5,
      },
      password,
      en,
    ),
  },
  {
    name: 'revealed key hidden',
    card: revealedKeyHiddenCard(12, en),
  },
  {
    name: 'agent sign-in for Show key',
    card: agentSignInCard(
      {
        case: aCaseIn('verified'),
        notice: en.helpdesk.showKeyFlow.signInNotice,
        button: en.helpdesk.showKeyFlow.signInButton,
        url: 'https://bot.example.com/auth/start?s=state',
      },
      en,
    ),
  },
  ...REQUESTER_UPDATE_KINDS.map((kind) => ({
    name: `requester update, ${kind}`,
    card: requesterUpdateCard({ kind, caseNumber: 12, caseVersion: 4, agentName: 'Megan Bowen' }, en),
  })),
  { name: 'queue, empty', card: queueCard([], NOW, en) },
  {
    name: 'queue',
    card: queueCard(
      [
        {
          number: 14,
          status: 'open',
          requesterName: 'Adele Vance',
          reason: 'riskStop',
          createdAt: '2025-03-03T09:40:00Z',
        },
        {
          number: 12,
          status: 'claimed',
          requesterName: 'Alex Wilber',
          keyId: '4290B6C0',
          reason: 'notReleasable',
          createdAt: '2025-03-03T09:00:00Z',
          ownerName: 'Megan Bowen',
        },
      ],
      NOW,
      en,
    ),
  },
  {
    name: 'stats',
    card: statsCard(
      {
        day: '2025-03-03',
        requests: 40,
        selfServed: 31,
        escalated: 9,
        medianMinutesToKey: 3.6,
        topReasons: [
          { cause: 'windowsUpdate', count: 4 },
          { cause: 'firmwareUpdate', count: 21 },
        ],
      },
      en,
    ),
  },
  {
    name: 'stats, quiet day',
    card: statsCard({ day: '2025-03-03', requests: 0, selfServed: 0, escalated: 0, topReasons: [] }, en),
  },
  { name: 'audit, empty', card: auditCard('ALEX-LAPTOP', [], en) },
  {
    name: 'audit',
    card: auditCard(
      'alexw',
      [
        {
          at: '2025-03-03T09:30:00Z',
          correlationId: 'c-2',
          decision: 'released',
          requester: { objectId: 'o', tenantId: 't', displayName: 'Alex Wilber' },
          deviceName: 'ALEX-LAPTOP',
          keyId: KEY_ID,
          actor: 'Megan Bowen',
        },
        {
          at: '2025-03-03T09:00:00Z',
          correlationId: 'c-1',
          decision: 'escalated',
          reason: 'notReleasable',
          requester: { objectId: 'o', tenantId: 't' },
        },
      ],
      en,
    ),
  },
];
export const ALL_HELPDESK_CARDS = [...baseCards, ...otherCards];

/** One sample by its name; throws when there is none, so a renamed sample fails loudly. */
export function sampleCard(name: string): (typeof ALL_HELPDESK_CARDS)[number]['card'] {
  const found = ALL_HELPDESK_CARDS.find((entry) => entry.name === name);
  if (!found) throw new Error(`no helpdesk sample card named "${name}"`);
  return found.card;
}
