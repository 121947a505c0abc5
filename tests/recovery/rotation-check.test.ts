import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { en } from '../../src/cards/messages.js';
import type { DemoTenant } from '../../src/demo-tenant/demo-tenant.js';
import { DEMO_DEVICE_NAMES } from '../../src/demo-tenant/sample-data.js';
import { createGraphClient, type GraphClient } from '../../src/graph/graph-client.js';
import { graphRotationDirectory } from '../../src/graph/graph-key-access.js';
import { sendReleaseNotice } from '../../src/graph/graph-release-notice.js';
import { createAppTokenProvider } from '../../src/identity/app-token-provider.js';
import type { Logger } from '../../src/observability/logger.js';
import { DirectoryError } from '../../src/recovery/directory-ports.js';
import type { Job } from '../../src/recovery/release-ports.js';
import {
  type RotateAfterRelease,
  type RotationCheckDependencies,
  type RotationCheckResult,
  runRotationCheck,
} from '../../src/recovery/rotation-check.js';
import { firstRotationCheck, type RotationCheckInput } from '../../src/recovery/rotation-check-job.js';
import { decodeJob } from '../../src/recovery/typed-jobs.js';
import { openStore, type Store } from '../../src/store/store.js';
import { RECOVERY_PASSWORD_SHAPE, startTestTenant } from '../demo-tenant/demo-tenant-fixture.js';
import { signInForGraph } from '../graph/demo-graph-access.js';
import {
  aFixedClock,
  aRequester,
  DAY_MS,
  type FixedClock,
  HOUR_MS,
  MINUTE_MS,
} from '../support/release-builders.js';
import { capturingLogger } from '../support/store-backends.js';

const OPTIONS = { firstCheckAfterMs: 10 * MINUTE_MS, deadlineMs: DAY_MS, maxIntervalMs: 4 * HOUR_MS };
const WORKER = 'rotation-test-worker';
const ROTATE_PATH = /\/beta\/deviceManagement\/managedDevices\/[0-9a-f-]+\/rotateBitLockerKeys$/;
const MANAGED_LOOKUP_PATH = /\/beta\/deviceManagement\/managedDevices\?/;

let tenant: DemoTenant;
let tenantLog: string[];
let dir: string;
let store: Store;
let dbPath: string;
let log: { logger: Logger; lines: string[] };
let clock: FixedClock;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'rotation-test-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

beforeEach(async (context) => {
  // A fresh tenant per test: rotation adds keys to devices, and every test starts from the sample keys.
  ({ tenant, logLines: tenantLog } = await startTestTenant());
  log = capturingLogger();
  dbPath = join(dir, `${context.task.id}.db`);
  store = await openStore(`sqlite:${dbPath}`, log.logger);
  clock = aFixedClock(new Date());
});

afterEach(async () => {
  // Everything the loop and the notice wrote: the bot's log, the demo tenant's log, the database file.
  await store.close();
  const database = readFileSync(dbPath).toString('latin1');
  for (const text of [...log.lines, ...tenantLog, database])
    expect(text).not.toMatch(RECOVERY_PASSWORD_SHAPE);
  await tenant.stop();
});

/** A Graph client with the app's token, as the job runner would use: no person is waiting. */
function appGraph(limits: Partial<Parameters<typeof createGraphClient>[0]['limits']> = {}): GraphClient {
  return createGraphClient({
    endpoint: tenant.graphEndpoint,
    token: createAppTokenProvider({
      entra: {
        authorityHost: tenant.authorityHost,
        tenantId: tenant.tenantId,
        clientId: tenant.botApp.clientId,
        credential: { kind: 'secret', secret: tenant.botApp.clientSecret },
      },
      logger: log.logger,
    }),
    logger: log.logger,
    userInitiated: false,
    clientName: 'rotation-test',
    clientVersion: '1.0',
    // Quick, so a 503 storm gives up within the test; the breaker stays out of the way.
    limits: { maxAttempts: 2, baseDelayMs: 5, maxDelayMs: 20, breakerFailureThreshold: 1000, ...limits },
  });
}

function deps(mode: RotateAfterRelease, overrides: Partial<RotationCheckDependencies> = {}) {
  return {
    directory: graphRotationDirectory(appGraph()),
    caseRequests: store.caseRequests,
    audit: store.audit,
    jobs: store.jobs,
    rotateAfterRelease: mode,
    now: clock.now,
    logger: log.logger,
    ...overrides,
  } satisfies RotationCheckDependencies;
}

