import { Application, TurnState } from '@microsoft/teams-ai';
import {
  type Activity,
  ActivityTypes,
  CardFactory,
  INVOKE_RESPONSE_KEY,
  MessageFactory,
  type Storage,
  TurnContext,
} from 'botbuilder';
import { type Messages, messagesFor } from '../cards/messages.js';
import { type OutgoingMessage, type RenderOptions, renderReply } from '../cards/render-reply.js';
import { releaseIdOf } from '../identity/sign-in-purpose.js';
import type { FailedStepUp, MismatchedStepUp, VerifiedStepUp } from '../identity/step-up.js';
import { type Logger, newCorrelationId } from '../observability/logger.js';
import { hideJobKey, recoveryVerdict, signInWatchdog } from '../recovery/after-disclosure.js';
import type { CaseRequestStore } from '../recovery/case-requests.js';
import { missVerdict, recentMisses } from '../recovery/escalation-policy.js';
import { type AuditLog, auditedRequester, type Job } from '../recovery/release-ports.js';
import { runRotationCheck } from '../recovery/rotation-check.js';
import { rotationJobKey } from '../recovery/rotation-check-job.js';
import { initialTriageState, pendingQuestion, transition } from '../recovery/triage.js';
import type { RecoveryRequest, TriageEffect, TriageEvent, TriageState } from '../recovery/triage-types.js';
import { decodeJob, type JobPayloads, type TypedJob } from '../recovery/typed-jobs.js';
import { DEFAULT_LANGUAGE, isLanguage, type Language, languageOfLocale } from '../understanding/languages.js';
import type { Understanding } from '../understanding/understand.js';
import type { BotAdapter } from './bot-adapter.js';
import { answerCaseVerb, CASE_ROUTE_VERBS, sendInvokeError } from './case-routes.js';
import { ConversationGate, DEFAULT_GATE_OPTIONS, type TurnLock } from './conversation-gate.js';
import { registerHelpdeskCommands } from './helpdesk-commands.js';
import {
  alertFlood,
  alertPossibleProbing,
  type HelpdeskContext,
  type HelpdeskServices,
  learnHelpdeskChannel,
  openCase,
  remindAboutCase,
} from './helpdesk-flow.js';
import { finishSendKey } from './helpdesk-send-key.js';
import { finishShowKey } from './helpdesk-show-key.js';
import {
  hiddenKeyCard,
  legacyCard,
  type ReleaseServices,
  releaseToRequester,
  signInUrl,
} from './release-flow.js';
import { requesterOf } from './requester-of.js';
import { localeOf, TeamsConversations } from './teams-conversations.js';
import { type ReleaseAction, readMessage, toReleaseAction } from './triage-event.js';
import { turnLogger } from './turn-context-data.js';
import { startTypingIndicator } from './typing-indicator.js';

/** What the bot remembers per conversation. Never a key, never what the person typed. */
export interface ConversationData {
  triage?: TriageState;
  /** The language the person writes in, once it clearly differs from their Teams locale. */
  language?: Language;
}

export type BotState = TurnState<ConversationData>;

export interface BotDependencies {
  readonly adapter: BotAdapter;
  readonly storage: Storage;
  readonly logger: Logger;
  /** The helpdesk's words (HELPDESK_LANGUAGE): case cards, agents' answers. Requesters get their own language. */
  readonly helpdeskMessages: Messages;
  /** Reads what people type: intent, Key ID, answers, language. */
  readonly understanding: Understanding;
  /**
   * Whether a requester may use self-service at all, known before any sign-in (group membership through the
   * app's own token); `undefined` when the deployment cannot tell, and the sign-in decides then.
   */
  readonly selfServiceAllowed: ((objectId: string) => Promise<boolean | undefined>) | undefined;
  readonly caseRequests: CaseRequestStore;
  /** The audit trail: every decision, escalations included, whichever features are configured. */
  readonly audit: AuditLog;
  /** KEY_ID_MISS_CASE_LIMIT: Key IDs matching none of a person's PCs that open a case per day. */
  readonly missCaseLimit: number;
  /** MESSAGES_PER_MINUTE: one person's message rate limit (and burst). */
  readonly messagesPerMinute: number;
  /** Conversation leases shared by every instance, so their turns run one at a time there too. */
  readonly turnLock: TurnLock | undefined;
  /** The daily retention job (not the Teams edge's: it only dispatches it with the other jobs). */
  readonly purgeExpired: () => Promise<void>;
  readonly now: () => Date;
  /** The app id proactive turns are sent as (empty in demo mode, where outbound auth is off). */
  readonly botAppId: string;
  /** Self-service release; absent where it is not configured (the verify card then offers IT). */
  readonly release: ReleaseServices | undefined;
  /** Helpdesk cases in a Teams channel; absent when no helpdesk channel is configured. */
  readonly helpdesk: HelpdeskServices | undefined;
}

