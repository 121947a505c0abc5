import { Application, TurnState } from '@microsoft/teams-ai';
import {
  type Activity,
  ActivityTypes,
  CardFactory,
  MessageFactory,
  type Storage,
  TurnContext,
} from 'botbuilder';
import type { Messages } from '../cards/messages.js';
import { type OutgoingMessage, type RenderOptions, renderReply } from '../cards/render-reply.js';
import type { Logger } from '../observability/logger.js';
import type { CaseRequestStore, Requester } from '../recovery/case-requests.js';
import { initialTriageState, transition } from '../recovery/triage.js';
import type { TriageEffect, TriageEvent, TriageState } from '../recovery/triage-types.js';
import type { BotAdapter } from './bot-adapter.js';
import { toTriageEvent } from './triage-event.js';
import { turnLogger } from './turn-context-data.js';
import { startTypingIndicator } from './typing-indicator.js';

/** What the bot remembers per conversation. Never a key, never what the person typed. */
export interface ConversationData {
  triage?: TriageState;
}

export type BotState = TurnState<ConversationData>;

export interface BotDependencies {
  readonly adapter: BotAdapter;
  readonly storage: Storage;
  readonly logger: Logger;
  readonly messages: Messages;
  readonly caseRequests: CaseRequestStore;
  readonly now: () => Date;
}

/** The bot as the HTTP edge sees it: one call per authenticated turn. */
export interface Bot {
  run(context: TurnContext): Promise<void>;
}

/**
 * The Teams edge: a teams-ai `Application` whose routes turn activities into triage events, run the
 * domain machine, and carry out its effects. Routes match in registration order.
 */
export function createBot(deps: BotDependencies): Bot {
  const app = new Application<BotState>({
    adapter: deps.adapter,
    storage: deps.storage,
    removeRecipientMention: true,
    // teams-ai keeps one typing timer per Application, shared by concurrent turns; see typing-indicator.ts.
    startTypingTimer: false,
    longRunningMessages: false,
    turnStateFactory: () => new TurnState<ConversationData>(),
  });

  app.conversationUpdate('membersAdded', async (context, state) => {
    const botAdded = context.activity.membersAdded?.some(
      (member) => member.id === context.activity.recipient.id,
    );
    if (!botAdded) return;
    if (!isPersonal(context.activity)) {
      turnLogger(context, deps.logger).info(
        { conversationType: context.activity.conversation.conversationType },
        'bot installed in a shared conversation',
      );
      return;
    }
    // Teams (and the Playground) repeat install events; the welcome is shown once per conversation.
    const current = state.conversation.triage;
    if (current?.step === 'idle' && current.greeted) return;
    await runTriage(context, state, { type: 'greet' }, deps);
  });

  app.message(
    (context) => Promise.resolve(!isPersonal(context.activity)),
    async (context) => {
      await context.sendActivity(deps.messages.groupChatRedirect);
    },
  );

  // The one message route for 1:1 chats: every text and card submit becomes a triage event.
  app.activity(ActivityTypes.Message, async (context, state) => {
    const event = toTriageEvent(context.activity);
    if (!event) {
      turnLogger(context, deps.logger).warn('card submit with data the bot does not know');
      await runTriage(context, state, { type: 'text', text: '' }, deps);
      return;
    }
    await runTriage(context, state, event, deps);
  });

  deps.adapter.onTurnError = async (context, error) => {
    turnLogger(context, deps.logger).error({ err: error }, 'turn failed');
    if (context.activity.type !== ActivityTypes.Message) return;
    try {
      await context.sendActivity(deps.messages.turnError);
    } catch (sendError) {
      // The connector itself is failing; the original error is already logged.
      turnLogger(context, deps.logger).error({ err: sendError }, 'could not apologise to the user');
    }
  };

  return {
    async run(context) {
      const stopTyping = startTypingIndicator(context);
      try {
        await app.run(context);
      } finally {
        stopTyping();
      }
    },
  };
}

async function runTriage(
  context: TurnContext,
  state: BotState,
  event: TriageEvent,
  deps: BotDependencies,
): Promise<void> {
  const now = deps.now();
  const result = transition(state.conversation.triage ?? initialTriageState(now), event, now);
  state.conversation.triage = result.state;
  const log = turnLogger(context, deps.logger);
  log.info(
    { event: event.type, step: result.state.step, effects: result.effects.map(describeEffect) },
    'triage step',
  );
  let options: RenderOptions =
    event.type === 'command' && event.command === 'status' ? await latestCase(context, deps) : {};
  for (const effect of result.effects) {
    options = { ...options, ...(await perform(effect, context, options, deps)) };
  }
}

/** Carries out one effect; returns what later replies of the same turn should know (the case number). */
async function perform(
  effect: TriageEffect,
  context: TurnContext,
  options: RenderOptions,
  deps: BotDependencies,
): Promise<RenderOptions> {
  const log = turnLogger(context, deps.logger);
  switch (effect.type) {
    case 'reply':
      await send(context, renderReply(effect.reply, deps.messages, options));
      return {};
    case 'handOffToVerification':
      // Self-service verification plugs in here (step-up sign-in, then the key lookup). Until then the
      // verification card says it is not switched on and offers IT.
      log.info({ requestId: effect.request.id, keyIdPrefix: effect.request.keyId }, 'verification hand-off');
      return {};
    case 'requestCase': {
      const requester = requesterOf(context.activity);
      const { caseRequest, created } = await deps.caseRequests.record({
        requester,
        request: effect.request,
        reason: effect.reason,
        conversationReference: JSON.stringify(TurnContext.getConversationReference(context.activity)),
        createdAt: deps.now().toISOString(),
      });
      log.info(
        { caseNumber: caseRequest.number, created, reason: effect.reason, requestId: effect.request.id },
        'case request recorded; IT will be notified',
      );
      return { caseNumber: caseRequest.number };
    }
  }
}

/** For `status`: the number of the requester's latest case request, when there is one. */
async function latestCase(context: TurnContext, deps: BotDependencies): Promise<RenderOptions> {
  const objectId = context.activity.from.aadObjectId;
  const latest = objectId ? await deps.caseRequests.latestFor(objectId) : undefined;
  return latest ? { caseNumber: latest.number } : {};
}

async function send(context: TurnContext, messages: readonly OutgoingMessage[]): Promise<void> {
  for (const message of messages) {
    await context.sendActivity(
      message.kind === 'text'
        ? message.text
        : MessageFactory.attachment(CardFactory.adaptiveCard(message.card)),
    );
  }
}

/** The requester exactly as the authenticated activity names them. */
function requesterOf(activity: Activity): Requester {
  const objectId = activity.from.aadObjectId;
  const tenantId =
    activity.conversation.tenantId ?? (activity.channelData as { tenant?: { id?: string } })?.tenant?.id;
  if (!objectId || !tenantId)
    throw new Error('activity names no Entra user or tenant; cannot record a case request');
  return { objectId, tenantId, teamsUserId: activity.from.id, displayName: activity.from.name ?? '' };
}

function isPersonal(activity: Activity): boolean {
  return (activity.conversation?.conversationType ?? 'personal') === 'personal';
}

function describeEffect(effect: TriageEffect): string {
  switch (effect.type) {
    case 'reply':
      return `reply:${effect.reply.type}`;
    case 'handOffToVerification':
      return 'handOff';
    case 'requestCase':
      return `case:${effect.reason}`;
  }
}
