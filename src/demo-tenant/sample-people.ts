/**
 * The demo tenant's people. Names match the Microsoft 365 Agents Playground personas; object ids are
 * valid GUIDs (the Playground's built-in ids are not), and `.m365agentsplayground.yml` uses the same ones.
 */
export const DEMO_TENANT_ID = '5f1c2b7e-3a4d-4e8f-9b61-2c7d8e9fa0b1';

/** The bot's app registration in the demo tenant (AAD_APP_CLIENT_ID in demo mode). */
export const DEMO_BOT_APP_ID = 'b07c5e1a-6d2f-4a8b-8c3e-1f9a2d4b6c70';

/**
 * The user-assigned managed identity the bot runs as on App Service, as the demo tenant's identity endpoint
 * serves it; the bot app trusts its tokens through a federated identity credential.
 */
export const DEMO_MANAGED_IDENTITY = {
  clientId: '3c9d4e2f-8a1b-4c5d-9e6f-7a8b9c0d1e2f',
  principalId: 'a4e5f6a7-b8c9-4dae-8f01-23456789abcd',
  displayName: 'bitlocker-bot-id',
} as const;

export const DEMO_DOMAIN = 'contoso.onmicrosoft.com';

export type DemoRole = 'requester' | 'helpdesk-agent' | 'helpdesk-advanced';

export interface DemoPerson {
  /** Entra object id (`oid`), a valid GUID. */
  readonly id: string;
  readonly displayName: string;
  readonly userPrincipalName: string;
  readonly mail: string;
  readonly jobTitle: string;
  readonly role: DemoRole;
  /** Member of the self-service group (SELF_SERVICE_GROUP_ID). */
  readonly selfService: boolean;
}

function person(
  id: string,
  displayName: string,
  alias: string,
  jobTitle: string,
  role: DemoRole,
  selfService: boolean,
): DemoPerson {
  const upn = `${alias}@${DEMO_DOMAIN}`;
  return { id, displayName, userPrincipalName: upn, mail: upn, jobTitle, role, selfService };
}

export const DEMO_PEOPLE: readonly DemoPerson[] = [
  person(
    '2d6a1c4e-8b3f-4f7a-a1d2-6e9c0b3a7f21',
    'Alex Wilber',
    'AlexW',
    'Marketing Assistant',
    'requester',
    true,
  ),
  person(
    '7e3b9d2a-1c5f-4a6e-b8d4-0f2a9c6e3b45',
    'Megan Bowen',
    'MeganB',
    'Marketing Manager',
    'requester',
    true,
  ),
  person(
    'c41f8a6d-2e9b-4d3c-9a7f-5b1e0d8c2a66',
    'Adele Vance',
    'AdeleV',
    'Retail Manager',
    'requester',
    false,
  ),
  person('9a2e5c7b-4d1f-4b8a-8e3c-7d6f1a0b9c82', 'Nestor Wilke', 'NestorW', 'Director', 'requester', true),
  person('e8d3a1f6-5b7c-4e2a-9d4b-3c0f6a2e8b17', 'Lee Gu', 'LeeG', 'IT Helpdesk', 'helpdesk-agent', true),
  person(
    '4b7f2e9c-6a3d-4c1b-a5e8-9f0d2b6c4a38',
    'Isaiah Langer',
    'IsaiahL',
    'IT Security Lead',
    'helpdesk-advanced',
    true,
  ),
];

/** Group ids in the demo tenant (SELF_SERVICE_GROUP_ID, HELPDESK_GROUP_ID, HELPDESK_ADVANCED_GROUP_ID). */
export const DEMO_GROUPS = {
  selfService: '1e6b3c9a-7d2f-4a5e-8b1c-0f4d7a2e9c53',
  helpdesk: '6c9d2a4f-3b8e-4f1a-9c7d-2e5b0a8f3d14',
  helpdeskAdvanced: 'a3f7c1e9-8d2b-4e6a-b4c0-5d9e1f3a7b28',
} as const;