/** The bot as the HTTP edge and the job runner see it. */
export interface Bot {
  /** One authenticated turn. */
  run(context: TurnContext): Promise<void>;
  /** The step-up sign-in verified the requester: release in their 1:1 chat (proactively). */
  continueAfterSignIn(result: VerifiedStepUp): Promise<void>;
  /** The sign-in was refused: audit it and tell the requester, when known. */
  rejectSignIn(result: MismatchedStepUp | FailedStepUp): Promise<void>;
  /** Runs one durable job (hide a release card…). Throws to have it retried. */
  runJob(job: Job): Promise<void>;
  /** Waits for the releases still running after their sign-in page was answered (graceful stop). */
  settle(): Promise<void>;
}

const VERIFIED = Symbol('verifiedStepUp');
const REJECTED = Symbol('rejectedStepUp');

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

  // Every 1:1 turn speaks the conversation's language. It is put on the activity, so each conversation
  // reference taken during the turn carries it, and proactive turns later (after the sign-in, the hide job,
  // the helpdesk's updates) continue in the same language without looking anything up.
  app.turn('beforeTurn', async (context, state) => {
    if (isPersonal(context.activity)) context.activity.locale = conversationLanguage(context, state);
    return true;
  });

  app.conversationUpdate('membersAdded', async (context, state) => {
    const botAdded = context.activity.membersAdded?.some(
      (member) => member.id === context.activity.recipient.id,
    );
    if (!botAdded) return;
    if (!isPersonal(context.activity)) {
      if (deps.helpdesk) await learnHelpdeskChannel(context, helpdeskContext(deps, deps.helpdesk));
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

  // Helpdesk commands come first: in the helpdesk channel before the redirect, in 1:1 before the triage.
  if (deps.helpdesk)
    registerHelpdeskCommands(app, {
      helpdesk: deps.helpdesk,
      messages: deps.helpdeskMessages,
      logger: deps.logger,
      now: deps.now,
    });

  app.message(
    (context) =>
      Promise.resolve(context.activity.type === ActivityTypes.Message && !isPersonal(context.activity)),
    async (context) => {
      await context.sendActivity(messagesFor(context.activity.locale).groupChatRedirect);
    },
  );

  // The one message route for 1:1 chats: every text and card submit becomes a triage event.
  if (deps.helpdesk) registerCaseActions(app, deps, deps.helpdesk);

  // A verified sign-in arrives as a proactive turn in the requester's 1:1 chat (see continueAfterSignIn).
  app.activity(
    (context) =>
      Promise.resolve(context.activity.type === ActivityTypes.Event && context.turnState.has(VERIFIED)),
    async (context, state) => {
      const verified = context.turnState.get(VERIFIED) as VerifiedStepUp;
      const { purpose } = verified;
      switch (purpose.kind) {
        case 'selfService':
          return await onVerified(context, state, verified, deps);
        case 'sendKey':
          // An agent signed in to send a requester's key from a case card.
          if (deps.helpdesk && deps.release) {
            const helpdesk = helpdeskContext(deps, deps.helpdesk);
            await finishSendKey(context, verified, purpose.caseNumber, helpdesk, deps.release);
          }
          return;
        case 'showKey':
          // An advanced agent signed in to see a requester's key themselves.
          if (deps.helpdesk && deps.release) {
            await finishShowKey(
              context,
              verified,
              purpose,
              helpdeskContext(deps, deps.helpdesk),
              deps.release,
            );
          }
          return;
      }
    },
  );

  // A refused sign-in, told in the conversation it came from (see rejectSignIn).
  app.activity(
    (context) =>
      Promise.resolve(context.activity.type === ActivityTypes.Event && context.turnState.has(REJECTED)),
    async (context, state) => {
      await onRejected(
        context,
        state,
        context.turnState.get(REJECTED) as MismatchedStepUp | FailedStepUp,
        deps,
      );
    },
  );

  app.activity(ActivityTypes.Message, async (context, state) => {
    const action = toReleaseAction(context.activity);
    if (action) {
      await onReleaseAction(context, state, action, deps);
      return;
    }
    const message = readMessage(context.activity);
    switch (message.kind) {
      case 'event':
        await runTriage(context, state, message.event, deps);
        return;
      case 'words':
        await runTriage(context, state, await understand(context, state, message.text, deps), deps);
        return;
      case 'unreadable':
        turnLogger(context, deps.logger).warn('card submit with data the bot does not know');
        await send(context, renderReply({ type: 'staleCard' }, messagesFor(context.activity.locale)));
        return;
    }
  });

  // Last: an invoke no route above answered (an unknown verb or name) gets words and a 400, not an empty 501.
  app.activity(ActivityTypes.Invoke, async (context) => {
    turnLogger(context, deps.logger).warn(
      {
        name: context.activity.name,
        verb: (context.activity.value as { action?: { verb?: unknown } })?.action?.verb,
      },
      'invoke the bot does not handle',
    );
    await sendInvokeError(
      context,
      400,
      messagesFor(context.activity.locale).helpdesk.refusals.unreadableAction,
    );
  });

  deps.adapter.onTurnError = async (context, error) => {
    if ((error as { code?: unknown } | null)?.code === 'ETAG_CONFLICT') {
      // Another instance ran a turn of this conversation at the same moment and saved first; its answer
      // stands, and an apology on top of it would only confuse.
      turnLogger(context, deps.logger).warn('turn state changed by another instance meanwhile; not saved');
      return;
    }
    turnLogger(context, deps.logger).error({ err: error }, 'turn failed');
    const apology = messagesFor(context.activity.locale).turnError;
    try {
      if (context.activity.type === ActivityTypes.Invoke) {
        // A button is answered with words and a status, not the empty 501 the adapter would give.
        if (!context.turnState.get(INVOKE_RESPONSE_KEY)) await sendInvokeError(context, 500, apology);
        return;
      }
      if (context.activity.type !== ActivityTypes.Message) return;
      await context.sendActivity(apology);
    } catch (sendError) {
      // The connector itself is failing; the original error is already logged.
      turnLogger(context, deps.logger).error({ err: sendError }, 'could not apologise to the user');
    }
  };

  /** Releases still running after their sign-in page was answered; `settle` waits for them on shutdown. */
  const background = new Set<Promise<void>>();
  const gate = new ConversationGate({
    now: () => deps.now().getTime(),
    burst: deps.messagesPerMinute,
    perMinute: deps.messagesPerMinute,
    ...(deps.turnLock ? { lock: deps.turnLock } : {}),
  });
  const conversations = conversationsOf(deps);
  const proactive = (reference: string, logic: (context: TurnContext) => Promise<void>) =>
    conversations.turnIn(reference, logic);

  return {
    async run(context) {
      if (!(await admitted(context, gate, deps))) return;
      await gate.serialize(context.activity.conversation.id, async () => {
        const stopTyping = startTypingIndicator(context);
        try {
          await app.run(context);
        } finally {
          stopTyping();
        }
      });
    },
    async continueAfterSignIn(result) {
      // A requester's release is watched: if this process dies before it finishes, any instance tells them
      // to verify again. Agents press their button again; their sign-ins are answered in the case thread.
      const watchdog =
        deps.release && result.purpose.kind === 'selfService'
          ? signInWatchdog(
              {
                requestId: result.requestId,
                requesterObjectId: result.requester.objectId,
                conversationReference: result.conversationReference,
              },
              deps.now(),
              deps.release.recoverAfterMs,
            )
          : undefined;
      if (watchdog) await deps.release?.jobs.schedule(watchdog);
      const running = proactive(result.conversationReference, (context) =>
        gate.serialize(context.activity.conversation.id, async () => {
          context.turnState.set(VERIFIED, result);
          await app.run(context);
        }),
      );
      background.add(running);
      try {
        await running;
        if (watchdog) await deps.release?.jobs.cancel([watchdog.key]);
      } finally {
        background.delete(running);
      }
    },
    async settle() {
      await Promise.allSettled([...background]);
    },
    async rejectSignIn(result) {
      const request = result.kind === 'mismatch' ? result : result.request;
      const correlationId = newCorrelationId();
      deps.logger.warn(
        {
          security: true,
          event: `stepUp.${result.kind}`,
          reason: result.kind === 'failed' ? result.reason : undefined,
          correlationId,
        },
        'step-up sign-in refused',
      );
      if (!request || !deps.release) return;
      await deps.release.audit.append({
        at: deps.now().toISOString(),
        correlationId,
        decision: result.kind === 'mismatch' ? 'signInMismatch' : 'signInFailed',
        reason: result.kind === 'mismatch' ? `signedInAs:${result.signedIn.objectId}` : result.reason,
        requester: auditedRequester(request.requester),
        requestId: request.requestId,
      });
      await proactive(request.conversationReference, (context) =>
        gate.serialize(context.activity.conversation.id, async () => {
          context.turnState.set(REJECTED, result);
          await app.run(context);
        }),
      );
    },
    async runJob(stored) {
      const job = decodeJob(stored);
      switch (job.kind) {
        case 'hideKeyCard':
          return await hideJob(job.id, job.payload);
        case 'caseReminder':
          if (deps.helpdesk) await remindAboutCase(job.payload, helpdeskContext(deps, deps.helpdesk));
          return;
        case 'recoverRelease':
          return await recoverJob(job.payload);
        case 'checkRotation':
          return await rotationJob(job);
        case 'purgeExpired':
          return await deps.purgeExpired();
        case 'unreadable':
          // Done, not retried: the same row would fail the same way on every instance.
          deps.logger.error({ jobId: job.id, kind: job.storedKind }, 'job without a usable payload; dropped');
          return;
      }
    },
  };

  /** Replaces a shown key card with the key-free one; the ledger says where it is. */
  async function hideJob(jobId: string, payload: JobPayloads['hideKeyCard']): Promise<void> {
    const card = legacyCard(payload) ?? (await deps.release?.ledger.progress(payload.requestId))?.card;
    if (!card) {
      // Never shown (taken back, or interrupted: the recovery job says what happened).
      deps.logger.info({ jobId, requestId: payload.requestId }, 'no key card to hide');
      return;
    }
    // An agent's revealed key is hidden with the helpdesk's words; a requester's in their language.
    const words =
      payload.caseNumber === undefined
        ? messagesFor(localeOf(card.conversationReference))
        : deps.helpdeskMessages;
    await conversations.update(card.conversationReference, card.activityId, {
      card: hiddenKeyCard(payload, words),
    });
    deps.logger.info({ jobId, keyId: payload.keyId }, 'release card hidden');
  }

  /**
   * After RELEASE_RECOVERY_SECONDS: a release whose process died is settled by whichever instance runs this. Not
   * shown yet → taken back and "try again"; maybe shown → said so, the rotation check stays; a sign-in
   * that led nowhere → "verify again".
   */
  async function recoverJob(payload: JobPayloads['recoverRelease']): Promise<void> {
    if (!deps.release) return;
    const { ledger } = deps.release;
    const watchdog = payload.followUpKeys.length === 0;
    const progress = await ledger.progress(payload.requestId);
    const verdict = recoveryVerdict(progress?.stage, watchdog);
    if (verdict === 'settled') return;
    deps.logger.warn(
      { security: true, requestId: payload.requestId, verdict },
      'interrupted release recovered',
    );
    if (verdict === 'withdraw') await ledger.withdraw(payload.requestId, payload.followUpKeys);
    const agents = deps.helpdeskMessages.helpdesk;
    const words = messagesFor(localeOf(payload.conversationReference)).release;
    const caseNumber = payload.caseNumber ?? 0;
    const agent = payload.audience === 'agent' || payload.caseNumber !== undefined;
    await conversations.send(payload.conversationReference, {
      text:
        verdict === 'maybeShown'
          ? agent
            ? agents.keyFlowMaybeShown(caseNumber)
            : words.maybeShown
          : agent
            ? agents.keyFlowInterrupted(caseNumber)
            : words.interrupted,
    });
  }

  async function rotationJob(job: Extract<TypedJob, { kind: 'checkRotation' }>): Promise<void> {
    if (!deps.release) return;
    const result = await runRotationCheck(job, {
      directory: deps.release.rotationDirectory,
      caseRequests: deps.caseRequests,
      audit: deps.release.audit,
      jobs: deps.release.jobs,
      rotateAfterRelease: deps.release.rotateAfterRelease,
      now: deps.now,
      logger: deps.logger,
    });
    deps.logger.info({ jobId: job.id, outcome: result.outcome }, 'rotation check');
    // A key that was never replaced becomes a helpdesk case like any other request for IT.
    if (result.outcome === 'overdue' && deps.helpdesk) {
      const caseRequest = await deps.caseRequests.latestFor(job.payload.requester.objectId);
      if (caseRequest?.number === result.caseNumber)
        await openCase(caseRequest, helpdeskContext(deps, deps.helpdesk));
    }
  }
}

/**
 * Whether a 1:1 message may run: a double tap is dropped quietly (the first one's answer serves both), and
 * a person over the rate limit hears "slow down" once, then nothing; the helpdesk hears of a flood once.
 */
async function admitted(
  context: TurnContext,
  gate: ConversationGate,
  deps: BotDependencies,
): Promise<boolean> {
  const { activity } = context;
  if (activity.type !== ActivityTypes.Message || !isPersonal(activity)) return true;
  const person = activity.from.aadObjectId ?? activity.from.id;
  const admission = gate.admit(person, activity.conversation.id, {
    text: activity.text,
    value: activity.value,
  });
  const log = turnLogger(context, deps.logger);
  switch (admission.kind) {
    case 'run':
      return true;
    case 'doubleTap':
      log.info('double tap: the same message again at once; the first answer stands');
      return false;
    case 'limited':
      if (admission.tell) {
        log.warn({ security: true }, 'message rate limit reached');
        await context.sendActivity(messagesFor(activity.locale).slowDown);
      }
      if (admission.abuse && deps.helpdesk) {
        log.warn({ security: true }, 'message flood; helpdesk alerted');
        await alertFlood(
          { objectId: person, displayName: activity.from.name ?? person },
          DEFAULT_GATE_OPTIONS.abuseAfter,
          helpdeskContext(deps, deps.helpdesk),
        );
      }
      return false;
  }
}

/** The proactive turn after a verified sign-in: the request must still be the one the sign-in was for. */
async function onVerified(
  context: TurnContext,
  state: BotState,
  verified: VerifiedStepUp,
  deps: BotDependencies,
): Promise<void> {
  const triage = state.conversation.triage;
  const request =
    triage?.step === 'idle' && triage.last?.kind === 'verification' ? triage.last.request : undefined;
  if (!deps.release || !request || request.id !== verified.requestId) {
    turnLogger(context, deps.logger).warn(
      { requestId: verified.requestId },
      'sign-in for a request that is no longer waiting',
    );
    await context.sendActivity(messagesFor(context.activity.locale).signIn.stale);
    return;
  }
  const words = messagesFor(context.activity.locale);
  const followUp = await releaseToRequester(context, verified, request, {
    services: deps.release,
    conversations: conversationsOf(deps),
    messages: words,
    now: deps.now,
    logger: deps.logger,
    correlationId: newCorrelationId(),
  });
  if (followUp.kind === 'shown') {
    await runTriage(context, state, { type: 'released', requestId: request.id }, deps);
  } else if (followUp.kind === 'needMoreDigits') {
    await context.sendActivity(words.release.needMoreDigits(followUp.matches));
    await runTriage(context, state, { type: 'command', command: 'restart' }, deps);
  } else if (followUp.kind === 'escalate') {
    if (followUp.denial === 'noMatch' && (await missLimitReached(context, verified, deps))) {
      await runTriage(context, state, { type: 'missLimitReached' }, deps);
      return;
    }
    await runTriage(
      context,
      state,
      {
        type: 'escalate',
        reason: followUp.reason,
        ...(followUp.releasedAt ? { releasedAt: followUp.releasedAt } : {}),
      },
      deps,
    );
  }
}

/**
 * A Key ID that matched none of the verified person's PCs. Up to the day's limit it opens a case like any
 * other; past it no more cases, and the helpdesk hears once that someone may be probing for keys.
 */
async function missLimitReached(
  context: TurnContext,
  verified: VerifiedStepUp,
  deps: BotDependencies,
): Promise<boolean> {
  if (!deps.release) return false;
  const misses = await recentMisses(deps.release.audit, verified.requester.objectId, deps.now());
  const verdict = missVerdict(misses, deps.missCaseLimit);
  if (verdict === 'openCase') return false;
  turnLogger(context, deps.logger).warn(
    { security: true, misses, verdict },
    'Key ID misses past the limit; no case',
  );
  if (verdict === 'alertHelpdesk' && deps.helpdesk)
    await alertPossibleProbing(verified.requester, misses, helpdeskContext(deps, deps.helpdesk));
  return true;
}

/**
 * The sign-in was refused (someone else signed in, or it failed). The link was single-use, so a requester
 * whose request still waits gets a fresh one with the words; an agent presses Send key or Show key again.
 */
async function onRejected(
  context: TurnContext,
  state: BotState,
  result: MismatchedStepUp | FailedStepUp,
  deps: BotDependencies,
): Promise<void> {
  const request = result.kind === 'mismatch' ? result : result.request;
  if (!request) return;
  switch (request.purpose.kind) {
    case 'sendKey':
      await context.sendActivity(deps.helpdeskMessages.helpdesk.sendKeyFlow.signInFailed);
      return;
    case 'showKey':
      await context.sendActivity(deps.helpdeskMessages.helpdesk.showKeyFlow.signInFailed);
      return;
    case 'selfService':
      break;
  }
  const words = messagesFor(context.activity.locale);
  await context.sendActivity(
    result.kind === 'mismatch' ? words.signIn.mismatch(result.signedIn.displayName) : words.signIn.failed,
  );
  const triage = state.conversation.triage;
  const waiting =
    triage?.step === 'idle' && triage.last?.kind === 'verification' ? triage.last.request : undefined;
  if (!deps.release || waiting?.id !== request.requestId) return;
  const verifyUrl = await signInUrl(context, { kind: 'selfService', requestId: waiting.id }, deps.release);
  await send(context, renderReply({ type: 'verify', request: waiting, again: true }, words, { verifyUrl }));
}

/** "It worked" / "It didn't work" on a release card. */
async function onReleaseAction(
  context: TurnContext,
  state: BotState,
  action: ReleaseAction,
  deps: BotDependencies,
): Promise<void> {
  const requester = requesterOf(context.activity);
  const triage = state.conversation.triage;
  const current =
    triage?.step === 'idle' && (triage.last?.kind === 'released' || triage.last?.kind === 'verification')
      ? triage.last.request
      : undefined;
  // A key the helpdesk sent names its case's release: the buttons work for that case's requester.
  const fromHelpdesk =
    current?.id !== action.requestId && (await isOwnCaseRelease(action.requestId, requester.objectId, deps));
  // The buttons act only on this conversation's own release: a copied card or another person's request id
  // changes nothing (the hide job is also keyed by the requester's object id).
  if (!deps.release || (current?.id !== action.requestId && !fromHelpdesk)) {
    turnLogger(context, deps.logger).warn(
      { security: true, requestId: action.requestId },
      'release button for another request',
    );
    await send(context, renderReply({ type: 'staleCard' }, messagesFor(context.activity.locale)));
    return;
  }
  const words = messagesFor(context.activity.locale);
  if (action.kind === 'keyWorked') {
    await keyWorked(action.requestId, requester.objectId, deps.release, deps.now);
    await send(context, renderReply({ type: 'glad', keyWasShown: true }, words));
    return;
  }
  await context.sendActivity(words.release.troubleshooting);
  // A helpdesk release already has its case and agent; a self-service one goes to IT now.
  if (!fromHelpdesk) await runTriage(context, state, { type: 'escalate', reason: 'keyDidNotWork' }, deps);
}

/** The shown key worked: hide it now rather than at the timer, and look for its replacement now too. */
async function keyWorked(
  requestId: string,
  requesterObjectId: string,
  release: ReleaseServices,
  now: () => Date,
): Promise<void> {
  const at = now().toISOString();
  // The job runner does both on any instance; a key never shown has no such jobs, and nothing changes.
  await release.jobs.reschedule(hideJobKey(requestId, requesterObjectId), at);
  await release.jobs.reschedule(rotationJobKey(requesterObjectId, requestId, 1), at);
}

/**
 * The conversation's language: the one the person was last clearly writing in, else their Teams locale's,
 * else English.
 */
function conversationLanguage(context: TurnContext, state: BotState): Language {
  const chosen = state.conversation.language;
  if (isLanguage(chosen)) return chosen;
  return languageOfLocale(context.activity.locale) ?? DEFAULT_LANGUAGE;
}

/**
 * Reads what the person typed into a triage event. The text goes to the understanding only; what comes
 * back holds no text. A clear switch of language is remembered for the conversation and used from this
 * reply on.
 */
async function understand(
  context: TurnContext,
  state: BotState,
  text: string,
  deps: BotDependencies,
): Promise<TriageEvent> {
  const language = conversationLanguage(context, state);
  const understood = await deps.understanding.understand(text, {
    language,
    pending: pendingQuestion(state.conversation.triage),
  });
  const log = turnLogger(context, deps.logger);
  if (understood.kind === 'recoveryPassword') {
    log.warn({ security: true }, 'a recovery password was typed into the chat; not read, not kept');
    return { type: 'recoveryPasswordTyped' };
  }
  if (understood.language !== language) {
    state.conversation.language = understood.language;
    context.activity.locale = understood.language;
  }
  const { utterance } = understood;
  log.info(
    {
      intent: utterance.intent,
      sure: utterance.sure,
      confidence: Number(understood.confidence.toFixed(3)),
      language: understood.language,
      keyId: utterance.keyId.kind,
      rootCause: utterance.rootCause,
      deviceKind: utterance.deviceKind,
    },
    'message understood',
  );
  return { type: 'said', utterance };
}

/** Whether `requestId` names the key the helpdesk sent for one of this requester's own cases. */
async function isOwnCaseRelease(
  requestId: string,
  requesterObjectId: string,
  deps: BotDependencies,
): Promise<boolean> {
  const cases = deps.helpdesk ? await deps.helpdesk.cases.byRequester(requesterObjectId) : [];
  return cases.some((own) => releaseIdOf({ kind: 'sendKey', caseNumber: own.number }) === requestId);
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
  const handOff = result.effects.find((effect) => effect.type === 'handOffToVerification');
  if (handOff && deps.release)
    options = {
      ...options,
      verifyUrl: await signInUrl(
        context,
        { kind: 'selfService', requestId: handOff.request.id },
        deps.release,
      ),
    };
  for (const effect of result.effects) {
    if (effect.type === 'checkSelfService') {
      // The answer is a new event for the machine, which then says what happens next.
      const allowed = await selfServiceAllowed(context, deps);
      if (allowed === false) await auditNotInGroup(context, effect.request, deps);
      await runTriage(
        context,
        state,
        { type: 'selfServiceChecked', requestId: effect.request.id, allowed },
        deps,
      );
      continue;
    }
    options = { ...options, ...(await perform(effect, context, options, deps)) };
  }
}

/** A refusal before the sign-in is a decision like any other: it is audited as the sign-in's would be. */
async function auditNotInGroup(
  context: TurnContext,
  request: RecoveryRequest,
  deps: BotDependencies,
): Promise<void> {
  const requester = requesterOf(context.activity);
  await deps.audit.append({
    at: deps.now().toISOString(),
    correlationId: newCorrelationId(),
    decision: 'denied',
    reason: 'notInSelfServiceGroup',
    requester: auditedRequester(requester),
    requestId: request.id,
    requestStartedAt: request.startedAt,
    ...(request.keyId ? { keyId: request.keyId } : {}),
  });
}

/** Eligibility before the sign-in; a directory that does not answer is no answer, and the sign-in decides. */
async function selfServiceAllowed(context: TurnContext, deps: BotDependencies): Promise<boolean | undefined> {
  const objectId = context.activity.from.aadObjectId;
  if (!deps.selfServiceAllowed || !objectId) return undefined;
  try {
    return await deps.selfServiceAllowed(objectId);
  } catch (error) {
    turnLogger(context, deps.logger).warn(
      { err: error },
      'self-service eligibility unknown; the sign-in decides',
    );
    return undefined;
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
      await send(context, renderReply(effect.reply, messagesFor(context.activity.locale), options));
      return {};
    case 'checkSelfService':
      // Carried out by runTriage, which feeds the answer back to the machine.
      return {};
    case 'keyWorked':
      if (deps.release) {
        await keyWorked(effect.requestId, requesterOf(context.activity).objectId, deps.release, deps.now);
      }
      return {};
    case 'handOffToVerification':
      // runTriage made the sign-in link for the verify card already; the step-up sign-in and the key lookup
      // go on in the release flow when the person comes back from it.
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
      if (created) {
        await deps.audit.append({
          at: caseRequest.createdAt,
          correlationId: newCorrelationId(),
          decision: 'escalated',
          reason: effect.reason,
          requester: auditedRequester(requester),
          requestId: effect.request.id,
          requestStartedAt: effect.request.startedAt,
          ...(effect.request.keyId ? { keyId: effect.request.keyId } : {}),
        });
      }
      // With a helpdesk channel the requester hears the case number the helpdesk uses.
      if (deps.helpdesk) {
        const opened = await openCase(caseRequest, helpdeskContext(deps, deps.helpdesk));
        return { caseNumber: opened.number };
      }
      return { caseNumber: caseRequest.number };
    }
  }
}

/** The Teams side of the conversations port; stateless, so one per use is as good as one in all. */
function conversationsOf(deps: BotDependencies): TeamsConversations {
  return new TeamsConversations(deps.adapter, deps.botAppId);
}

function helpdeskContext(deps: BotDependencies, helpdesk: HelpdeskServices): HelpdeskContext {
  return {
    conversations: conversationsOf(deps),
    messages: deps.helpdeskMessages,
    logger: deps.logger,
    now: deps.now,
    helpdesk,
  };
}

/** Universal Actions on case cards, one route per verb (`CASE_ROUTES`); each is re-authorized from the presser. */
function registerCaseActions(
  app: Application<BotState>,
  deps: BotDependencies,
  helpdesk: HelpdeskServices,
): void {
  for (const verb of CASE_ROUTE_VERBS) {
    app.adaptiveCards.actionExecute(verb, async (context, _state, raw) => {
      const answer = await answerCaseVerb(context, verb, raw, helpdeskContext(deps, helpdesk), deps.release);
      // Undefined: an error response was sent already, and teams-ai sends nothing more.
      return answer ?? '';
    });
  }
}

/** For `status`: the number of the requester's latest case request, when there is one. */
async function latestCase(context: TurnContext, deps: BotDependencies): Promise<RenderOptions> {
  const objectId = context.activity.from.aadObjectId;
  if (!objectId) return {};
  if (deps.helpdesk) {
    const [latestCase] = await deps.helpdesk.cases.byRequester(objectId);
    return latestCase ? { caseNumber: latestCase.number } : {};
  }
  const latest = await deps.caseRequests.latestFor(objectId);
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

function isPersonal(activity: Activity): boolean {
  return (activity.conversation?.conversationType ?? 'personal') === 'personal';
}

function describeEffect(effect: TriageEffect): string {
  switch (effect.type) {
    case 'reply':
      return `reply:${effect.reply.type}`;
    case 'handOffToVerification':
      return 'handOff';
    case 'checkSelfService':
      return 'checkSelfService';
    case 'requestCase':
      return `case:${effect.reason}`;
    case 'keyWorked':
      return 'keyWorked';
  }
}
