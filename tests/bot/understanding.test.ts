import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CATALOGUE, type Messages } from '../../src/cards/messages.js';
import { DEMO_PEOPLE } from '../../src/demo-tenant/sample-people.js';
import type { Intent } from '../../src/recovery/triage-types.js';
import type { Language } from '../../src/understanding/languages.js';
import {
  type BotReply,
  type ConversationHarness,
  cardText,
  startConversationHarness,
} from '../support/conversation.js';

const alex = DEMO_PEOPLE[0]!;

/** What a reply opens with: a card's first line, or the text. */
function opening(reply: BotReply | undefined): string {
  if (!reply) return '(nothing)';
  if (reply.kind !== 'card') return reply.text;
  const body = (reply.card?.body as { type: string; text?: string }[] | undefined) ?? [];
  return body.find((element) => element.type === 'TextBlock')?.text ?? '';
}

/** How each intent's reply opens, in the catalogue of the language it should come in. */
const EXPECTED: { readonly [intent in Intent]: (words: Messages) => string } = {
  greeting: (words) => words.welcomeTitle,
  recoveryScreen: (words) => words.askKeyIdTitle,
  whereKeyId: (words) => words.keyIdHelpTitle,
  whyHappened: (words) => words.guides.whyThisHappened.title,
  personalPc: (words) => words.guides.personalAccount.title,
  secondHand: (words) => words.guides.secondHand.title,
  ownCopy: (words) => words.guides.ownCopy.title,
  noKeyAnywhere: (words) => words.guides.noKeyAnywhere.title,
  keyDidNotWork: (words) => words.guides.keyRejected.title,
  itWorked: (words) => words.glad(false),
  talkToIt: (words) => words.caseRequestedTitle,
  status: (words) => words.statusTitle,
  cancel: (words) => words.cancelled(false),
  restart: (words) => words.askKeyIdTitle,
  help: (words) => words.helpTitle,
  prevention: (words) => words.guides.prevention.title,
  security: (words) => words.guides.security.title,
  yes: (words) => words.acknowledged,
  no: (words) => words.acknowledged,
  answer: (words) => words.answersTitle,
  outOfScope: (words) => words.outOfScopeTitle,
};

/** Something a person types for each intent, in four of the eight languages. */
const TYPED: { readonly [intent in Intent]: { readonly [language in 'en' | 'de' | 'fr' | 'es']: string } } = {
  greeting: { en: 'hi', de: 'hallo', fr: 'bonjour', es: 'hola' },
  recoveryScreen: {
    en: 'my laptop is asking for a bitlocker key',
    de: 'mein laptop will einen bitlocker schlüssel',
    fr: 'mon pc demande une clé bitlocker',
    es: 'mi portátil pide la clave de bitlocker',
  },
  whereKeyId: {
    en: 'where do i find the key id',
    de: 'wo finde ich die schlüssel-id',
    fr: "où je trouve l'id de clé",
    es: 'dónde encuentro el id de clave',
  },
  whyHappened: {
    en: 'why is this happening',
    de: 'warum passiert das',
    fr: 'pourquoi ça arrive',
    es: 'por qué pasa esto',
  },
  personalPc: {
    en: 'its my own laptop not a work one',
    de: 'das ist mein privater laptop',
    fr: "c'est mon pc perso",
    es: 'es mi portátil personal',
  },
  secondHand: {
    en: 'i bought this laptop used on ebay',
    de: 'hab den laptop gebraucht gekauft',
    fr: "je l'ai acheté d'occasion",
    es: 'lo compré de segunda mano',
  },
  ownCopy: {
    en: 'i have the key printed somewhere',
    de: 'ich hab den schlüssel ausgedruckt',
    fr: "j'ai imprimé la clé",
    es: 'tengo la clave impresa',
  },
  noKeyAnywhere: {
    en: 'i dont have any recovery key',
    de: 'ich habe keinen wiederherstellungsschlüssel',
    fr: "je n'ai pas de clé de récupération",
    es: 'no tengo ninguna clave de recuperación',
  },
  keyDidNotWork: {
    en: 'the key doesnt work',
    de: 'der schlüssel funktioniert nicht',
    fr: 'la clé ne marche pas',
    es: 'la clave no funciona',
  },
  itWorked: {
    en: 'it worked thanks',
    de: 'hat geklappt danke',
    fr: 'ça a marché merci',
    es: 'funcionó gracias',
  },
  talkToIt: {
    en: 'i want to talk to a person',
    de: 'ich möchte mit jemandem von der IT sprechen',
    fr: "je veux parler à quelqu'un du support",
    es: 'quiero hablar con una persona',
  },
  status: {
    en: 'whats the status of my request',
    de: 'wie ist der status meiner anfrage',
    fr: 'où en est ma demande',
    es: 'cómo va mi solicitud',
  },
  cancel: { en: 'cancel', de: 'abbrechen', fr: 'annuler', es: 'cancelar' },
  restart: { en: 'start over', de: 'von vorne anfangen', fr: 'recommencer', es: 'empezar de nuevo' },
  help: {
    en: 'what can you do',
    de: 'was kannst du',
    fr: "qu'est-ce que tu sais faire",
    es: 'qué puedes hacer',
  },
  prevention: {
    en: 'how do i stop this happening again',
    de: 'wie verhindere ich das in zukunft',
    fr: 'comment éviter que ça se reproduise',
    es: 'cómo evito que vuelva a pasar',
  },
  security: {
    en: 'someone called and asked for my key',
    de: 'jemand hat angerufen und wollte meinen schlüssel',
    fr: "quelqu'un m'a appelé pour avoir ma clé",
    es: 'alguien me llamó y me pidió la clave',
  },
  yes: { en: 'yes', de: 'ja', fr: 'oui', es: 'sí' },
  no: { en: 'no', de: 'nein', fr: 'non', es: 'no' },
  answer: {
    en: 'key id 4290B6C0',
    de: 'schlüssel-id 4290B6C0',
    fr: 'id de clé 4290B6C0',
    es: 'id de clave 4290B6C0',
  },
  outOfScope: {
    en: 'whats the weather like today',
    de: 'wie wird das wetter heute',
    fr: "quel temps fait-il aujourd'hui",
    es: 'qué tiempo hace hoy',
  },
};

