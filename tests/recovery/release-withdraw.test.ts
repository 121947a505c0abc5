import { describe, expect, it } from 'vitest';
import { releaseKey } from '../../src/recovery/release-key.js';
import {
  aDevice,
  anInput,
  aReleaseWorld,
  aRequest,
  aRequester,
  keyIdPrefix,
  SELF_SERVICE_GROUP_ID,
} from '../support/release-builders.js';
import { FakeDeviceDirectory } from '../support/release-fakes.js';

describe('a key read that fails after the claim', () => {
  it('gives the claim back: the same request can be retried and no limit is spent', async () => {
    const requester = aRequester();
    const laptop = aDevice({ name: 'ALEX-LAPTOP' });
    const directory = new FakeDeviceDirectory()
      .addDevice(laptop, [requester.objectId])
      .addMember(SELF_SERVICE_GROUP_ID, requester.objectId)
      .failWith('readKey', 'unavailable');
    const world = aReleaseWorld({ directory, requester });
    const input = anInput({ requester, request: aRequest({ keyId: keyIdPrefix(laptop.keys[0]!) }) });

    const first = await releaseKey(input, world.deps);
    expect(first).toMatchObject({ kind: 'denied', reason: 'directoryUnavailable' });
    expect(world.ledger.records).toHaveLength(0);

    directory.failWith('readKey', undefined);
    const second = await releaseKey(input, world.deps);
    expect(second.kind).toBe('released');
    expect(world.ledger.records).toHaveLength(1);
  });
});
