import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type AdaptiveCard,
  CARD_INPUTS,
  CARD_VERBS,
  type CardAction,
  type CardElement,
  type SubmitAction,
} from '../../src/cards/adaptive-card.js';
import { en, type Messages } from '../../src/cards/messages.js';
import { type OutgoingMessage, renderReply } from '../../src/cards/render-reply.js';
import { type Reply, ROOT_CAUSES } from '../../src/recovery/triage-types.js';
import { cardProblems } from './card-problems.js';
import { allSampleReplies, aRequest, SAMPLE_DATA } from './sample-replies.js';
import { visibleTexts } from './visible-texts.js';

const RECOVERY_PASSWORD = /\d{6}(-\d{6}){7}/;
const VERIFY_URL = 'https://bot.example.com/auth/start?request=R-M7UX3K2O';
const SAMPLES = allSampleReplies();
/** Each sample rendered both ways: with and without a sign-in URL. */
const RENDERED = SAMPLES.flatMap(({ name, reply }) => [
  { name, reply, messages: renderReply(reply, en) },
  { name: `${name} (sign-in on)`, reply, messages: renderReply(reply, en, { verifyUrl: VERIFY_URL }) },
]);
const CARDS = RENDERED.flatMap(({ name, messages }) =>
  messages.flatMap((message, index) =>
    message.kind === 'card' ? [{ name: `${name} card ${index + 1}`, card: message.card }] : [],
  ),
);

function onlyCard(reply: Reply, messages: Messages = en, verifyUrl?: string): AdaptiveCard {
  const rendered = renderReply(reply, messages, verifyUrl === undefined ? {} : { verifyUrl });
  expect(rendered).toHaveLength(1);
  const [message] = rendered;
  if (message?.kind !== 'card') throw new Error(`expected a card for ${reply.type}, got ${message?.kind}`);
  return message.card;
}

function onlyText(reply: Reply, messages: Messages = en): string {
  const rendered = renderReply(reply, messages);
  expect(rendered).toHaveLength(1);
  const [message] = rendered;
  if (message?.kind !== 'text') throw new Error(`expected text for ${reply.type}, got ${message?.kind}`);
  return message.text;
}

function allTexts(card: AdaptiveCard): string {
  return visibleTexts({ kind: 'card', card }).join('\n');
}

type InputElement = Extract<CardElement, { type: 'Input.Text' | 'Input.ChoiceSet' }>;

function inputs(card: AdaptiveCard): InputElement[] {
  return card.body.filter(
    (element): element is InputElement => element.type === 'Input.Text' || element.type === 'Input.ChoiceSet',
  );
}

/** Every button of a card: its actions, rows of buttons in the body (also inside containers), inline sends. */
function allActions(card: AdaptiveCard): CardAction[] {
  const inBody = (elements: readonly CardElement[]): CardAction[] =>
    elements.flatMap((element) => {
      if (element.type === 'ActionSet') return [...element.actions];
      if (element.type === 'Container') return inBody(element.items);
      if (element.type === 'Input.Text' && element.inlineAction) return [element.inlineAction];
      return [];
    });
  return [...inBody(card.body), ...(card.actions ?? [])];
}

function elementIds(elements: readonly CardElement[]): string[] {
  return elements.flatMap((element) => [
    ...('id' in element && element.id ? [element.id] : []),
    ...(element.type === 'Container' ? elementIds(element.items) : []),
  ]);
}

