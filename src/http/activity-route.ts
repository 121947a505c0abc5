import type { Activity } from 'botbuilder';
import type { Request, Response } from 'restify';
import { z } from 'zod';
import type { BotAdapter } from '../bot/bot-adapter.js';
import type { Bot } from '../bot/bot-app.js';
import { setTurnLogger } from '../bot/turn-context-data.js';
import { type Logger, newCorrelationId } from '../observability/logger.js';
import type { Metrics } from '../observability/metrics.js';
import { tagCorrelationId } from '../observability/telemetry.js';

export interface ActivityRouteDependencies {
  readonly adapter: BotAdapter;
  readonly bot: Bot;
  readonly logger: Logger;
  readonly metrics: Metrics;
  /** The only tenant whose activities reach a handler. */
  readonly tenantId: string;
  /** Counts turns in flight so shutdown can wait for them. */
  readonly inFlight: { enter(): void; leave(): void };
}

/** Just enough shape to authenticate: botbuilder reads `type`, `serviceUrl` and `channelId`. */
const envelope = z.object({ type: z.string().min(1) }).passthrough();

/** What a handler may rely on once the request is authenticated. */
const activitySchema = z
  .object({
    type: z.string().min(1),
    serviceUrl: z.string().url(),
    channelId: z.string().min(1),
    conversation: z.object({ id: z.string().min(1), tenantId: z.string().optional() }).passthrough(),
    from: z.object({ id: z.string().min(1) }).passthrough(),
    recipient: z.object({ id: z.string().min(1) }).passthrough(),
    // Teams always sends text as a string; anything else is a broken or forged activity.
    text: z.string().optional(),
    channelData: z
      .object({ tenant: z.object({ id: z.string() }).passthrough().optional() })
      .passthrough()
      .optional(),
  })
  .passthrough();

/**
 * `POST /api/messages`: malformed → 400, unauthenticated → 401, another tenant → 403, then the turn.
 * The order matters: nothing about the activity is trusted, logged in detail or handled before the
 * channel's token is valid.
 */
export function activityRoute(deps: ActivityRouteDependencies) {
  return async (req: Request, res: Response): Promise<void> => {
    const correlationId = newCorrelationId();
    tagCorrelationId(correlationId);
    const log = deps.logger.child({ correlationId });
    const contentType = req.header('content-type');
    if (contentType !== undefined && !/^application\/json\s*(;|$)/i.test(contentType)) {
      deps.metrics.activities.inc({ type: 'unknown', outcome: 'malformed' });
      res.send(415, { error: 'UnsupportedMediaType', message: 'Send the activity as application/json.' });
      return;
    }
    const shape = envelope.safeParse(req.body);
    if (!shape.success) {
      deps.metrics.activities.inc({ type: 'unknown', outcome: 'malformed' });
      res.send(400, {
        error: 'BadRequest',
        message: 'The body must be a Bot Framework activity (JSON with a type).',
      });
      return;
    }
    const type = shape.data.type;
    const draft = shape.data as unknown as Activity;

    let authenticated: Awaited<ReturnType<BotAdapter['authenticate']>>;
    try {
      authenticated = await deps.adapter.authenticate(draft, req.header('authorization') ?? '');
    } catch (error) {
      // botbuilder throws AuthenticationError for most failures and plain errors for a bad signature or a
      // token that is not yet valid: every failure here means "not authenticated".
      log.warn(
        {
          security: true,
          event: 'activity.unauthenticated',
          reason: (error as Error).message,
          ip: req.socket.remoteAddress,
        },
        'refused an activity that failed Bot Framework authentication',
      );
      deps.metrics.activities.inc({ type, outcome: 'unauthorized' });
      res.send(401, { error: 'Unauthorized' });
      return;
    }

    const parsed = activitySchema.safeParse(req.body);
    if (!parsed.success) {
      deps.metrics.activities.inc({ type, outcome: 'malformed' });
      res.send(400, { error: 'BadRequest', message: describeIssues(parsed.error) });
      return;
    }
    const activity = parsed.data as unknown as Activity;
    const tenantId = activity.conversation.tenantId ?? parsed.data.channelData?.tenant?.id;
    if (tenantId?.toLowerCase() !== deps.tenantId.toLowerCase()) {
      log.warn(
        {
          security: true,
          event: 'activity.foreign_tenant',
          tenantId: tenantId ?? null,
          type,
          channelId: activity.channelId,
        },
        'dropped an activity from another tenant before any handler ran',
      );
      deps.metrics.activities.inc({ type, outcome: 'foreign_tenant' });
      res.send(403, { error: 'Forbidden', message: 'This bot serves one tenant only.' });
      return;
    }

    deps.inFlight.enter();
    try {
      const invokeResponse = await deps.adapter.run(authenticated, activity, async (context) => {
        setTurnLogger(context, log);
        await deps.bot.run(context);
      });
      deps.metrics.activities.inc({ type, outcome: 'handled' });
      res.send(invokeResponse?.status ?? 200, invokeResponse?.body);
    } catch (error) {
      log.error({ err: error }, 'turn failed outside the bot');
      deps.metrics.activities.inc({ type, outcome: 'failed' });
      res.send(500, { error: 'InternalServerError' });
    } finally {
      deps.inFlight.leave();
    }
  };
}

function describeIssues(error: z.ZodError): string {
  return `Not a valid activity: ${error.issues.map((issue) => `${issue.path.join('.') || 'body'} ${issue.message}`).join('; ')}`;
}
