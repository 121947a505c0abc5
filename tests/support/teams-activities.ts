import { randomUUID } from 'node:crypto';
import type { Activity } from 'botbuilder';

/** Where an activity happens, as Teams describes it. */
export type TeamsScope =
  | { readonly kind: 'personal'; readonly conversationId: string }
  | { readonly kind: 'groupChat'; readonly conversationId: string }
  | {
      readonly kind: 'channel';
      readonly teamId: string;
      readonly channelId: string;
      readonly threadId?: string;
    };

export interface TeamsUser {
  readonly id: string;
  readonly name: string;
  readonly aadObjectId: string;
}

export interface ActivityContext {
  readonly serviceUrl: string;
  readonly tenantId: string;
  readonly botAppId: string;
  readonly botName: string;
  readonly scope: TeamsScope;
  readonly from: TeamsUser;
  /** The Teams client's language, as every activity carries it; `en-US` when not said. */
  readonly locale?: string;
}

/** A Teams user as the channel names them: a `29:` id plus the Entra object id. */
export function teamsUser(aadObjectId: string, name: string): TeamsUser {
  return { id: `29:${Buffer.from(aadObjectId).toString('base64url')}`, name, aadObjectId };
}

export function personalScope(user: TeamsUser, botAppId: string): TeamsScope {
  return {
    kind: 'personal',
    conversationId: `a:${Buffer.from(`${user.aadObjectId}|${botAppId}`).toString('base64url')}`,
  };
}

function conversation(context: ActivityContext): Activity['conversation'] {
  const { scope, tenantId } = context;
  switch (scope.kind) {
    case 'personal':
      return { id: scope.conversationId, conversationType: 'personal', tenantId, isGroup: false, name: '' };
    case 'groupChat':
      return { id: scope.conversationId, conversationType: 'groupChat', tenantId, isGroup: true, name: '' };
    case 'channel':
      return {
        id: scope.threadId ? `${scope.channelId};messageid=${scope.threadId}` : scope.channelId,
        conversationType: 'channel',
        tenantId,
        isGroup: true,
        name: '',
      };
  }
}

function channelData(context: ActivityContext): Record<string, unknown> {
  const tenant = { id: context.tenantId };
  if (context.scope.kind !== 'channel') return { tenant };
  return {
    tenant,
    teamsTeamId: context.scope.teamId,
    teamsChannelId: context.scope.channelId,
    team: { id: context.scope.teamId },
    channel: { id: context.scope.channelId },
  };
}

function base(context: ActivityContext, type: string): Activity {
  const now = new Date();
  return {
    type,
    id: `${now.getTime()}${Math.floor(Math.random() * 1000)}`,
    timestamp: now,
    localTimestamp: now,
    localTimezone: 'Europe/Berlin',
    serviceUrl: context.serviceUrl,
    channelId: 'msteams',
    from: { id: context.from.id, name: context.from.name, aadObjectId: context.from.aadObjectId },
    conversation: conversation(context),
    recipient: { id: `28:${context.botAppId}`, name: context.botName },
    locale: context.locale ?? 'en-US',
    entities: [
      {
        type: 'clientInfo',
        locale: context.locale ?? 'en-US',
        country: 'US',
        platform: 'Android',
        timezone: 'Europe/Berlin',
      },
    ],
    channelData: channelData(context),
  } as unknown as Activity;
}

/** A typed message. In group chats and channels Teams prefixes the bot's @mention, as people must. */
export function messageActivity(context: ActivityContext, text: string): Activity {
  const activity = base(context, 'message');
  if (context.scope.kind === 'personal') return { ...activity, text, textFormat: 'plain' };
  const mention = `<at>${context.botName}</at>`;
  return {
    ...activity,
    text: `${mention} ${text}`,
    textFormat: 'plain',
    entities: [
      ...(activity.entities ?? []),
      { type: 'mention', text: mention, mentioned: { id: `28:${context.botAppId}`, name: context.botName } },
    ],
  } as Activity;
}

/** An `Action.Submit` press: a message with `value` and no text. */
export function submitActivity(context: ActivityContext, data: Record<string, unknown>): Activity {
  return { ...base(context, 'message'), value: data } as Activity;
}

export interface ExecuteOptions {
  /** The id of the message carrying the card that was pressed. */
  readonly replyToId?: string;
}

/** An `Action.Execute` press (Universal Actions). */
export function executeActivity(
  context: ActivityContext,
  verb: string,
  data: Record<string, unknown> = {},
  options: ExecuteOptions = {},
): Activity {
  return {
    ...base(context, 'invoke'),
    // Teams names the message whose card holds the button.
    ...(options.replyToId === undefined ? {} : { replyToId: options.replyToId }),
    name: 'adaptiveCard/action',
    value: { action: { type: 'Action.Execute', id: randomUUID(), verb, data }, trigger: 'manual' },
  } as Activity;
}

/** The bot being installed: a conversationUpdate adding the bot itself. */
export function installActivity(context: ActivityContext): Activity {
  const activity = base(context, 'conversationUpdate');
  const data = channelData(context);
  return {
    ...activity,
    membersAdded: [{ id: `28:${context.botAppId}` }],
    channelData: context.scope.kind === 'channel' ? { ...data, eventType: 'teamMemberAdded' } : data,
  } as Activity;
}