describe('renderReply: every variant', () => {
  it('has samples for every Reply variant', () => {
    expect(new Set(SAMPLES.map(({ reply }) => reply.type)).size).toBe(25);
  });

  it.each(RENDERED)('$name renders one or more messages with words in them', ({ messages }) => {
    expect(messages.length).toBeGreaterThan(0);
    for (const message of messages) {
      for (const text of visibleTexts(message)) expect(text.trim()).not.toBe('');
    }
  });

  it.each(CARDS)('$name parses as Adaptive Card 1.5 with no errors or warnings', ({ card }) => {
    expect(cardProblems(card)).toEqual([]);
  });

  it.each(CARDS)(
    '$name is phone-first: 1.5, fallback text, wrapping text, nothing fixed-width',
    ({ card }) => {
      expect(card.version).toBe('1.5');
      expect(card.type).toBe('AdaptiveCard');
      expect(card.fallbackText.trim().length).toBeGreaterThan(10);
      expect(card.body[0]?.type).toBe('TextBlock');
      for (const element of card.body) {
        if (element.type === 'TextBlock') expect(element.wrap).toBe(true);
        if (element.type === 'Input.ChoiceSet')
          expect([element.style, element.wrap]).toEqual(['expanded', true]);
      }
      const json = JSON.stringify(card);
      expect(json).not.toMatch(/"(ColumnSet|Column|Image|Table)"|"(width|minHeight|height)":/);
      expect(card.actions?.length ?? 0).toBeLessThanOrEqual(3);
    },
  );

  it.each(CARDS)('$name: every button carries a known verb or opens an https page', ({ card }) => {
    const verbs: readonly string[] = Object.values(CARD_VERBS);
    for (const action of allActions(card)) {
      if (action.type === 'Action.Submit') expect(verbs).toContain(action.data.verb);
      else if (action.type === 'Action.OpenUrl') expect(new URL(action.url).protocol).toBe('https:');
      else if (action.type === 'Action.ToggleVisibility') {
        for (const target of action.targetElements) expect(elementIds(card.body)).toContain(target.elementId);
      } else expect.unreachable(`triage cards use no ${action.type}`);
    }
  });

  it.each(CARDS)('$name: inputs use the shared ids, once each, with labels', ({ card }) => {
    const ids = inputs(card).map((input) => input.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const input of inputs(card)) {
      expect(Object.values(CARD_INPUTS)).toContain(input.id);
      expect(input.label.trim()).not.toBe('');
      if (input.isRequired) expect(input.errorMessage?.trim()).toBeTruthy();
    }
  });

  it('never shows a recovery password in any rendered message', () => {
    for (const { messages } of RENDERED) expect(JSON.stringify(messages)).not.toMatch(RECOVERY_PASSWORD);
  });

  it('never echoes a recovery password, whatever arrives as a Key ID', () => {
    const password = fc
      .array(fc.integer({ min: 0, max: 65535 }), { minLength: 8, maxLength: 8 })
      .map((blocks) => blocks.map((block) => String(block * 11).padStart(6, '0')).join('-'));
    const keyId = fc.oneof(
      fc.string(),
      password,
      fc.tuple(fc.string(), password, fc.string()).map((parts) => parts.join('')),
    );
    fc.assert(
      fc.property(keyId, (value) => {
        const replies: Reply[] = [
          { type: 'confirmKeyId', keyId: value, corrections: [] },
          { type: 'askAnswers', keyId: value, askDeviceKind: true },
          { type: 'verify', request: aRequest({ keyId: value }) },
          { type: 'caseRequested', reason: 'requesterAsked', keyId: value },
          {
            type: 'status',
            state: {
              step: 'confirmingKeyId',
              requestId: 'R',
              startedAt: '',
              updatedAt: '',
              misses: 0,
              candidate: value,
            },
          },
        ];
        for (const reply of replies)
          expect(JSON.stringify(renderReply(reply, en))).not.toMatch(RECOVERY_PASSWORD);
      }),
    );
  });
});

