import { ActivityTypes, type TurnContext } from 'botbuilder';

const FIRST_TYPING_AFTER_MS = 400;
const REPEAT_TYPING_EVERY_MS = 2500;

/**
 * Shows "…is typing" while a message turn works, until the bot sends its first message.
 * teams-ai's own typing timer lives on the shared `Application`, so concurrent turns stop each other's
 * timers; this one belongs to a single turn. Returns a function that stops it.
 */
export function startTypingIndicator(context: TurnContext): () => void {
  if (context.activity.type !== ActivityTypes.Message) return () => undefined;
  let timer: NodeJS.Timeout | undefined;
  let running = true;
  const stop = (): void => {
    running = false;
    if (timer) clearTimeout(timer);
    timer = undefined;
  };
  context.onSendActivities(async (_context, activities, next) => {
    if (activities.some((activity) => activity.type === ActivityTypes.Message)) stop();
    return next();
  });
  const tick = async (): Promise<void> => {
    if (!running) return;
    try {
      await context.sendActivity({ type: ActivityTypes.Typing });
    } catch {
      // The turn ended while the indicator was in flight (the context is revoked): nothing to show any more.
      stop();
      return;
    }
    if (running) timer = setTimeout(tick, REPEAT_TYPING_EVERY_MS);
  };
  timer = setTimeout(tick, FIRST_TYPING_AFTER_MS);
  return stop;
}