/** The demo device by name, and its operating-system key (the one a recovery screen asks for). */
function deviceNamed(name: string) {
  const device = [...tenant.data.devices.values()].find((candidate) => candidate.displayName === name);
  if (!device) throw new Error(`no demo device ${name}`);
  const osKey = tenant.data
    .keysForDevice(device.deviceId)
    .filter((key) => key.volumeType === 1)
    .sort((a, b) => b.createdDateTime.localeCompare(a.createdDateTime))[0];
  if (!osKey) throw new Error(`${name} has no OS key`);
  return { device, osKey };
}

/** What the lead passes after a release of `name`'s OS key to Alex (or the owner given). */
function releaseOf(name: string, requesterName = 'Alex Wilber'): RotationCheckInput {
  const { device, osKey } = deviceNamed(name);
  return {
    requestId: `req-${name}`,
    requester: aRequester({ name: requesterName }),
    deviceId: device.deviceId,
    deviceName: device.displayName,
    releasedKeyId: osKey.id,
    releasedKeyCreatedAt: osKey.createdDateTime,
    conversationReference: JSON.stringify({ conversation: { id: `a:${requesterName}` } }),
    correlationId: `corr-${name}`,
  };
}

/** A stored job as the dispatcher hands it to the rotation check, through the one codec. */
function asRotation(job: Job) {
  const typed = decodeJob(job);
  if (typed.kind !== 'checkRotation') throw new Error(`not a rotation check: ${typed.kind}`);
  return typed;
}

/** Claims the due rotation jobs as the job runner does, runs them, completes them. */
async function runDue(dependencies: RotationCheckDependencies): Promise<RotationCheckResult[]> {
  const due = await store.jobs.claimDue(clock.now().toISOString(), WORKER, 60_000, 10);
  const results: RotationCheckResult[] = [];
  for (const job of due) {
    results.push(await runRotationCheck(asRotation(job), dependencies));
    await store.jobs.complete(job.id, WORKER);
  }
  return results;
}

/** Claims exactly one due job and hands it back leased, for tests that run it by hand. */
async function claimOne(): Promise<Job> {
  const due = await store.jobs.claimDue(clock.now().toISOString(), WORKER, 60_000, 10);
  expect(due).toHaveLength(1);
  return due[0] as Job;
}

function graphCalls(path: RegExp, method = 'POST'): number {
  return tenant.graphRequests.entries.filter((entry) => entry.method === method && path.test(entry.url))
    .length;
}

async function auditDecisions(deviceId: string): Promise<string[]> {
  return (await store.audit.query({ deviceId })).map((event) => event.decision).reverse();
}

async function pendingAt(at: Date): Promise<readonly Job[]> {
  return store.jobs.claimDue(at.toISOString(), 'peeking-worker', 1, 100);
}

describe('firstRotationCheck, scheduled', () => {
  it('schedules one check per request after the first wait, with metadata only', async () => {
    const release = releaseOf(DEMO_DEVICE_NAMES.alexLaptop);
    await store.jobs.schedule(firstRotationCheck(release, clock.now(), OPTIONS));
    await store.jobs.schedule(firstRotationCheck(release, clock.now(), OPTIONS));

    expect(await pendingAt(new Date(clock.now().getTime() + 10 * MINUTE_MS - 1))).toEqual([]);
    const [job, ...others] = await pendingAt(new Date(clock.now().getTime() + 10 * MINUTE_MS));
    expect(others).toEqual([]);
    expect(job).toMatchObject({ kind: 'checkRotation', attempts: 0 });
    expect(job?.payload).toMatchObject({
      requestId: release.requestId,
      deviceId: release.deviceId,
      releasedKeyId: release.releasedKeyId,
      check: 1,
      intune: 'notAsked',
      deadlineAt: new Date(clock.now().getTime() + DAY_MS).toISOString(),
    });
    // Not one of the tenant's recovery passwords, in any form, anywhere in the stored job.
    const stored = JSON.stringify(job);
    for (const key of tenant.data.recoveryKeys) expect(stored).not.toContain(key.key);
    expect(stored).not.toMatch(RECOVERY_PASSWORD_SHAPE);
  });
});

