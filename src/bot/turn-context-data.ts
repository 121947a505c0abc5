import type { TurnContext } from 'botbuilder';
import type { Logger } from '../observability/logger.js';

const TURN_LOGGER = Symbol('turnLogger');

/** Puts the turn's logger (bound to its correlation id) on the context, for handlers and the error handler. */
export function setTurnLogger(context: TurnContext, logger: Logger): void {
  context.turnState.set(TURN_LOGGER, logger);
}

/** The turn's logger, or `fallback` for turns that did not come through the HTTP edge (proactive ones). */
export function turnLogger(context: TurnContext, fallback: Logger): Logger {
  return (context.turnState.get(TURN_LOGGER) as Logger | undefined) ?? fallback;
}
