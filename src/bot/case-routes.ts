import { ActivityTypes, type TurnContext } from 'botbuilder';
import { z } from 'zod';
import { CARD_INPUTS, CASE_VERBS, type CaseVerb } from '../cards/adaptive-card.js';
import { messagesFor } from '../cards/messages.js';
import { VERIFICATION_METHODS } from '../helpdesk/case.js';
import type { CaseAction } from '../helpdesk/decide-agent-action.js';
import {
  answerCaseAction,
  type CaseAnswer,
  caseForAudience,
  caseInHand,
  type HelpdeskContext,
  presserWords,
} from './helpdesk-flow.js';
import { startSendKey } from './helpdesk-send-key.js';
import { hideRevealedKey, offerShowKey, startShowKey } from './helpdesk-show-key.js';
import type { ReleaseServices } from './release-flow.js';
import { turnLogger } from './turn-context-data.js';

/** What every case button sends: the case, the version on the card, and the inputs of its form. */
const caseActionData = z.object({
  caseNumber: z.number().int().positive(),
  expectedVersion: z.number().int().positive(),
  [CARD_INPUTS.verificationMethod]: z.enum(VERIFICATION_METHODS).optional().catch(undefined),
  [CARD_INPUTS.verificationNote]: z.string().max(1000).optional(),
  [CARD_INPUTS.requesterNote]: z.string().max(1000).optional(),
  // Longer than the domain allows, so an over-long reason is refused with words, not as unreadable.
  [CARD_INPUTS.showKeyReason]: z.string().max(20_000).optional(),
});
type CaseActionData = z.infer<typeof caseActionData>;

/** How a verb is handled: decided by the case use case right away, or one of the agents' multi-step flows. */
type CaseRoute =
  | { readonly kind: 'decide'; readonly action: (data: CaseActionData) => CaseAction }
  | { readonly kind: 'backToCase' }
  | { readonly kind: 'offerShowKey' }
  | { readonly kind: 'startSendKey' }
  | { readonly kind: 'startShowKey' }
  | { readonly kind: 'hideKey' };

/** Every case verb and its route; a verb added to CASE_VERBS without a route here does not compile. */
export const CASE_ROUTES: { readonly [verb in CaseVerb]: CaseRoute } = {
  [CASE_VERBS.claim]: { kind: 'decide', action: () => ({ type: 'claim' }) },
  [CASE_VERBS.releaseClaim]: { kind: 'decide', action: () => ({ type: 'releaseClaim' }) },
  [CASE_VERBS.recordVerification]: {
    kind: 'decide',
    action: (data) => ({
      type: 'recordVerification',
      method: data.verificationMethod,
      note: data.verificationNote ?? '',
    }),
  },
  [CASE_VERBS.resolve]: { kind: 'decide', action: () => ({ type: 'resolve' }) },
  [CASE_VERBS.reject]: {
    kind: 'decide',
    action: (data) => ({
      type: 'rejectAsSuspicious',
      note: data.verificationNote?.trim() || 'marked suspicious on the case card',
    }),
  },
  [CASE_VERBS.reopen]: { kind: 'decide', action: () => ({ type: 'reopen' }) },
  [CASE_VERBS.cancel]: { kind: 'decide', action: () => ({ type: 'cancel' }) },
  [CASE_VERBS.addNote]: {
    kind: 'decide',
    action: (data) => ({ type: 'addNote', note: data.requesterNote ?? '' }),
  },
  [CASE_VERBS.refresh]: { kind: 'backToCase' },
  [CASE_VERBS.showKeyToMe]: { kind: 'offerShowKey' },
  [CASE_VERBS.sendKey]: { kind: 'startSendKey' },
  [CASE_VERBS.revealKey]: { kind: 'startShowKey' },
  [CASE_VERBS.hideKey]: { kind: 'hideKey' },
};

export const CASE_ROUTE_VERBS = Object.keys(CASE_ROUTES) as CaseVerb[];

/**
 * One case button: parse, route, answer. Whatever happens, the presser gets words within Teams' invoke
 * limit: bad data a 400 error response, an unexpected failure a 500 one (logged), never an empty body.
 */
export async function answerCaseVerb(
  context: TurnContext,
  verb: CaseVerb,
  raw: unknown,
  deps: HelpdeskContext,
  release: ReleaseServices | undefined,
): Promise<CaseAnswer | undefined> {
  const parsed = caseActionData.safeParse(raw);
  if (!parsed.success) {
    turnLogger(context, deps.logger).warn({ verb }, 'case button with data the bot does not know');
    await sendInvokeError(context, 400, presserWords(context, deps).helpdesk.refusals.unreadableAction);
    return undefined;
  }
  try {
    return await route(context, CASE_ROUTES[verb], parsed.data, deps, release);
  } catch (error) {
    turnLogger(context, deps.logger).error({ err: error, verb }, 'case button failed');
    await sendInvokeError(context, 500, messagesFor(context.activity.locale).turnError);
    return undefined;
  }
}

async function route(
  context: TurnContext,
  caseRoute: CaseRoute,
  data: CaseActionData,
  deps: HelpdeskContext,
  release: ReleaseServices | undefined,
): Promise<CaseAnswer> {
  const { caseNumber, expectedVersion } = data;
  if (caseRoute.kind === 'decide')
    return await answerCaseAction(context, caseRoute.action(data), caseNumber, expectedVersion, deps);
  // Hiding touches only the message the button is on, in the presser's own chat: no case is read.
  if (caseRoute.kind === 'hideKey') return await hideRevealedKey(context, caseNumber, deps);
  const inHand = await caseInHand(context, caseNumber, expectedVersion, deps);
  if (inHand.kind === 'answer') return inHand.answer;
  const keyReleaseOff = deps.messages.helpdesk.refusals.keyReleaseOff;
  switch (caseRoute.kind) {
    case 'backToCase':
      return caseForAudience(context, inHand, deps);
    case 'offerShowKey':
      return offerShowKey(context, inHand, deps);
    case 'startSendKey':
      return release ? await startSendKey(context, inHand, deps, release) : keyReleaseOff;
    case 'startShowKey':
      return release
        ? await startShowKey(context, inHand, data.showKeyReason ?? '', deps, release)
        : keyReleaseOff;
  }
}

/**
 * Answers the invoke with a Universal Actions error response (status and words) instead of a card. Sending
 * the `invokeResponse` activity marks the turn as answered, so teams-ai adds nothing after it.
 */
export async function sendInvokeError(
  context: TurnContext,
  status: 400 | 500,
  message: string,
): Promise<void> {
  await context.sendActivity({
    type: ActivityTypes.InvokeResponse,
    value: {
      status,
      body: {
        statusCode: status,
        type: 'application/vnd.microsoft.error',
        value: { code: String(status), message },
      },
    },
  });
}