describe('runRotationCheck', () => {
  it('confirms once the device escrowed a newer key for the same volume (client-driven rotation)', async () => {
    const release = releaseOf(DEMO_DEVICE_NAMES.alexLaptop);
    await store.jobs.schedule(firstRotationCheck(release, clock.now(), OPTIONS));
    const graph = appGraph();

    // A newer key on the data drive says nothing about the OS volume's disclosed password.
    tenant.data.addRecoveryKey({
      id: '0f0e0d0c-0b0a-4909-8807-060504030201',
      deviceId: release.deviceId,
      createdDateTime: new Date().toISOString(),
      volumeType: 2,
      key: '000000-000011-000022-000033-000044-000055-000066-000077',
    });
    clock.advance(10 * MINUTE_MS);
    expect(await runDue(deps('none', { directory: graphRotationDirectory(graph) }))).toEqual([
      { outcome: 'waiting', nextCheckAt: new Date(clock.now().getTime() + 20 * MINUTE_MS).toISOString() },
    ]);

    const [rotated] = tenant.data.rotateRecoveryKeys(release.deviceId, new Date());
    clock.advance(20 * MINUTE_MS);
    expect(await runDue(deps('none', { directory: graphRotationDirectory(graph) }))).toEqual([
      { outcome: 'confirmed', newKeyId: rotated?.id },
    ]);

    expect(await auditDecisions(release.deviceId)).toEqual(['rotationConfirmed']);
    const [confirmed] = await store.audit.query({ deviceId: release.deviceId });
    expect(confirmed).toMatchObject({
      reason: 'newerKey',
      requestId: release.requestId,
      keyId: release.releasedKeyId,
      correlationId: release.correlationId,
      requester: { objectId: release.requester.objectId },
    });
    expect(await pendingAt(new Date(clock.now().getTime() + 2 * DAY_MS))).toEqual([]);
    expect(graphCalls(ROTATE_PATH)).toBe(0);
    expect(await store.caseRequests.latestFor(release.requester.objectId)).toBeUndefined();
  });

  it('with ROTATE_AFTER_RELEASE=intune asks Intune exactly once, then confirms the new key', async () => {
    const release = releaseOf(DEMO_DEVICE_NAMES.meganLaptop, 'Megan Bowen');
    await store.jobs.schedule(firstRotationCheck(release, clock.now(), OPTIONS));
    const dependencies = deps('intune');
    const keysBefore = new Set(tenant.data.keysForDevice(release.deviceId).map((key) => key.id));

    clock.advance(10 * MINUTE_MS);
    const first = await claimOne();
    expect(await runRotationCheck(asRotation(first), dependencies)).toEqual({
      outcome: 'requestedIntune',
      nextCheckAt: new Date(clock.now().getTime() + 20 * MINUTE_MS).toISOString(),
    });
    expect(graphCalls(ROTATE_PATH)).toBe(1);
    const managed = tenant.data.managedDeviceFor(release.deviceId);
    expect(tenant.graphRequests.entries.find((entry) => ROTATE_PATH.test(entry.url))?.url).toContain(
      managed?.id,
    );

    // The runner lost its lease before completing the job and runs it again. The demo device rotated at
    // once, so the re-run sees the new key; either way Intune is not asked a second time.
    expect(await runRotationCheck(asRotation(first), dependencies)).toMatchObject({ outcome: 'confirmed' });
    expect(graphCalls(ROTATE_PATH)).toBe(1);
    await store.jobs.complete(first.id, WORKER);

    clock.advance(20 * MINUTE_MS);
    const results = await runDue(dependencies);
    const newKeys = tenant.data.keysForDevice(release.deviceId).filter((key) => !keysBefore.has(key.id));
    expect(results).toEqual([{ outcome: 'confirmed', newKeyId: newKeys[0]?.id }]);
    expect(graphCalls(ROTATE_PATH)).toBe(1);
    expect(await auditDecisions(release.deviceId)).toEqual(['rotationRequested', 'rotationConfirmed']);
    const [confirmed, requested] = await store.audit.query({ deviceId: release.deviceId });
    expect(requested?.reason).toBe(`intune:${managed?.id}`);
    expect(confirmed?.reason).toBe('intuneRotation');
    expect(await pendingAt(new Date(clock.now().getTime() + 2 * DAY_MS))).toEqual([]);
  });

  it('does not ask Intune again when an earlier run of the look already did (crash before the follow-up)', async () => {
    const release = releaseOf(DEMO_DEVICE_NAMES.alexDesktop);
    await store.jobs.schedule(firstRotationCheck(release, clock.now(), OPTIONS));
    clock.advance(10 * MINUTE_MS);
    const job = await claimOne();
    // What the earlier run wrote right after Intune accepted, before it died; the device has not rotated yet.
    await store.audit.append({
      at: clock.now().toISOString(),
      correlationId: 'corr-earlier-run',
      decision: 'rotationRequested',
      reason: 'intune:earlier-run',
      requester: { objectId: release.requester.objectId, tenantId: release.requester.tenantId },
      deviceId: release.deviceId,
      keyId: release.releasedKeyId,
      requestId: release.requestId,
    });

    expect(await runRotationCheck(asRotation(job), deps('intune'))).toMatchObject({
      outcome: 'requestedIntune',
    });
    expect(graphCalls(ROTATE_PATH)).toBe(0);
    expect(graphCalls(MANAGED_LOOKUP_PATH, 'GET')).toBe(0);
    expect(await auditDecisions(release.deviceId)).toEqual(['rotationRequested']);
    await store.jobs.complete(job.id, WORKER);
    clock.advance(20 * MINUTE_MS);
    const [followUp] = await store.jobs.claimDue(clock.now().toISOString(), WORKER, 60_000, 10);
    expect(followUp?.payload).toMatchObject({ check: 2, intune: 'requested' });
  });

  it('does not ask Intune about a device it does not manage, and does not look it up twice', async () => {
    const release = releaseOf(DEMO_DEVICE_NAMES.meganOldPc, 'Megan Bowen');
    await store.jobs.schedule(firstRotationCheck(release, clock.now(), OPTIONS));
    const dependencies = deps('intune');

    clock.advance(10 * MINUTE_MS);
    expect(await runDue(dependencies)).toMatchObject([{ outcome: 'waiting' }]);
    clock.advance(20 * MINUTE_MS);
    expect(await runDue(dependencies)).toMatchObject([{ outcome: 'waiting' }]);

    expect(graphCalls(MANAGED_LOOKUP_PATH, 'GET')).toBe(1);
    expect(graphCalls(ROTATE_PATH)).toBe(0);
    expect(await auditDecisions(release.deviceId)).toEqual([]);
  });

  it('without a newer key by the deadline records one rotationOverdue case request for the helpdesk', async () => {
    const release = releaseOf(DEMO_DEVICE_NAMES.nestorLaptop, 'Nestor Wilke');
    const started = clock.now().getTime();
    await store.jobs.schedule(firstRotationCheck(release, clock.now(), OPTIONS));
    const dependencies = deps('none');

    // Follow the loop as the job runner would, each look at the time the previous one scheduled it for.
    const looks: { at: number; result: RotationCheckResult }[] = [];
    let last: Job | undefined;
    let dueAt = started + 10 * MINUTE_MS;
    for (let round = 0; round < 30; round += 1) {
      clock.advance(dueAt - clock.now().getTime());
      last = await claimOne();
      const result = await runRotationCheck(asRotation(last), dependencies);
      await store.jobs.complete(last.id, WORKER);
      looks.push({ at: clock.now().getTime(), result });
      if (result.outcome !== 'waiting') break;
      dueAt = Date.parse(result.nextCheckAt);
    }

    const offsets = looks.map((look) => (look.at - started) / MINUTE_MS);
    // 10 min, then the wait doubles (20, 40, 80, 160) and stays at 4 h; the last look falls on the deadline.
    expect(offsets).toEqual([10, 30, 70, 150, 310, 550, 790, 1030, 1270, 1440]);
    expect(looks.slice(0, -1).every((look) => look.result.outcome === 'waiting')).toBe(true);
    expect(looks.at(-1)?.result).toMatchObject({ outcome: 'overdue' });

    const caseRequest = await store.caseRequests.latestFor(release.requester.objectId);
    expect(caseRequest).toMatchObject({
      reason: 'rotationOverdue',
      requester: release.requester,
      conversationReference: release.conversationReference,
      request: {
        id: `${release.requestId}:rotation`,
        keyId: release.releasedKeyId.replace(/-/g, '').toUpperCase(),
        riskStop: false,
      },
    });
    expect(looks.at(-1)?.result).toEqual({ outcome: 'overdue', caseNumber: caseRequest?.number });

    // Run the final look again (a retry after a crash): still one case request and one audit event.
    expect(await runRotationCheck(asRotation(last!), dependencies)).toEqual({
      outcome: 'overdue',
      caseNumber: caseRequest?.number,
    });
    expect((await store.caseRequests.latestFor(release.requester.objectId))?.number).toBe(
      caseRequest?.number,
    );
    expect(await auditDecisions(release.deviceId)).toEqual(['rotationOverdue']);
    expect((await store.audit.query({ deviceId: release.deviceId }))[0]?.reason).toBe('noNewerKey');
  });

  it('throws on a Graph outage so the job runner retries, and writes nothing meanwhile', async () => {
    const release = releaseOf(DEMO_DEVICE_NAMES.leeLaptop, 'Lee Gu');
    await store.jobs.schedule(firstRotationCheck(release, clock.now(), OPTIONS));
    const dependencies = deps('intune');
    clock.advance(10 * MINUTE_MS);
    const job = await claimOne();

    tenant.faults.set({ serverErrors: { everyNth: 1, status: 503 } });
    const failure = await runRotationCheck(asRotation(job), dependencies).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(DirectoryError);
    expect(failure).toMatchObject({ failure: 'unavailable' });
    expect(await auditDecisions(release.deviceId)).toEqual([]);
    expect(await store.caseRequests.latestFor(release.requester.objectId)).toBeUndefined();
    expect(graphCalls(ROTATE_PATH)).toBe(0);

    // The runner gives the job back; once Graph answers, the retried look carries on where it was.
    await store.jobs.retry(job.id, WORKER, clock.now().toISOString());
    tenant.faults.reset();
    const [retried] = await store.jobs.claimDue(clock.now().toISOString(), WORKER, 60_000, 10);
    expect(retried?.attempts).toBe(1);
    expect(await runRotationCheck(asRotation(retried!), dependencies)).toMatchObject({
      outcome: 'requestedIntune',
    });
    expect(graphCalls(ROTATE_PATH)).toBe(1);
  });

  it('moves on to the next look when Graph stays down through the retries, and is overdue at the deadline', async () => {
    const release = releaseOf(DEMO_DEVICE_NAMES.isaiahLaptop, 'Isaiah Langer');
    await store.jobs.schedule(firstRotationCheck(release, clock.now(), OPTIONS));
    const dependencies = deps('none', { attemptsBeforeMovingOn: 3 });
    clock.advance(10 * MINUTE_MS);
    const job = await claimOne();
    tenant.faults.set({ serverErrors: { everyNth: 1, status: 503 } });

    // Third failed attempt of this look: no throw, the loop goes on.
    const third: Job = { ...job, attempts: 2 };
    expect(await runRotationCheck(asRotation(third), dependencies)).toEqual({
      outcome: 'waiting',
      nextCheckAt: new Date(clock.now().getTime() + 20 * MINUTE_MS).toISOString(),
    });
    await store.jobs.complete(job.id, WORKER);
    const [followUp] = await pendingAt(new Date(clock.now().getTime() + 20 * MINUTE_MS));
    expect(followUp?.payload).toMatchObject({ check: 2 });

    // Past the deadline and still no Graph: the helpdesk follows up rather than the loop dying.
    clock.advance(DAY_MS);
    const lastTry = await claimOne();
    expect(await runRotationCheck(asRotation({ ...lastTry, attempts: 2 }), dependencies)).toMatchObject({
      outcome: 'overdue',
    });
    expect(await store.caseRequests.latestFor(release.requester.objectId)).toMatchObject({
      reason: 'rotationOverdue',
    });
  });

  it('a job whose payload is not a rotation check never reaches it: the codec calls it unreadable', () => {
    const stored = {
      id: '1',
      kind: 'checkRotation' as const,
      payload: { deviceId: 'not-a-guid' },
      dueAt: '',
      attempts: 0,
    };
    expect(decodeJob(stored)).toEqual({ id: '1', kind: 'unreadable', storedKind: 'checkRotation' });
  });
});