describe('renderReply: the words come from the catalogue', () => {
  /** Every string of the catalogue replaced by «its path», every function by one that names its arguments. */
  function markedCatalogue(value: unknown, path: string): unknown {
    if (typeof value === 'string') return `«${path}»`;
    if (typeof value === 'function')
      return (...args: unknown[]) => `«${path}(${args.map(String).join(',')})»`;
    if (Array.isArray(value)) return value.map((item, index) => markedCatalogue(item, `${path}.${index}`));
    if (value !== null && typeof value === 'object') {
      return Object.fromEntries(
        Object.entries(value).map(([key, item]) => [key, markedCatalogue(item, `${path}.${key}`)]),
      );
    }
    return value;
  }
  // The marked copy has the catalogue's exact shape, built by walking it; TypeScript cannot see that.
  const marked = markedCatalogue(en, 'en') as Messages;

  function unmarked(text: string): string {
    let rest = text;
    for (let previous = ''; previous !== rest; ) {
      previous = rest;
      rest = rest.replace(/«[^«»]*»/g, '');
    }
    for (const data of SAMPLE_DATA) rest = rest.replaceAll(data, '');
    return rest;
  }

  it.each(SAMPLES)('$name has no words of its own besides catalogue entries and data', ({ reply }) => {
    for (const options of [{}, { verifyUrl: VERIFY_URL }]) {
      for (const message of renderReply(reply, marked, options)) {
        // Numbering, bullets and fact separators are layout, not words.
        for (const text of visibleTexts(message)) expect(unmarked(text)).toMatch(/^[\s\d.•:-]*$/);
      }
    }
  });

  it('uses every catalogue entry except the ones the Teams edge sends itself', () => {
    const read = new Set<string>();
    const recording = new Proxy(en, {
      get(target, property, receiver) {
        if (typeof property === 'string') read.add(property);
        return Reflect.get(target, property, receiver);
      },
    });
    for (const { reply } of SAMPLES) {
      renderReply(reply, recording);
      renderReply(reply, recording, { verifyUrl: VERIFY_URL, caseNumber: 7 });
    }
    // Sent by the edge itself, by the release card builders (release-card.ts), by the sign-in pages
    // (http/auth-routes.ts), or by the helpdesk's cards.
    const edgeOnly = [
      'release',
      'signIn',
      'signInPage',
      'keyHidden',
      'releaseNotice',
      'groupChatRedirect',
      'turnError',
      'slowDown',
      'helpdesk',
    ];
    expect(Object.keys(en).filter((key) => !read.has(key))).toEqual(edgeOnly);
  });

  it('changes its words when another catalogue is passed in', () => {
    const other: Messages = {
      ...en,
      askKeyIdTitle: 'Wie lautet die Schlüssel-ID?',
      notAKeyId: 'Das ist keine Schlüssel-ID.',
    };
    expect(onlyCard({ type: 'askKeyId', noted: {} }, other).body[0]).toMatchObject({
      text: 'Wie lautet die Schlüssel-ID?',
    });
    expect(onlyText({ type: 'notAKeyId' }, other)).toBe('Das ist keine Schlüssel-ID.');
    expect(onlyCard({ type: 'askKeyId', noted: {} }).body[0]).toMatchObject({ text: en.askKeyIdTitle });
  });
});

