import {
  DEMO_BOT_APP_ID,
  DEMO_GROUPS,
  DEMO_PEOPLE,
  DEMO_TENANT_ID,
  type DemoPerson,
} from '../demo-tenant/sample-people.js';

/** The bot's display name in the Playground; the app manifest's short name. */
export const PLAYGROUND_BOT_NAME = 'BitLocker Recovery';

/** The bot's channel account id, as Teams writes it (`28:` + the app id) in `recipient.id`. */
export const PLAYGROUND_BOT_ID = `28:${DEMO_BOT_APP_ID}`;

/**
 * Conversation ids the Playground uses with our config, shaped like Teams ids. The team's General channel
 * has the team's id (Teams does the same), so `teamId` is also the General channel's conversation id.
 */
export const PLAYGROUND_CONVERSATIONS = {
  groupChatId: '19:demo-group-chat@thread.v2',
  teamId: '19:demo-contoso-it-general@thread.tacv2',
  helpdeskChannelId: '19:demo-helpdesk@thread.tacv2',
} as const;

export const PLAYGROUND_TEAM_NAME = 'Contoso IT';
export const PLAYGROUND_HELPDESK_CHANNEL_NAME = 'Helpdesk';
export const PLAYGROUND_GROUP_CHAT_NAME = 'Device refresh';

/** Who `npm run dev -- --as <name>` asked to be, or why that did not name one demo person. */
export type PlaygroundUserChoice =
  | { readonly kind: 'person'; readonly person: DemoPerson }
  | { readonly kind: 'unknown'; readonly asked: string; readonly people: readonly string[] };

/**
 * The Playground's current user from the command line: `--as isaiah`, `--as "Isaiah Langer"` or
 * `--as=IsaiahL` (first name, full name or UPN alias, any case). The Playground cannot switch person in its
 * UI, so this is how to try the helpdesk side (Lee Gu, Isaiah Langer) or another requester. Without the
 * flag: the first demo person (Alex Wilber), as in {@link renderPlaygroundConfig}.
 */
export function playgroundUserFromArgs(argv: readonly string[]): PlaygroundUserChoice {
  const at = argv.findIndex((arg) => arg === '--as' || arg.startsWith('--as='));
  const first = DEMO_PEOPLE[0];
  if (at < 0 && first) return { kind: 'person', person: first };
  const flag = argv[at] ?? '';
  const asked = (flag.startsWith('--as=') ? flag.slice('--as='.length) : (argv[at + 1] ?? '')).trim();
  const wanted = asked.toLowerCase();
  const person = DEMO_PEOPLE.find(
    (candidate) =>
      candidate.displayName.toLowerCase() === wanted ||
      candidate.displayName.split(' ')[0]?.toLowerCase() === wanted ||
      alias(candidate) === wanted,
  );
  return person && wanted
    ? { kind: 'person', person }
    : { kind: 'unknown', asked, people: DEMO_PEOPLE.map((candidate) => candidate.displayName) };
}

/** The Playground's config schema (0.1.1) demands exactly five users besides the current one. */
const OTHER_USERS = 5;

function alias(person: DemoPerson): string {
  return person.userPrincipalName.split('@')[0]?.toLowerCase() ?? person.id;
}

/** A person's Teams user id (`from.id`) in the Playground. Opaque like Teams' own: identify people by `aadObjectId`. */
export function playgroundUserId(person: DemoPerson): string {
  return `29:demo-${alias(person)}`;
}

/**
 * The 1:1 conversation id between `person` and the bot. Teams gives every user their own personal
 * conversation, so the id depends on who the Playground's current user is.
 */
export function playgroundPersonalChatId(person: DemoPerson): string {
  return `a:demo-personal-${alias(person)}`;
}

function userEntry(person: DemoPerson): Record<string, string> {
  const [givenName = person.displayName, ...rest] = person.displayName.split(' ');
  return {
    id: playgroundUserId(person),
    name: person.displayName,
    // The schema's spelling, not ours.
    userPrincipleName: person.userPrincipalName,
    aadObjectId: person.id,
    givenName,
    surname: rest.join(' '),
    email: person.mail,
  };
}

// Double-quoted JSON strings are valid YAML scalars, so every value is written with JSON.stringify.
function scalar(value: string): string {
  return JSON.stringify(value);
}

function mapping(entries: Record<string, string>, indent: string): string[] {
  return Object.entries(entries).map(([key, value]) => `${indent}${key}: ${scalar(value)}`);
}

function listItem(entries: Record<string, string>, indent: string): string[] {
  const [first, ...rest] = mapping(entries, `${indent}  `);
  return [`${indent}- ${first?.trimStart() ?? ''}`, ...rest];
}

/**
 * `.m365agentsplayground.yml` for the demo tenant, with `currentUser` (default Alex Wilber) as the person
 * typing in the Playground. The Playground has no persona switch in its UI: to act as someone else,
 * start it with another config.
 */
export function renderPlaygroundConfig(options: { currentUser?: DemoPerson } = {}): string {
  const currentUser = options.currentUser ?? DEMO_PEOPLE[0];
  if (!currentUser) throw new Error('The demo tenant has no people to put in the Playground');
  const others = DEMO_PEOPLE.filter((person) => person.id !== currentUser.id).slice(0, OTHER_USERS);
  if (others.length !== OTHER_USERS) {
    throw new Error(
      `The Playground needs ${OTHER_USERS} people besides the current user; the demo tenant has ${others.length}`,
    );
  }
  return [
    '# yaml-language-server: $schema=https://aka.ms/teams-app-test-tool-config/0.1.1/config.schema.json',
    '# Microsoft 365 Agents Playground personas: the demo tenant (src/demo-tenant/sample-people.ts).',
    '# Generated by renderPlaygroundConfig() in src/playground/playground-config.ts; edit that, not this file.',
    'version: "0.1.1"',
    `tenantId: ${scalar(DEMO_TENANT_ID)}`,
    'bot:',
    ...mapping({ id: PLAYGROUND_BOT_ID, name: PLAYGROUND_BOT_NAME }, '  '),
    'currentUser:',
    ...mapping(userEntry(currentUser), '  '),
    'users:',
    ...others.flatMap((person) => listItem(userEntry(person), '  ')),
    'personalChat:',
    ...mapping({ id: playgroundPersonalChatId(currentUser) }, '  '),
    'groupChat:',
    ...mapping({ id: PLAYGROUND_CONVERSATIONS.groupChatId, name: PLAYGROUND_GROUP_CHAT_NAME }, '  '),
    'team:',
    ...mapping(
      { id: PLAYGROUND_CONVERSATIONS.teamId, name: PLAYGROUND_TEAM_NAME, aadGroupId: DEMO_GROUPS.helpdesk },
      '  ',
    ),
    '  channels:',
    ...listItem(
      { id: PLAYGROUND_CONVERSATIONS.helpdeskChannelId, name: PLAYGROUND_HELPDESK_CHANNEL_NAME },
      '    ',
    ),
    '',
  ].join('\n');
}