describe('sendReleaseNotice', () => {
  const NOTICE_SENDER = aRequester({ name: 'Lee Gu' }).objectId;

  function notice(to: string, sender: string) {
    const { osKey } = deviceNamed(DEMO_DEVICE_NAMES.alexLaptop);
    return {
      sender,
      to,
      deviceName: DEMO_DEVICE_NAMES.alexLaptop,
      keyId: osKey.id,
      at: '2025-03-04T09:05:00.000Z',
      requesterName: 'Alex Wilber',
      words: en.releaseNotice,
    };
  }

  it('mails the requester from the configured sender mailbox (application mode): device, time, advice, no key, no link', async () => {
    const alex = tenant.data.findUser(aRequester().objectId);
    const input = notice(alex?.mail ?? '', NOTICE_SENDER);
    expect(await sendReleaseNotice(appGraph(), input, log.logger)).toBe('sent');

    const inbox = tenant.data.mailbox(alex?.mail ?? '');
    expect(inbox).toHaveLength(1);
    const [mail] = inbox;
    expect(mail?.from).toBe(tenant.data.findUser(NOTICE_SENDER)?.mail);
    expect(mail?.toRecipients).toEqual([alex?.mail]);
    expect(mail?.bodyContentType).toBe('text');
    expect(mail?.subject).toContain(DEMO_DEVICE_NAMES.alexLaptop);
    expect(mail?.body).toContain(`your device ${DEMO_DEVICE_NAMES.alexLaptop}`);
    expect(mail?.body).toContain('on 2025-03-04 at 09:05 UTC');
    expect(mail?.body).toContain(`Key ID: ${input.keyId.toUpperCase()}`);
    expect(mail?.body).toContain("If this wasn't you, contact your IT helpdesk or security team now");
    const text = `${mail?.subject}\n${mail?.body}`;
    expect(text).not.toMatch(RECOVERY_PASSWORD_SHAPE);
    for (const key of tenant.data.recoveryKeys) expect(text).not.toContain(key.key);
    expect(text).not.toMatch(/https?:|www\.|aka\.ms/i);
  });

  it("sends from the requester's own mailbox to themselves with their delegated token (me)", async () => {
    const alex = tenant.data.findUser(aRequester().objectId);
    const token = await signInForGraph(tenant, aRequester().objectId);
    const delegated = createGraphClient({
      endpoint: tenant.graphEndpoint,
      token: async () => token,
      logger: log.logger,
      userInitiated: true,
      clientName: 'rotation-test',
      clientVersion: '1.0',
    });
    expect(await sendReleaseNotice(delegated, notice(alex?.mail ?? '', 'me'), log.logger)).toBe('sent');
    const [mail, ...more] = tenant.data.mailbox(alex?.mail ?? '');
    expect(more).toEqual([]);
    expect(mail).toMatchObject({ senderId: alex?.id, toRecipients: [alex?.mail] });
  });

  it('reports a failure and logs it, never throws: Graph down, a sender given as a UPN, a bad address', async () => {
    const alex = tenant.data.findUser(aRequester().objectId);
    tenant.faults.set({ serverErrors: { everyNth: 1, status: 503 } });
    expect(await sendReleaseNotice(appGraph(), notice(alex?.mail ?? '', NOTICE_SENDER), log.logger)).toBe(
      'failed',
    );
    tenant.faults.reset();
    const before = tenant.graphRequests.entries.length;
    const upn = tenant.data.findUser(NOTICE_SENDER)?.userPrincipalName ?? '';
    expect(await sendReleaseNotice(appGraph(), notice(alex?.mail ?? '', upn), log.logger)).toBe('failed');
    expect(
      await sendReleaseNotice(
        appGraph(),
        notice(`${alex?.mail}, eve@example.com`, NOTICE_SENDER),
        log.logger,
      ),
    ).toBe('failed');
    expect(tenant.graphRequests.entries.length).toBe(before);
    expect(tenant.data.mailbox(alex?.mail ?? '')).toEqual([]);
    const noticeErrors = log.lines.filter(
      (line) => line.includes('"component":"release-notice"') && line.includes('"level":"error"'),
    );
    expect(noticeErrors).toHaveLength(3);
    expect(log.lines.some((line) => line.includes('must be given as its object id'))).toBe(true);
  });
});
