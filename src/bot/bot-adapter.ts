import { ConfidentialClientApplication } from '@azure/msal-node';
import { TeamsAdapter } from '@microsoft/teams-ai';
import type {
  Activity,
  ConfigurationBotFrameworkAuthenticationOptions,
  InvokeResponse,
  TurnContext,
} from 'botbuilder';
import {
  type AuthenticateRequestResult,
  MsalServiceClientCredentialsFactory,
  type ServiceClientCredentialsFactory,
} from 'botframework-connector';
import type { Config } from '../config/config.js';

type MsalClient = ConstructorParameters<typeof MsalServiceClientCredentialsFactory>[1];

/**
 * teams-ai's adapter, split into its two halves so the HTTP edge can tell an authentication failure (401)
 * from a failing turn, and can refuse foreign tenants after authentication but before any handler runs.
 * botbuilder's own `process()` logs through `console.error` and answers some authentication failures with
 * 500; this edge does neither.
 */
export class BotAdapter extends TeamsAdapter {
  /** Validates the channel's JWT (signature, issuer, audience, expiry, serviceUrl). Throws when invalid. */
  authenticate(activity: Activity, authorization: string): Promise<AuthenticateRequestResult> {
    return this.botFrameworkAuthentication.authenticateRequest(activity, authorization);
  }

  /** Runs the turn for an already authenticated activity; returns the invoke response, if any. */
  run(
    authenticated: AuthenticateRequestResult,
    activity: Activity,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<InvokeResponse | undefined> {
    return this.processActivity(authenticated, activity, logic);
  }
}

/**
 * Builds the adapter from configuration. Demo mode has no app id, which botbuilder treats as "authentication
 * disabled". Tenant mode validates every inbound token; when botbuilder's four `To…` endpoint keys are set
 * (tests, sovereign clouds), outbound tokens come from that login URL through an MSAL client that knows it
 * (botbuilder's default factory has no `knownAuthorities` and would try Microsoft's instance discovery).
 */
export function createBotAdapter(config: Config): BotAdapter {
  const { appId, appPassword, appType, endpoints } = config.bot;
  const options: ConfigurationBotFrameworkAuthenticationOptions = {
    MicrosoftAppId: appId,
    MicrosoftAppPassword: appPassword,
    // Without an app id (demo mode) botbuilder must see no app type either, or it demands an id.
    ...(appId ? { MicrosoftAppType: appType, MicrosoftAppTenantId: config.entra.tenantId } : {}),
    ...(endpoints
      ? {
          ToBotFromChannelOpenIdMetadataUrl: endpoints.toBotFromChannelOpenIdMetadataUrl,
          ToBotFromChannelTokenIssuer: endpoints.toBotFromChannelTokenIssuer,
          ToChannelFromBotLoginUrl: endpoints.toChannelFromBotLoginUrl,
          ToChannelFromBotOAuthScope: endpoints.toChannelFromBotOAuthScope,
        }
      : {}),
  };
  let credentials: ServiceClientCredentialsFactory | undefined;
  // A managed identity has no secret for MSAL: botbuilder's own factory asks the platform's identity endpoint.
  if (appId && endpoints && appType !== 'UserAssignedMSI') {
    const loginUrl = new URL(endpoints.toChannelFromBotLoginUrl);
    const client = new ConfidentialClientApplication({
      auth: {
        clientId: appId,
        clientSecret: appPassword,
        authority: endpoints.toChannelFromBotLoginUrl,
        knownAuthorities: [loginUrl.host],
      },
    });
    // Same class at runtime; TypeScript sees msal-node's ESM and CJS declaration files as two types.
    credentials = new MsalServiceClientCredentialsFactory(appId, client as unknown as MsalClient);
  }
  return new BotAdapter(options, credentials);
}
