import { randomUUID } from 'node:crypto';
import { type DestinationStream, type Logger, pino } from 'pino';
import { activeTraceIds } from './telemetry.js';

export type { Logger } from 'pino';

/**
 * Anything shaped like a BitLocker recovery password: 8 blocks of 6 digits, joined by nothing or by up to
 * three spaces or dashes of any kind (as people and tools write it). Stored data is refused on a broader
 * check (`findRecoveryPassword`); a log line is redacted where this matches, so it must match whole keys.
 */
export const RECOVERY_PASSWORD_PATTERN = /\d{6}(?:[\s\-\u2010-\u2015\u2212]{0,3}\d{6}){7}/g;

const REDACTED = '[REDACTED]';

/**
 * Field names whose values are secret wherever they appear (case-insensitive).
 * The password-shaped string scan below covers free text; this list covers credentials.
 */
const SECRET_KEY_PATTERN =
  /^(authorization|cookie|set-cookie|password|passwd|secret|client_?secret|clientsecret|token|access_?token|id_?token|refresh_?token|assertion|client_assertion|code|code_verifier|bot_password|aad_app_client_secret|key|recoverypassword|recovery_password)$/i;

const TOKEN_SHAPE = /\beyJ[\w-]+\.[\w-]+\.[\w-]*/g;
const BEARER_SHAPE = /\b(Bearer)\s+[\w.~+/=-]+/gi;

/** Replaces secrets inside a string: recovery-password shapes, JWTs and bearer credentials. */
export function redactText(text: string): string {
  return text
    .replace(RECOVERY_PASSWORD_PATTERN, REDACTED)
    .replace(BEARER_SHAPE, `$1 ${REDACTED}`)
    .replace(TOKEN_SHAPE, REDACTED);
}

/**
 * Deep copy of a log payload with every secret removed. Runs on every log call (pino's `formatters.log`),
 * so it stays allocation-light: untouched primitives are returned as they are.
 */
export function redactValue(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return redactText(value);
  if (value === null || typeof value !== 'object') return value;
  if (depth > 8) return '[Truncated]';
  if (value instanceof Error) {
    return {
      type: value.name,
      message: redactText(value.message),
      stack: value.stack ? redactText(value.stack) : undefined,
      code: (value as { code?: unknown }).code,
    };
  }
  if (Array.isArray(value)) return value.map((item) => redactValue(item, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    out[key] = SECRET_KEY_PATTERN.test(key) && inner !== undefined ? REDACTED : redactValue(inner, depth + 1);
  }
  return out;
}

export interface LoggerOptions {
  level?: string;
  /** Where lines go; stdout when absent. Tests pass a capturing stream. */
  destination?: DestinationStream;
}

/**
 * The one root logger. Components take `logger.child({ component })`. Redaction cannot be switched off:
 * fields are scrubbed by name and content before serialization, and every finished line is scanned once
 * more, which also covers child-logger bindings (pino serializes those without `formatters`).
 */
export function createLogger(options: LoggerOptions = {}): Logger {
  const destination = options.destination ?? pino.destination({ dest: 1, sync: true });
  return pino(
    {
      level: options.level ?? 'info',
      base: undefined,
      timestamp: pino.stdTimeFunctions.isoTime,
      // Inside a traced request every line carries its trace and span ids (Application Insights' operation).
      mixin: () => activeTraceIds(),
      // `msg` is formatted before `formatters.log` sees it, so messages are scrubbed in `hooks.logMethod`.
      hooks: {
        logMethod(args, method) {
          const scrubbed = args.map((arg) => (typeof arg === 'string' ? redactText(arg) : arg));
          method.apply(this, scrubbed as Parameters<typeof method>);
        },
      },
      formatters: {
        level: (label) => ({ level: label }),
        log: (object) => redactValue(object) as Record<string, unknown>,
        bindings: (bindings) => redactValue(bindings) as Record<string, unknown>,
      },
      serializers: { err: (err: unknown) => redactValue(err) },
    },
    { write: (line: string) => destination.write(redactText(line)) },
  );
}

/** A fresh correlation id for one turn or request. */
export function newCorrelationId(): string {
  return randomUUID();
}