describe('renderReply: what each reply says', () => {
  it('keeps the welcome card: title, the promise, a box for the Key ID with its send button, two more starts', () => {
    const card = onlyCard({ type: 'welcome' });
    expect(card.body[0]).toMatchObject({ text: 'BitLocker recovery' });
    expect(allTexts(card)).toContain('I will never ask for your password or an MFA code.');
    expect(inputs(card)).toEqual([
      expect.objectContaining({
        type: 'Input.Text',
        id: 'keyId',
        label: 'Key ID from the blue screen',
        isRequired: true,
        inlineAction: expect.objectContaining({ title: 'Send', data: { verb: 'submitKeyId' } }),
      }),
    ]);
    expect(allTexts(card)).toMatch(/in your own words/);
    expect(
      card.actions?.map((action) => [
        action.title,
        action.type === 'Action.Submit' && action.associatedInputs,
      ]),
    ).toEqual([
      ['Where do I find the Key ID?', 'none'],
      ['Talk to IT', 'none'],
    ]);
  });

  it('explains where the Key ID is, including the Windows 11 hints', () => {
    const card = onlyCard({ type: 'whereIsKeyId' });
    expect(card.body[0]).toMatchObject({ text: 'Finding the Key ID' });
    expect(allTexts(card)).toMatch(
      /Recovery key ID[\s\S]*Microsoft account[\s\S]*Alt[\s\S]*E_FVE_DEVICE_LOCKEDOUT/,
    );
  });

  it('asks for the Key ID with a box and its send button, and "Where is it?" that skips validation', () => {
    const card = onlyCard({ type: 'askKeyId', noted: {} });
    expect(inputs(card)).toEqual([
      expect.objectContaining({
        type: 'Input.Text',
        id: 'keyId',
        label: 'Key ID',
        placeholder: 'e.g. 4290B6C0',
        isRequired: true,
        inlineAction: expect.objectContaining({ title: 'Send', data: { verb: 'submitKeyId' } }),
      }),
    ]);
    expect(card.actions).toEqual([
      expect.objectContaining({
        title: 'Where is it?',
        data: { verb: 'whereKeyId' },
        associatedInputs: 'none',
      }),
    ]);
    expect(allTexts(card)).toMatch(/type it in the chat/);
    expect(card.body).not.toContainEqual(expect.objectContaining({ type: 'FactSet' }));
  });

  it('repeats what the person already told above the Key ID question', () => {
    const card = onlyCard({ type: 'askKeyId', noted: { rootCause: 'firmwareUpdate', deviceKind: 'workPc' } });
    expect(card.body).toContainEqual({
      type: 'FactSet',
      facts: [
        { title: 'What happened', value: 'A BIOS or firmware update' },
        { title: 'PC', value: 'My work PC' },
      ],
    });
  });

  it.each([
    [{ type: 'keyIdTooShort', digits: 6 }, /6 characters[\s\S]*at least 8/],
    [{ type: 'keyIdTooShort', digits: 1 }, /1 character\b/],
    [{ type: 'notAKeyId' }, /0-9 and A-F[\s\S]*Recovery key ID/],
    [{ type: 'twoKeyIds' }, /more than one Key ID[\s\S]*just the one/],
    [{ type: 'cancelled', hadRequest: true }, /cancelled that request/],
    [{ type: 'cancelled', hadRequest: false }, /nothing to cancel/],
    [{ type: 'expired' }, /over a day[\s\S]*fresh/],
    [{ type: 'missLimit' }, /IT helpdesk/],
    [{ type: 'staleCard' }, /earlier request/],
    [{ type: 'greetAgain' }, /Key ID[\s\S]*what is going on/],
    [{ type: 'acknowledged' }, /Key ID[\s\S]*what is going on/],
    [{ type: 'glad', keyWasShown: false }, /Glad/],
  ] satisfies [Reply, RegExp][])('answers %o with one short text', (reply, expected) => {
    const text = onlyText(reply);
    expect(text).toMatch(expected);
    expect(text.length).toBeLessThan(160);
  });

  it('warns about a pasted recovery password without asking for anything secret', () => {
    const text = allTexts(onlyCard({ type: 'passwordPasted' }));
    expect(text).toMatch(
      /48 digits[\s\S]*never paste it into any chat[\s\S]*did not keep it[\s\S]*delete that message[\s\S]*Key ID/i,
    );
  });

  it('echoes the corrected Key ID and the corrections, with Yes / No, retype', () => {
    const card = onlyCard({ type: 'confirmKeyId', keyId: '4290B6C01A2B', corrections: ['O → 0'] });
    expect(card.body[0]).toMatchObject({ text: 'Did you mean 4290B6C0-1A2B?' });
    expect(allTexts(card)).toContain('O → 0');
    expect(
      card.actions?.map((action) => [action.title, action.type === 'Action.Submit' && action.data.verb]),
    ).toEqual([
      ['Yes', 'confirmKeyIdYes'],
      ['No, retype', 'confirmKeyIdNo'],
    ]);
  });

  it('asks what happened as one tap per cause, with the other PC kinds one tap further', () => {
    const card = onlyCard({ type: 'askAnswers', keyId: '4290B6C0', askDeviceKind: true });
    expect(inputs(card)).toEqual([]);
    const buttons = (elements: readonly CardElement[]): SubmitAction[] =>
      elements.flatMap((element) =>
        element.type === 'ActionSet'
          ? element.actions.filter((action): action is SubmitAction => action.type === 'Action.Submit')
          : element.type === 'Container'
            ? buttons(element.items)
            : [],
      );
    const causes = buttons(card.body.filter((element) => element.type === 'ActionSet'));
    const kinds = buttons(card.body.filter((element) => element.type === 'Container'));
    expect(
      card.body.filter((element) => element.type === 'ActionSet').every((row) => row.actions.length <= 5),
    ).toBe(true);
    expect(causes?.map((button) => button.data)).toEqual(
      ROOT_CAUSES.map((rootCause) => ({ verb: 'answers', rootCause })),
    );
    expect(causes?.at(-1)?.title).toBe('It was lost, stolen or out of my hands');
    expect(kinds?.map((button) => [button.title, button.data.deviceKind])).toEqual([
      ['My personal PC', 'personalPc'],
      ['A second-hand PC', 'secondHand'],
      ['An older PC on the company domain', 'oldDomainPc'],
    ]);
    expect(card.body).toContainEqual(expect.objectContaining({ type: 'Container', isVisible: false }));
    expect(card.actions?.map((action) => action.title)).toEqual(['Not a work PC?', 'Why did this happen?']);
    expect(allTexts(card)).toMatch(/4290B6C0[\s\S]*work PC/);
  });

  it('does not ask which PC once the person said it', () => {
    const card = onlyCard({ type: 'askAnswers', keyId: '4290B6C0', askDeviceKind: false });
    expect(card.body).not.toContainEqual(expect.objectContaining({ type: 'Container' }));
    expect(card.actions?.map((action) => action.title)).toEqual(['Why did this happen?']);
  });

  it('offers the closest things the bot can do, and always a person', () => {
    const card = onlyCard({ type: 'didYouMean', options: ['whereKeyId', 'noKeyAnywhere'] });
    expect(
      allActions(card).map((action) => [action.title, action.type === 'Action.Submit' && action.data]),
    ).toEqual([
      ['Where do I find the Key ID?', { verb: 'chose', intent: 'whereKeyId' }],
      ["I can't find the key anywhere", { verb: 'chose', intent: 'noKeyAnywhere' }],
      ['Talk to IT', { verb: 'talkToIt' }],
    ]);
    const outOfScope = onlyCard({ type: 'outOfScope', options: ['recoveryScreen'] });
    expect(allTexts(outOfScope)).toMatch(/only help with BitLocker[\s\S]*contact IT the usual way/);
    expect(allActions(outOfScope).map((action) => action.title)).toEqual([
      'My PC shows a BitLocker recovery screen',
      'Talk to IT',
    ]);
  });

  it('hands off to a real sign-in when there is a URL, summarising the answers', () => {
    const request = aRequest({
      keyId: '4290B6C01A2B',
      rootCause: 'wrongPin',
      deviceKind: 'workPc',
      errorCode: 'E_FVE_DEVICE_LOCKEDOUT',
    });
    const card = onlyCard({ type: 'verify', request }, en, VERIFY_URL);
    expect(card.body).toContainEqual({
      type: 'FactSet',
      facts: [
        { title: 'Key ID', value: '4290B6C0-1A2B' },
        { title: 'What happened', value: 'A wrong PIN, too many times' },
        { title: 'PC', value: 'My work PC' },
        { title: 'Error code', value: 'E_FVE_DEVICE_LOCKEDOUT' },
      ],
    });
    expect(allTexts(card)).toContain(
      "Next: a quick Microsoft sign-in proves it's you. I will never ask for your password here.",
    );
    expect(card.actions).toEqual([
      { type: 'Action.OpenUrl', title: "Verify it's you", url: VERIFY_URL, style: 'positive' },
    ]);
  });

  it('reminds someone who came back before signing in with a title of its own, the same facts and button', () => {
    const first = onlyCard({ type: 'verify', request: aRequest() }, en, VERIFY_URL);
    const again = onlyCard({ type: 'verify', request: aRequest(), again: true }, en, VERIFY_URL);
    expect(again.body[0]).toEqual(expect.objectContaining({ text: "Almost there: verify it's you" }));
    expect(again.body.slice(1)).toEqual(first.body.slice(1));
    expect(again.actions).toEqual(first.actions);
  });

  it('says plainly that sign-in is not switched on yet, and offers IT, when there is no URL', () => {
    const card = onlyCard({ type: 'verify', request: aRequest() });
    expect(allTexts(card)).toMatch(/not switched on here yet/);
    expect(card.actions).toEqual([
      expect.objectContaining({ type: 'Action.Submit', title: 'Talk to IT', data: { verb: 'talkToIt' } }),
    ]);
    expect(JSON.stringify(card)).not.toContain('Action.OpenUrl');
  });

  it('guides to aka.ms/myrecoverykey for a personal Microsoft account, with the next buttons', () => {
    const card = onlyCard({ type: 'guide', guide: 'personalAccount' });
    expect(allTexts(card)).toMatch(
      /1\. Open aka\.ms\/myrecoverykey[\s\S]*Microsoft account used on the locked PC[\s\S]*Key ID[\s\S]*family/,
    );
    expect(
      card.actions?.map((action) =>
        action.type === 'Action.Submit'
          ? action.data.verb
          : action.type === 'Action.OpenUrl'
            ? action.url
            : action.title,
      ),
    ).toEqual(['https://aka.ms/myrecoverykey', 'guideNoKeyAnywhere', 'talkToIt']);
    expect(card.actions?.[1]?.title).toBe("I can't find it there");
  });

  it.each([
    ['secondHand', /original owner or the seller[\s\S]*do not pay online "recovery" services/],
    [
      'noKeyAnywhere',
      /printout[\s\S]*USB stick[\s\S]*BitLocker Recovery Key[\s\S]*\.txt[\s\S]*email[\s\S]*password manager[\s\S]*IT[\s\S]*cannot be recreated[\s\S]*resetting the PC[\s\S]*erased/,
    ],
    ['whyThisHappened', /firmware[\s\S]*hardware[\s\S]*Windows update[\s\S]*PIN[\s\S]*not your fault/],
  ] as const)('guides the %s case', (guide, expected) => {
    expect(allTexts(onlyCard({ type: 'guide', guide }))).toMatch(expected);
  });

  it('stops calmly on a risk: IT checks it, no key in chat', () => {
    const card = onlyCard({ type: 'riskStop' });
    expect(allTexts(card)).toMatch(/out of your hands[\s\S]*no key is shown in chat[\s\S]*asked IT/);
    expect(card.actions).toBeUndefined();
  });

  it('tells the person IT was asked, with the Key ID when known, and asks them to note it when not', () => {
    const withKey = onlyCard({ type: 'caseRequested', reason: 'onPremisesDevice', keyId: '4290B6C0' });
    expect(withKey.body[0]).toMatchObject({ text: "I've asked IT to help" });
    expect(withKey.body).toContainEqual({ type: 'FactSet', facts: [{ title: 'Key ID', value: '4290B6C0' }] });
    expect(allTexts(withKey)).toMatch(/company's own servers[\s\S]*will be notified/);
    const withoutKey = onlyCard({ type: 'caseRequested', reason: 'requesterAsked', keyId: undefined });
    expect(allTexts(withoutKey)).toMatch(/note the Key ID/);
    expect(JSON.stringify(withoutKey)).not.toContain('FactSet');
    // Reporting a caller who asked for the key is no lockout: no Key ID to note.
    const report = onlyCard({ type: 'caseRequested', reason: 'suspiciousContact', keyId: undefined });
    expect(allTexts(report)).toMatch(/Thank you for reporting it/);
    expect(allTexts(report)).not.toMatch(/note the Key ID/);
  });

  it('offers IT or a fresh start after repeated misses', () => {
    const card = onlyCard({ type: 'offerIt' });
    expect(card.actions?.map((action) => action.type === 'Action.Submit' && action.data.verb)).toEqual([
      'talkToIt',
      'restart',
    ]);
  });

  it.each([
    [{ step: 'idle', updatedAt: '', misses: 0 }, ['Nothing in progress.', 'None yet.']],
    [
      { step: 'idle', updatedAt: '', misses: 0, last: { kind: 'verification', request: aRequest() } },
      ['Nothing in progress.', '4290B6C0', 'Ready for the Microsoft sign-in check.'],
    ],
    [
      { step: 'idle', updatedAt: '', misses: 0, last: { kind: 'guided', guide: 'noKeyAnywhere' } },
      ['Nothing in progress.', 'I showed you "No copy of the key?".'],
    ],
    [
      { step: 'awaitingKeyId', requestId: 'R', startedAt: '', updatedAt: '', misses: 0 },
      ['Waiting for your Key ID.'],
    ],
    [
      {
        step: 'awaitingAnswers',
        requestId: 'R',
        startedAt: '',
        updatedAt: '',
        misses: 0,
        keyId: '4290B6C0AB',
      },
      ['Waiting for what happened just before.', '4290B6C0-AB'],
    ],
  ] satisfies [Extract<Reply, { type: 'status' }>['state'], string[]][])(
    'summarises status %#',
    (state, values) => {
      const card = onlyCard({ type: 'status', state });
      const facts = card.body.flatMap((element) =>
        element.type === 'FactSet' ? element.facts.map((fact) => fact.value) : [],
      );
      expect(facts).toEqual(values);
    },
  );
});

describe('the catalogue', () => {
  it('keeps prevention tips short, for a single message after an unlock', () => {
    expect(en.preventionTips.length).toBeLessThan(400);
    expect(en.preventionTips).toMatch(/Microsoft account|print/);
  });

  it('never asks for a password, an MFA code or the recovery key', () => {
    const everything = JSON.stringify(
      RENDERED.map(({ messages }) => messages satisfies readonly OutgoingMessage[]),
    );
    expect(everything).not.toMatch(
      /(enter|type|send|give|share) (me )?your (password|MFA|verification code|recovery key)/i,
    );
  });
});
