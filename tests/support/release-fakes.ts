import {
  type DeviceDirectory,
  DirectoryError,
  type DirectoryFailure,
  type KeyMetadata,
  type KeyReader,
  type OwnedDevice,
} from '../../src/recovery/directory-ports.js';
import {
  containsRecoveryPasswordShape,
  parseRecoveryPassword,
  type RecoveryPassword,
} from '../../src/recovery/recovery-password.js';
import type {
  AuditEvent,
  AuditLog,
  AuditQuery,
  NewJob,
  ReleaseLedger,
  ReleaseProgress,
  ReleaseRecord,
  ReleaseStage,
  ShownCard,
} from '../../src/recovery/release-ports.js';

/** One escrowed key as the directory holds it: the metadata Graph lists, and the password only a key read returns. */
export interface EscrowedKey {
  readonly metadata: KeyMetadata;
  /** The 48 digits, dash-separated. Only {@link FakeKeyReader} hands them out, sealed. */
  readonly password: string;
}

/** A device with its escrowed keys, ready to be put into a {@link FakeDeviceDirectory}. */
export interface DeviceWithKeys {
  readonly device: OwnedDevice;
  readonly keys: readonly EscrowedKey[];
}

/**
 * Whose token reads the key: the requester's delegated token (Graph checks owner-or-role and the tenant switch)
 * or the bot's app-only token (Graph checks neither).
 */
export type KeyAccess =
  | { readonly kind: 'delegated'; readonly objectId: string }
  | { readonly kind: 'application' };

/** Directory calls a test can break or count. */
export type DirectoryOperation = 'ownedDevices' | 'recoveryKeys' | 'isMember' | 'readKey';

/** One call that reached the directory, in order. */
export interface DirectoryCall {
  readonly operation: DirectoryOperation;
  /** The object id, device id or Key ID the call was about. */
  readonly subject: string;
}

interface StoredDevice {
  readonly device: OwnedDevice;
  readonly owners: Set<string>;
}

/**
 * An in-memory Entra tenant as the release sees it through Graph: devices with their registered owners,
 * escrowed keys, group members, holders of a BitLocker-key-reader role, and the tenant switch
 * `allowedToReadBitlockerKeysForOwnedDevice`. Ids compare case-insensitively, as Graph's do.
 * Key reads go through {@link keyReader}, which applies Graph's rules for the given token.
 */
export class FakeDeviceDirectory implements DeviceDirectory {
  readonly #devices = new Map<string, StoredDevice>();
  readonly #keys: EscrowedKey[] = [];
  readonly #groups = new Map<string, Set<string>>();
  readonly #keyReaderRoles = new Set<string>();
  readonly #faults = new Map<DirectoryOperation, DirectoryFailure>();
  readonly #calls: DirectoryCall[] = [];
  #ownersMayReadKeys = true;
  #ignoreDeviceFilter = false;

