import type { IncomingMessage } from 'node:http';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ensureDemoCertificates } from '../../src/demo-tenant/certificates.js';
import { askForKey, demoKey } from '../support/ask-for-key.js';
import { type ConversationHarness, startConversationHarness } from '../support/conversation.js';
import { demoPerson } from '../support/demo-people.js';
import { scanForRecoveryPasswords } from '../support/scan-for-recovery-passwords.js';
import { signIn, verifyLink } from '../support/sign-in.js';
import { messageActivity } from '../support/teams-activities.js';

const alex = demoPerson('Alex Wilber');

/** An Application Insights envelope as the exporter sends it to the ingestion endpoint (`/v2.1/track`). */
interface Envelope {
  readonly name: string;
  readonly tags: Record<string, string>;
  readonly data: {
    readonly baseType: string;
    readonly baseData: Record<string, unknown> & { properties?: Record<string, string> };
  };
}

/**
 * A stand-in for Application Insights' ingestion endpoint: takes what the exporter posts (gzip JSON) and
 * answers as the service does, so the bot's real exporter runs end to end.
 */
async function fakeIngestion() {
  const envelopes: Envelope[] = [];
  const bodies: string[] = [];
  // HTTPS, as the exporter insists; the demo tenant's certificate, which tests trust.
  const { keyPem, certPem } = ensureDemoCertificates(inject('demoTenantCertDir'));
  const server = createServer({ key: keyPem, cert: certPem }, async (req: IncomingMessage, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks);
    const text = (req.headers['content-encoding'] === 'gzip' ? gunzipSync(raw) : raw).toString('utf8');
    bodies.push(text);
    const parsed = text.trim().startsWith('[')
      ? (JSON.parse(text) as Envelope[])
      : text
          .split('\n')
          .filter(Boolean)
          .map((line) => JSON.parse(line) as Envelope);
    envelopes.push(...parsed);
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ itemsReceived: parsed.length, itemsAccepted: parsed.length, errors: [] }));
  });
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  const { port } = server.address() as AddressInfo;
  return {
    connectionString: `InstrumentationKey=00000000-0000-4000-8000-000000000000;IngestionEndpoint=https://127.0.0.1:${port}/`,
    envelopes,
    bodies,
    close: () => new Promise<void>((closed) => server.close(() => closed())),
  };
}

describe('OpenTelemetry to Application Insights (APPLICATIONINSIGHTS_CONNECTION_STRING)', () => {
  let ingestion: Awaited<ReturnType<typeof fakeIngestion>>;
  let harness: ConversationHarness;
  const before = process.env.APPLICATIONINSIGHTS_STATSBEAT_DISABLED;
  beforeAll(async () => {
    // Statsbeat reports to Microsoft's own endpoint, which this machine cannot reach.
    process.env.APPLICATIONINSIGHTS_STATSBEAT_DISABLED = 'true';
    ingestion = await fakeIngestion();
    harness = await startConversationHarness({
      env: { APPLICATIONINSIGHTS_CONNECTION_STRING: ingestion.connectionString },
    });
  });
  afterAll(async () => {
    await ingestion?.close();
    if (before === undefined) delete process.env.APPLICATIONINSIGHTS_STATSBEAT_DISABLED;
    else process.env.APPLICATIONINSIGHTS_STATSBEAT_DISABLED = before;
  });

  it("requests and Graph calls arrive joined to the caller's trace context and to the correlation id, with no key", async () => {
    const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
    const key = demoKey(harness, 'ALEX-LAPTOP');
    const chat = harness.personalChat(alex);
    const { answersTurn: verify } = await askForKey(chat, key.id.slice(0, 8).toUpperCase());
    const traced = await fetch(`${harness.app.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', traceparent: `00-${traceId}-00f067aa0ba902b7-01` },
      body: JSON.stringify(messageActivity(chat.context, 'help')),
    });
    expect(traced.status).toBe(200);
    expect((await signIn(harness, verifyLink(verify), alex.id)).callbackStatus).toBe(200);
    await harness.stop(); // flushes the exporter

    const requests = ingestion.envelopes.filter((envelope) => envelope.data.baseType === 'RequestData');
    const dependencies = ingestion.envelopes.filter(
      (envelope) => envelope.data.baseType === 'RemoteDependencyData',
    );
    const joined = requests.find((request) => request.tags['ai.operation.id'] === traceId);
    expect(joined?.data.baseData).toMatchObject({ name: 'POST /api/messages', responseCode: '200' });
    const correlationId = joined?.data.baseData.properties?.['correlation.id'];
    expect(correlationId).toMatch(/^[0-9a-f-]{36}$/);
    // The bot's own log lines for that turn carry both ids: the log and Application Insights meet there.
    expect(
      harness.logs.some(
        (line) =>
          line.includes(`"trace_id":"${traceId}"`) && line.includes(`"correlationId":"${correlationId}"`),
      ),
    ).toBe(true);
    expect(requests.map((request) => request.data.baseData.name)).toEqual(
      expect.arrayContaining(['GET /auth/callback']),
    );
    const keyRead = dependencies.find(
      (dependency) => dependency.data.baseData.properties?.['graph.operation'] === 'readRecoveryKey',
    );
    expect(keyRead).toBeDefined();
    // The key read belongs to the sign-in callback's request, as its dependency.
    const callback = requests.find((request) => request.data.baseData.name === 'GET /auth/callback');
    expect(keyRead?.tags['ai.operation.id']).toBe(callback?.tags['ai.operation.id']);
    expect(String(keyRead?.data.baseData.data)).not.toContain('?');

    const everything = ingestion.bodies.join('\n');
    expect(scanForRecoveryPasswords([{ source: 'telemetry', text: everything }], [key.key])).toEqual([]);
    expect(everything).not.toMatch(/[?&](code|state)=/);
  }, 60_000);
});