const LOCALES = { en: 'en-US', de: 'de-DE', fr: 'fr-FR', es: 'es-ES' } as const;

describe('understanding what people write, over HTTP, in their language', () => {
  let harness: ConversationHarness;
  beforeAll(async () => {
    harness = await startConversationHarness();
  });
  afterAll(async () => {
    await harness?.stop();
  });

  const ROWS = (Object.keys(TYPED) as Intent[]).flatMap((intent) =>
    (Object.keys(LOCALES) as (keyof typeof LOCALES)[]).map((language) => [intent, language] as const),
  );
  it.each(ROWS)('%s in %s: understood, and answered in that language', async (intent, language) => {
    const chat = harness.personalChat(alex, { fresh: true, locale: LOCALES[language] });
    const turn = await chat.send(TYPED[intent][language]);
    expect(opening(turn.replies[0])).toBe(EXPECTED[intent](CATALOGUE[language]));
  });

  it('a question mid-flow is answered and the pending question asked again, in German', async () => {
    const de = CATALOGUE.de;
    const chat = harness.personalChat(alex, { fresh: true, locale: 'de-DE' });
    expect(opening((await chat.send('mein pc zeigt den bitlocker bildschirm')).replies[0])).toBe(
      de.askKeyIdTitle,
    );
    // "Where is it?" while the Key ID is awaited: the help card, which has the box for it.
    const where = await chat.send('wo finde ich die?');
    expect(where.replies.map(opening)).toEqual([de.keyIdHelpTitle]);
    expect(opening((await chat.send('4290B6C0')).replies[0])).toBe(de.answersTitle);
    const why = await chat.send('warum passiert das überhaupt');
    expect(why.replies.map(opening)).toEqual([de.guides.whyThisHappened.title, de.answersTitle]);
    // Words that answer the pending question count.
    const answered = await chat.send('nach dem bios update');
    expect(opening(answered.replies[0])).toBe(de.verifyTitle);
    expect(cardText(answered.replies[0]?.card)).toContain(de.rootCauseChoices.firmwareUpdate);
  });

  it('"just open a ticket for me" while the Key ID is awaited opens the case, in French', async () => {
    const chat = harness.personalChat(alex, { fresh: true, locale: 'fr-FR' });
    await chat.send('mon ordinateur demande la clé de récupération');
    const turn = await chat.send("ouvre moi un ticket s'il te plait");
    expect(opening(turn.replies[0])).toBe(CATALOGUE.fr.caseRequestedTitle);
  });

  it('one sentence holding everything goes straight to the sign-in', async () => {
    const chat = harness.personalChat(alex, { fresh: true });
    const turn = await chat.send(
      'my work laptop wants the bitlocker key after a BIOS update, key id 4290B6C0',
    );
    expect(turn.replies.map(opening)).toEqual([CATALOGUE.en.verifyTitle]);
    const card = cardText(turn.replies[0]?.card);
    expect(card).toMatch(/4290B6C0[\s\S]*A BIOS or firmware update[\s\S]*My work PC/);
    expect(card).toContain(CATALOGUE.en.verifyButton);
  });

  it('switches to the language the person writes in, and stays there for short replies', async () => {
    const chat = harness.personalChat(alex, { fresh: true, locale: 'en-US' });
    const first = await chat.send('mi portátil me pide una clave de recuperación de bitlocker');
    expect(opening(first.replies[0])).toBe(CATALOGUE.es.askKeyIdTitle);
    // A Key ID alone says nothing about the language: the conversation stays Spanish.
    expect(opening((await chat.send('4290B6C0')).replies[0])).toBe(CATALOGUE.es.answersTitle);
    const tapped = await chat.submit({ verb: 'answers', rootCause: 'windowsUpdate' });
    expect(opening(tapped.replies[0])).toBe(CATALOGUE.es.verifyTitle);
  });

  it('answers in the Teams language from the first word, for every language the bot speaks', async () => {
    for (const [language, locale] of [
      ['de', 'de-AT'],
      ['fr', 'fr-CA'],
      ['es', 'es-MX'],
      ['nl', 'nl-NL'],
      ['pl', 'pl-PL'],
      ['it', 'it-IT'],
      ['pt', 'pt-BR'],
    ] as const satisfies readonly (readonly [Language, string])[]) {
      const chat = harness.personalChat(alex, { fresh: true, locale });
      const installed = await chat.install();
      expect(opening(installed.replies[0])).toBe(CATALOGUE[language].welcomeTitle);
      expect(cardText(installed.replies[0]?.card)).toContain(CATALOGUE[language].neverAskForPassword);
    }
  });

  it('is never a dead end: out of scope gets the scope and buttons (every time), a button acts, two misses offer a person', async () => {
    const chat = harness.personalChat(alex, { fresh: true });
    await chat.send('hi');
    const outOfScope = await chat.send('can you book me a meeting room for tomorrow');
    expect(opening(outOfScope.replies[0])).toBe(CATALOGUE.en.outOfScopeTitle);
    expect(cardText(outOfScope.replies[0]?.card)).toContain(CATALOGUE.en.startTalkToIt);
    const chosen = await chat.submit({ verb: 'chose', intent: 'whereKeyId' });
    expect(opening(chosen.replies[0])).toBe(CATALOGUE.en.keyIdHelpTitle);
    await chat.send('my printer is broken');
    const again = await chat.send('and my vpn doesnt connect');
    expect(opening(again.replies[0])).toBe(CATALOGUE.en.outOfScopeTitle);
    // Words that are no Key ID while one is awaited are misses: the second offers a person.
    await chat.submit({ verb: 'startRecovery' });
    await chat.send('GHJKL-MNP');
    const second = await chat.send('QWRTZ');
    expect(cardText(second.replies.at(-1)?.card)).toContain(CATALOGUE.en.offerIt);
    // A typed "yes" takes the offer.
    expect(opening((await chat.send('yes')).replies[0])).toBe(CATALOGUE.en.caseRequestedTitle);
  });

  it('a recovery password typed into the Key ID box is refused like one typed in the chat', async () => {
    const chat = harness.personalChat(alex, { fresh: true });
    const turn = await chat.submit({
      verb: 'submitKeyId',
      keyId: '496298-461032-321464-595518-463221-173943-033616-139579',
    });
    expect(opening(turn.replies[0])).toBe(CATALOGUE.en.passwordPastedTitle);
    expect(harness.logs.join('\n')).not.toContain('496298');
  });

  it('reads the Key ID box like the chat: a question typed into it is answered', async () => {
    const chat = harness.personalChat(alex, { fresh: true });
    await chat.install();
    const turn = await chat.submit({ verb: 'submitKeyId', keyId: 'where is it?' });
    expect(opening(turn.replies[0])).toBe(CATALOGUE.en.keyIdHelpTitle);
  });
});
