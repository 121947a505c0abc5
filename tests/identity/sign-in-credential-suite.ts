import { X509Certificate } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_BOT_APP_ID, DEMO_MANAGED_IDENTITY } from '../../src/demo-tenant/sample-people.js';
import { type ClientCredential, createMsalClient } from '../../src/identity/msal-client.js';
import { createLogger } from '../../src/observability/logger.js';
import { anAppCertificate } from '../support/app-certificate.js';
import { askForKey, demoKey } from '../support/ask-for-key.js';
import { type ConversationHarness, startConversationHarness } from '../support/conversation.js';
import { demoPerson } from '../support/demo-people.js';
import { signIn, verifyLink } from '../support/sign-in.js';

const alex = demoPerson('Alex Wilber');
const BOT_FRAMEWORK = 'https://api.botframework.com/.default';

const certificate = anAppCertificate();

/**
 * The sign-in app proving itself with `kind` and no secret, in tenant mode against the demo Entra. One demo
 * tenant per test file: MSAL finds the identity endpoint once per process, and botframework-connector caches
 * the bot's channel tokens per process, so a second tenant in the same process would see the first's.
 */
export function describeSignInCredential(kind: 'certificate' | 'federated'): void {
  const env: Record<string, string> =
    kind === 'certificate'
      ? { AAD_APP_CERTIFICATE_PEM: certificate.pem }
      : { AAD_APP_FEDERATED_IDENTITY_CLIENT_ID: DEMO_MANAGED_IDENTITY.clientId };
  describe(`the sign-in app proves itself with a ${kind}, no secret (tenant mode, demo Entra)`, () => {
    let harness: ConversationHarness;
    beforeAll(async () => {
      harness = await startConversationHarness({
        mode: 'tenant',
        env,
        identityEndpoint: kind === 'federated',
      });
      harness.demoTenant.data.apps
        .get(DEMO_BOT_APP_ID)!
        .certificates.push(new X509Certificate(certificate.certificatePem));
    });
    afterAll(async () => {
      await harness?.stop();
    });

    it('gets the app token and redeems the sign-in, and the key is released', async () => {
      const key = demoKey(harness, 'ALEX-LAPTOP');
      const chat = harness.personalChat(alex);
      const { answersTurn: verify } = await askForKey(chat, key.id.slice(0, 8).toUpperCase());
      expect((await signIn(harness, verifyLink(verify), alex.id)).callbackStatus).toBe(200);
      expect(await harness.app.store.releases.progress(await onlyRequestOf(harness))).toMatchObject({
        stage: 'shown',
      });

      const signInApp = harness.demoTenant.tokensIssued.filter(
        (token) => token.clientId === DEMO_BOT_APP_ID && token.scope !== BOT_FRAMEWORK,
      );
      expect(new Set(signInApp.map((token) => token.grantType))).toEqual(
        new Set(['client_credentials', 'authorization_code']),
      );
      expect(signInApp.map((token) => token.clientAuthentication)).toEqual(signInApp.map(() => kind));
    });

    it('is refused, as Entra refuses it, when the app does not trust the credential', async () => {
      const appToken = (credential: ClientCredential) =>
        createMsalClient(
          {
            authorityHost: harness.demoTenant.authorityHost,
            tenantId: harness.demoTenant.tenantId,
            clientId: DEMO_BOT_APP_ID,
            credential,
          },
          createLogger({ level: 'silent' }),
        ).acquireTokenByClientCredential({ scopes: ['https://graph.microsoft.com/.default'] });
      if (kind === 'certificate') {
        const stranger = anAppCertificate('someone else');
        const privateKeyPem = stranger.pem.split('-----BEGIN CERTIFICATE-----')[0]!;
        await expect(
          appToken({ kind: 'certificate', privateKeyPem, certificatePem: stranger.certificatePem }),
        ).rejects.toThrow(/AADSTS700027/);
        return;
      }
      const other = {
        clientId: '0d1e2f3a-4b5c-4d6e-8f7a-8b9c0d1e2f3a',
        principalId: '1e2f3a4b-5c6d-4e7f-8a9b-0c1d2e3f4a5b',
      };
      harness.demoTenant.data.managedIdentities.set(other.clientId, {
        ...other,
        displayName: 'some other identity',
      });
      await expect(appToken({ kind: 'federated', managedIdentityClientId: other.clientId })).rejects.toThrow(
        /AADSTS70021/,
      );
    });
  });
}

async function onlyRequestOf(harness: ConversationHarness): Promise<string> {
  const [released] = await harness.app.store.audit.query({ requesterObjectId: alex.id });
  expect(released?.decision).toBe('released');
  return released!.requestId!;
}
