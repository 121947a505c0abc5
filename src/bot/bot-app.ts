import { Application, TurnState } from '@microsoft/teams-ai';
import {
  type Activity,
  ActivityTypes,
  CardFactory,
  MessageFactory,
  type Storage,
  type TurnContext,
} from 'botbuilder';
import { z } from 'zod';
import type { AdaptiveCard } from '../cards/adaptive-card.js';
import { CARD_VERBS, type CardVerb } from '../cards/adaptive-card.js';
import { helpCard } from '../cards/help-card.js';
import { keyIdHelpCard } from '../cards/key-id-help-card.js';
import type { Messages } from '../cards/messages.js';
import { welcomeCard } from '../cards/welcome-card.js';
import type { Logger } from '../observability/logger.js';
import type { BotAdapter } from './bot-adapter.js';
import { turnLogger } from './turn-context-data.js';
import { startTypingIndicator } from './typing-indicator.js';

/** What the bot remembers per conversation. */
export interface ConversationData {
  /** The welcome card was shown once in this conversation. */
  welcomed?: boolean;
}

export type BotState = TurnState<ConversationData>;

export interface BotDependencies {
  readonly adapter: BotAdapter;
  readonly storage: Storage;
  readonly logger: Logger;
  readonly messages: Messages;
}

/** The bot as the HTTP edge sees it: one call per authenticated turn. */
export interface Bot {
  run(context: TurnContext): Promise<void>;
}

type Handler = (context: TurnContext, state: BotState, deps: BotDependencies) => Promise<void>;

/** Typed text commands, matched in order against the whole message. */
const TEXT_COMMANDS: readonly {
  readonly name: string;
  readonly pattern: RegExp;
  readonly handle: Handler;
}[] = [
  { name: 'help', pattern: /^(help|\?|what can you do\??)$/i, handle: showHelp },
  {
    name: 'welcome',
    pattern: /^(hi|hello|hey|start|menu|good (morning|afternoon|evening))[!. ]*$/i,
    handle: showWelcome,
  },
];

/** Card buttons (`Action.Submit` data), by verb. */
const CARD_COMMANDS: { readonly [verb in CardVerb]: Handler } = {
  [CARD_VERBS.startRecovery]: notYet,
  [CARD_VERBS.whereKeyId]: showKeyIdHelp,
  [CARD_VERBS.talkToIt]: notYet,
  [CARD_VERBS.help]: showHelp,
  [CARD_VERBS.submitKeyId]: notYet,
  [CARD_VERBS.confirmKeyIdYes]: notYet,
  [CARD_VERBS.confirmKeyIdNo]: notYet,
  [CARD_VERBS.answers]: notYet,
  [CARD_VERBS.guideWhyThisHappened]: notYet,
  [CARD_VERBS.guideNoKeyAnywhere]: notYet,
  [CARD_VERBS.restart]: showWelcome,
};

const cardSubmit = z.object({ verb: z.enum(Object.values(CARD_VERBS) as [CardVerb, ...CardVerb[]]) });

/**
 * The Teams edge: a teams-ai `Application` whose routes turn activities into replies.
 * Routes match in registration order; the fallback is registered last.
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
    if (isPersonal(context.activity)) {
      await showWelcome(context, state, deps);
    } else {
      turnLogger(context, deps.logger).info(
        { conversationType: context.activity.conversation.conversationType },
        'bot installed in a shared conversation',
      );
    }
  });

  app.message(
    (context) => Promise.resolve(!isPersonal(context.activity)),
    async (context) => {
      await context.sendActivity(deps.messages.groupChatRedirect);
    },
  );

  app.message(
    (context) => Promise.resolve(context.activity.value !== undefined && !context.activity.text),
    async (context, state) => {
      const parsed = cardSubmit.safeParse(context.activity.value);
      if (!parsed.success) {
        turnLogger(context, deps.logger).warn('card submit with unknown data');
        await notYet(context, state, deps);
        return;
      }
      await CARD_COMMANDS[parsed.data.verb](context, state, deps);
    },
  );

  for (const command of TEXT_COMMANDS) {
    app.message(
      (context) => Promise.resolve(command.pattern.test((context.activity.text ?? '').trim())),
      (context, state) => command.handle(context, state, deps),
    );
  }

  // Fallback, registered last: a first message gets the welcome, anything else an honest "not yet".
  app.activity(ActivityTypes.Message, async (context, state) => {
    if (!state.conversation.welcomed) await showWelcome(context, state, deps);
    else await notYet(context, state, deps);
  });

  deps.adapter.onTurnError = async (context, error) => {
    turnLogger(context, deps.logger).error({ err: error }, 'turn failed');
    if (context.activity.type === ActivityTypes.Message) {
      try {
        await context.sendActivity(deps.messages.turnError);
      } catch (sendError) {
        // The connector itself is failing; the original error is already logged.
        turnLogger(context, deps.logger).error({ err: sendError }, 'could not apologise to the user');
      }
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

function isPersonal(activity: Activity): boolean {
  return (activity.conversation?.conversationType ?? 'personal') === 'personal';
}

async function showWelcome(context: TurnContext, state: BotState, deps: BotDependencies): Promise<void> {
  state.conversation.welcomed = true;
  await context.sendActivity(card(welcomeCard(deps.messages)));
}

async function showHelp(context: TurnContext, state: BotState, deps: BotDependencies): Promise<void> {
  state.conversation.welcomed = true;
  await context.sendActivity(card(helpCard(deps.messages)));
}

async function showKeyIdHelp(context: TurnContext, _state: BotState, deps: BotDependencies): Promise<void> {
  await context.sendActivity(card(keyIdHelpCard(deps.messages)));
}

async function notYet(context: TurnContext, state: BotState, deps: BotDependencies): Promise<void> {
  state.conversation.welcomed = true;
  await context.sendActivity(deps.messages.notYet);
  await context.sendActivity(card(helpCard(deps.messages)));
}

function card(content: AdaptiveCard): Partial<Activity> {
  return MessageFactory.attachment(CardFactory.adaptiveCard(content));
}