  /** Registers a device, its keys and its registered owners. */
  addDevice(built: DeviceWithKeys, owners: readonly string[]): this {
    const deviceId = built.device.deviceId.toLowerCase();
    if (this.#devices.has(deviceId)) throw new Error(`fake directory: device ${deviceId} exists already`);
    this.#devices.set(deviceId, { device: built.device, owners: new Set(owners.map(lower)) });
    this.#keys.push(...built.keys);
    return this;
  }

  addMember(groupId: string, objectId: string): this {
    const members = this.#groups.get(groupId.toLowerCase()) ?? new Set<string>();
    members.add(objectId.toLowerCase());
    this.#groups.set(groupId.toLowerCase(), members);
    return this;
  }

  /** Gives the person a role such as Helpdesk Administrator: delegated key reads of any device succeed. */
  grantKeyReaderRole(objectId: string): this {
    this.#keyReaderRoles.add(objectId.toLowerCase());
    return this;
  }

  /** The tenant switch; false is the portal's "Restrict users from recovering the BitLocker key(s)…". */
  setOwnersMayReadKeys(allowed: boolean): this {
    this.#ownersMayReadKeys = allowed;
    return this;
  }

  /** Makes every later call of `operation` fail the way a Graph adapter reports it; `undefined` heals it. */
  failWith(operation: DirectoryOperation, failure: DirectoryFailure | undefined): this {
    if (failure === undefined) this.#faults.delete(operation);
    else this.#faults.set(operation, failure);
    return this;
  }

  /**
   * A directory that answers a key listing with the keys of every device (a filter ignored upstream, or an
   * admin's wide view): the release must still keep to the requester's own devices.
   */
  setIgnoreDeviceFilter(ignore: boolean): this {
    this.#ignoreDeviceFilter = ignore;
    return this;
  }

  /** Every call so far, including refused ones. */
  get calls(): readonly DirectoryCall[] {
    return [...this.#calls];
  }

  async ownedDevices(requesterObjectId: string): Promise<readonly OwnedDevice[]> {
    this.#enter('ownedDevices', requesterObjectId);
    const objectId = requesterObjectId.toLowerCase();
    return [...this.#devices.values()]
      .filter((stored) => stored.owners.has(objectId))
      .map((stored) => ({ ...stored.device }));
  }

  async recoveryKeys(deviceId: string): Promise<readonly KeyMetadata[]> {
    this.#enter('recoveryKeys', deviceId);
    const wanted = deviceId.toLowerCase();
    return this.#keys
      .filter((key) => this.#ignoreDeviceFilter || key.metadata.deviceId.toLowerCase() === wanted)
      .map((key) => ({ ...key.metadata }));
  }

  async isMember(requesterObjectId: string, groupId: string): Promise<boolean> {
    this.#enter('isMember', requesterObjectId);
    return this.#groups.get(groupId.toLowerCase())?.has(requesterObjectId.toLowerCase()) ?? false;
  }

  /** A key reader holding `access`'s token; it counts what it reads. */
  keyReader(access: KeyAccess): FakeKeyReader {
    return new FakeKeyReader((keyId) => this.#readKey(access, keyId));
  }

  /** Graph's `GET recoveryKeys/{id}?$select=key` for the given token. */
  #readKey(access: KeyAccess, keyId: string): string {
    this.#enter('readKey', keyId);
    const key = this.#keys.find((candidate) => candidate.metadata.id.toLowerCase() === keyId.toLowerCase());
    if (!key) throw new DirectoryError('notFound', `no recovery key ${keyId}`);
    if (access.kind === 'application') return key.password;
    const caller = access.objectId.toLowerCase();
    if (this.#keyReaderRoles.has(caller)) return key.password;
    const device = this.#devices.get(key.metadata.deviceId.toLowerCase());
    // Graph answers 403 both for "not your device" and for the tenant switch; adapters map it to notAllowed.
    if (!device?.owners.has(caller)) throw new DirectoryError('notAllowed', 'caller is not the owner');
    if (!this.#ownersMayReadKeys)
      throw new DirectoryError('notAllowed', 'owners may not read BitLocker keys in this tenant');
    return key.password;
  }

  #enter(operation: DirectoryOperation, subject: string): void {
    this.#calls.push({ operation, subject });
    const failure = this.#faults.get(operation);
    if (failure) throw new DirectoryError(failure, `${operation} failed: ${failure}`);
  }
}

/**
 * Reads keys through the directory's rules and counts every attempt and every key actually returned, so a
 * test can say "no key read happened" (nothing attempted) or "read exactly once".
 */
export class FakeKeyReader implements KeyReader {
  readonly #read: (keyId: string) => string;
  readonly #attempted: string[] = [];
  readonly #returned: string[] = [];

  constructor(read: (keyId: string) => string) {
    this.#read = read;
  }

  /** Key IDs asked for, refused ones included (each is a Graph request). */
  get attempts(): readonly string[] {
    return [...this.#attempted];
  }

  /** Key IDs whose password was returned. */
  get reads(): readonly string[] {
    return [...this.#returned];
  }

  async readKey(keyId: string): Promise<RecoveryPassword> {
    this.#attempted.push(keyId);
    const password = parseRecoveryPassword(this.#read(keyId));
    if (!password) throw new Error(`fake directory holds an invalid recovery password for ${keyId}`);
    this.#returned.push(keyId);
    return password;
  }
}

/**
 * The release ledger in memory. `claim` checks and records in one synchronous step, so of any number of
 * concurrent claims for one request exactly one wins, as the store's unique key guarantees across instances.
 */
export class FakeReleaseLedger implements ReleaseLedger {
  readonly #records = new Map<string, ReleaseRecord>();
  readonly #stages = new Map<string, { stage: ReleaseStage; card?: ShownCard }>();
  readonly #followUps = new Map<string, readonly NewJob[]>();

  /** Every record claimed so far, oldest first. */
  get records(): readonly ReleaseRecord[] {
    return [...this.#records.values()];
  }

  /** The follow-ups scheduled with each standing claim (the outbox), by request id. */
  get followUps(): ReadonlyMap<string, readonly NewJob[]> {
    return this.#followUps;
  }

  async claim(record: ReleaseRecord, followUps: readonly NewJob[]): Promise<boolean> {
    refuseSecrets('release record', record);
    refuseSecrets('follow-ups', followUps);
    if (Number.isNaN(Date.parse(record.releasedAt)))
      throw new Error('release record: releasedAt is not a time');
    if (this.#records.has(record.requestId)) return false;
    this.#records.set(record.requestId, { ...record });
    this.#stages.set(record.requestId, { stage: 'pending' });
    this.#followUps.set(record.requestId, structuredClone(followUps));
    return true;
  }

  async markSending(requestId: string): Promise<void> {
    const current = this.#stages.get(requestId);
    if (current?.stage === 'pending') this.#stages.set(requestId, { stage: 'sending' });
  }

  async markShown(requestId: string, card: ShownCard): Promise<void> {
    if (this.#stages.has(requestId)) this.#stages.set(requestId, { stage: 'shown', card: { ...card } });
  }

  async progress(requestId: string): Promise<ReleaseProgress | undefined> {
    const record = this.#records.get(requestId);
    const stage = this.#stages.get(requestId);
    if (!record || !stage) return undefined;
    return { record: { ...record }, stage: stage.stage, ...(stage.card ? { card: { ...stage.card } } : {}) };
  }

  async withdraw(requestId: string, _followUpKeys: readonly string[]): Promise<void> {
    this.#records.delete(requestId);
    this.#stages.delete(requestId);
    this.#followUps.delete(requestId);
  }

  async countByRequester(requesterObjectId: string, since: string): Promise<number> {
    const objectId = requesterObjectId.toLowerCase();
    return this.#since(since).filter((record) => record.requesterObjectId.toLowerCase() === objectId).length;
  }

  async countByDevice(deviceId: string, since: string): Promise<number> {
    const wanted = deviceId.toLowerCase();
    return this.#since(since).filter((record) => record.deviceId.toLowerCase() === wanted).length;
  }

  async latestForDevice(deviceId: string): Promise<ReleaseRecord | undefined> {
    const wanted = deviceId.toLowerCase();
    return [...this.#records.values()]
      .filter((record) => record.deviceId.toLowerCase() === wanted)
      .reduce<ReleaseRecord | undefined>(
        (latest, record) =>
          latest === undefined || Date.parse(record.releasedAt) >= Date.parse(latest.releasedAt)
            ? record
            : latest,
        undefined,
      );
  }

  #since(since: string): ReleaseRecord[] {
    const from = Date.parse(since);
    return [...this.#records.values()].filter((record) => Date.parse(record.releasedAt) >= from);
  }
}

/**
 * The audit trail in memory, kept as the JSON a store would write: what a test scans is what would be
 * persisted. Refuses any event with a recovery-password shape, as the port requires.
 */
export class FakeAuditLog implements AuditLog {
  readonly #rows: string[] = [];

  /** The stored rows, oldest first, exactly as serialized. */
  get rows(): readonly string[] {
    return [...this.#rows];
  }

  /** The stored events, oldest first. */
  get events(): readonly AuditEvent[] {
    return this.#rows.map((row) => JSON.parse(row) as AuditEvent);
  }

  async append(event: AuditEvent): Promise<void> {
    refuseSecrets('audit event', event);
    this.#rows.push(JSON.stringify(event));
  }

  async query(query: AuditQuery): Promise<readonly AuditEvent[]> {
    const matching = this.events
      .map((event, index) => ({ event, index }))
      .filter(({ event }) => matches(event, query))
      .sort((a, b) => Date.parse(b.event.at) - Date.parse(a.event.at) || b.index - a.index)
      .map(({ event }) => event);
    return query.limit === undefined ? matching : matching.slice(0, query.limit);
  }
}

function matches(event: AuditEvent, query: AuditQuery): boolean {
  if (query.requesterObjectId && lower(event.requester.objectId) !== lower(query.requesterObjectId))
    return false;
  if (query.deviceId && lower(event.deviceId ?? '') !== lower(query.deviceId)) return false;
  if (query.keyId && !lower(event.keyId ?? '').startsWith(lower(query.keyId))) return false;
  return true;
}

function refuseSecrets(what: string, value: unknown): void {
  if (containsRecoveryPasswordShape(JSON.stringify(value))) {
    throw new Error(`${what} refused: it contains a recovery-password shape`);
  }
}

function lower(value: string): string {
  return value.toLowerCase();
}
