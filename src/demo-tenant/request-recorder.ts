import type { IncomingHttpHeaders } from 'node:http';

/** Headers never kept: credentials must not sit in a test's memory dump or a failure message. */
const UNRECORDED_HEADERS = new Set(['authorization', 'cookie', 'proxy-authorization']);

/** Bounded so a long benchmark run cannot grow the recorder without limit. */
const DEFAULT_CAPACITY = 2000;

/** One request as the server received it, for tests that check what a client actually sent. */
export interface RecordedRequest {
  readonly method: string;
  /** Path and query exactly as sent, e.g. `/v1.0/informationProtection/bitlocker/recoveryKeys/{id}?$select=key`. */
  readonly url: string;
  /** Lower-case header names; `authorization` and cookies are left out. */
  readonly headers: Readonly<Record<string, string>>;
  /** Wall-clock milliseconds when the request arrived (before any fault latency), whatever `now` the tenant uses. */
  readonly receivedAt: number;
  /**
   * The status answered; `'dropped'` when the server destroyed the connection on purpose (a fault knob);
   * undefined while in flight or when the client went away first.
   */
  outcome: number | 'dropped' | undefined;
}

/** The last requests a demo server received, oldest first. */
export class RequestRecorder {
  private readonly recorded: RecordedRequest[] = [];

  constructor(private readonly capacity = DEFAULT_CAPACITY) {}

  /** Records an arriving request; the caller sets `outcome` once it has answered. */
  record(method: string, url: string, headers: IncomingHttpHeaders): RecordedRequest {
    const kept: Record<string, string> = {};
    for (const [name, value] of Object.entries(headers)) {
      if (value === undefined || UNRECORDED_HEADERS.has(name)) continue;
      kept[name] = Array.isArray(value) ? value.join(', ') : value;
    }
    const entry: RecordedRequest = {
      method,
      url,
      headers: kept,
      receivedAt: Date.now(),
      outcome: undefined,
    };
    this.recorded.push(entry);
    if (this.recorded.length > this.capacity) this.recorded.splice(0, this.recorded.length - this.capacity);
    return entry;
  }

  get entries(): readonly RecordedRequest[] {
    return [...this.recorded];
  }

  clear(): void {
    this.recorded.length = 0;
  }
}
