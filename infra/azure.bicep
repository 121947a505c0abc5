// BitLocker Recovery Bot on Azure, deployed by the Agents Toolkit's arm/deploy (m365agents.yml, provision).
// One resource group: a user-assigned managed identity that is the bot (Azure Bot, UserAssignedMSI: no bot
// secret), reads Key Vault and signs in to PostgreSQL; App Service on Linux running `npm start` (built by
// App Service at deploy time); PostgreSQL Flexible Server with Entra authentication only; Key Vault for the
// one secret a trial may have; Application Insights on a Log Analytics workspace. What the suite checks of
// this file, and what it cannot, is in README.md (Deployment).

@minLength(4)
@maxLength(20)
@description('Prefix of every resource name; lowercase letters and digits.')
param resourceBaseName string

param location string = resourceGroup().location

@description('Entra tenant the bot serves (AAD_APP_TENANT_ID): the only tenant whose people it answers.')
param tenantId string = subscription().tenantId

@description('The sign-in app registration (aadApp/create in m365agents.yml): AAD_APP_CLIENT_ID.')
param signInAppClientId string

@allowed(['federated', 'secret', 'certificate'])
@description('How the sign-in app proves itself: federated = the managed identity\'s token (no secret; add the federated credential, docs/admin.md); secret = signInAppClientSecret, for trials; certificate = a PEM certificate in Key Vault.')
param signInCredential string = 'secret'

@secure()
@description('The sign-in app\'s client secret, when signInCredential is secret. Kept in Key Vault, never in app settings.')
param signInAppClientSecret string = ''

@description('With signInCredential certificate: the Key Vault secret holding the PEM private key and certificate (a Key Vault certificate created with content type application/x-pem-file).')
param signInCertificateSecretName string = ''

@allowed(['delegated', 'application'])
@description('KEY_ACCESS: delegated reads keys as the signed-in person; application is for tenants that restrict owners from reading their keys.')
param keyAccess string = 'delegated'

@description('Object ids of the Entra groups and the Teams channel the bot works with; empty switches the feature off.')
param selfServiceGroupId string = ''
param helpdeskGroupId string = ''
param helpdeskAdvancedGroupId string = ''
param helpdeskChannelId string = ''
param securityChannelId string = ''

@description('Conditional Access authentication context id for phishing-resistant step-up (docs/admin.md), e.g. c1.')
param stepUpAuthContext string = ''

@allowed(['B1', 'B2', 'S1', 'P0v3', 'P1v3'])
param webAppSku string = 'B1'

@description('Instances of the web app: more than one needs nothing else (PostgreSQL holds all state).')
@minValue(1)
@maxValue(10)
param instanceCount int = 1

param postgresSku string = 'Standard_B1ms'
@allowed(['Burstable', 'GeneralPurpose', 'MemoryOptimized'])
param postgresTier string = 'Burstable'

@maxLength(42)
param botDisplayName string = 'BitLocker Recovery'

@allowed(['F0', 'S1'])
param botServiceSku string = 'F0'

var names = {
  identity: '${resourceBaseName}-id'
  plan: '${resourceBaseName}-plan'
  site: '${resourceBaseName}-app'
  bot: '${resourceBaseName}-bot'
  postgres: '${resourceBaseName}-pg'
  vault: take('${resourceBaseName}kv${uniqueString(resourceGroup().id)}', 24)
  workspace: '${resourceBaseName}-logs'
  insights: '${resourceBaseName}-insights'
}
var databaseName = 'bot'
// Built-in role "Key Vault Secrets User": read secret values, nothing else.
var keyVaultSecretsUser = '4633458b-17de-408a-b874-0445c86b69e6'

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: names.identity
  location: location
}

resource workspace 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: names.workspace
  location: location
  properties: {
    sku: { name: 'PerGB2018' }
    retentionInDays: 90
  }
}

resource insights 'Microsoft.Insights/components@2020-02-02' = {
  name: names.insights
  location: location
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: workspace.id
  }
}

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: names.vault
  location: location
  properties: {
    tenantId: tenantId
    sku: { family: 'A', name: 'standard' }
    enableRbacAuthorization: true
    enableSoftDelete: true
    enablePurgeProtection: true
  }
}

resource vaultReader 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: vault
  name: guid(vault.id, identity.id, keyVaultSecretsUser)
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', keyVaultSecretsUser)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource signInSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (signInCredential == 'secret') {
  parent: vault
  name: 'sign-in-client-secret'
  properties: {
    value: signInAppClientSecret
    contentType: 'text/plain'
  }
}

resource postgres 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' = {
  name: names.postgres
  location: location
  sku: {
    name: postgresSku
    tier: postgresTier
  }
  properties: {
    version: '16'
    storage: { storageSizeGB: 32 }
    backup: {
      backupRetentionDays: 7
      geoRedundantBackup: 'Disabled'
    }
    highAvailability: { mode: 'Disabled' }
    // Entra tokens only: no password exists that could leak.
    authConfig: {
      activeDirectoryAuth: 'Enabled'
      passwordAuth: 'Disabled'
      tenantId: tenantId
    }
  }
}

resource postgresAdmin 'Microsoft.DBforPostgreSQL/flexibleServers/administrators@2024-08-01' = {
  parent: postgres
  name: identity.properties.principalId
  properties: {
    principalName: identity.name
    principalType: 'ServicePrincipal'
    tenantId: tenantId
  }
}

resource database 'Microsoft.DBforPostgreSQL/flexibleServers/databases@2024-08-01' = {
  parent: postgres
  name: databaseName
  properties: {
    charset: 'UTF8'
    collation: 'en_US.utf8'
  }
}

// App Service reaches the server over Azure's network; docs/admin.md shows private networking instead.
resource postgresFromAzure 'Microsoft.DBforPostgreSQL/flexibleServers/firewallRules@2024-08-01' = {
  parent: postgres
  name: 'AllowAzureServices'
  properties: {
    startIpAddress: '0.0.0.0'
    endIpAddress: '0.0.0.0'
  }
}

resource plan 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: names.plan
  location: location
  kind: 'linux'
  sku: {
    name: webAppSku
    capacity: instanceCount
  }
  properties: {
    reserved: true
  }
}

var hostName = '${names.site}.azurewebsites.net'
var secretReference = signInCredential == 'secret'
  ? '@Microsoft.KeyVault(SecretUri=${signInSecret.properties.secretUri})'
  : ''
var certificateReference = signInCredential == 'certificate'
  ? '@Microsoft.KeyVault(VaultName=${vault.name};SecretName=${signInCertificateSecretName})'
  : ''
var credentialSettings = {
  federated: [{ name: 'AAD_APP_FEDERATED_IDENTITY_CLIENT_ID', value: identity.properties.clientId }]
  secret: [{ name: 'AAD_APP_CLIENT_SECRET', value: secretReference }]
  certificate: [{ name: 'AAD_APP_CERTIFICATE_PEM', value: certificateReference }]
}
var optionalSettings = filter(
  [
    { name: 'SELF_SERVICE_GROUP_ID', value: selfServiceGroupId }
    { name: 'HELPDESK_GROUP_ID', value: helpdeskGroupId }
    { name: 'HELPDESK_ADVANCED_GROUP_ID', value: helpdeskAdvancedGroupId }
    { name: 'HELPDESK_CHANNEL_ID', value: helpdeskChannelId }
    { name: 'SECURITY_CHANNEL_ID', value: securityChannelId }
    { name: 'STEP_UP_AUTH_CONTEXT', value: stepUpAuthContext }
  ],
  setting => !empty(setting.value)
)

resource site 'Microsoft.Web/sites@2023-12-01' = {
  name: names.site
  location: location
  kind: 'app,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: { '${identity.id}': {} }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    keyVaultReferenceIdentity: identity.id
    siteConfig: {
      linuxFxVersion: 'NODE|22-lts'
      appCommandLine: 'npm start'
      alwaysOn: true
      http20Enabled: true
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      healthCheckPath: '/readyz'
      appSettings: concat(
        [
          { name: 'NODE_ENV', value: 'production' }
          // The zip holds sources: App Service runs `npm install` and `npm run build`, then drops dev dependencies.
          { name: 'SCM_DO_BUILD_DURING_DEPLOYMENT', value: 'true' }
          { name: 'PRUNE_DEV_DEPENDENCIES', value: 'true' }
          { name: 'WEBSITE_HEALTHCHECK_MAXPINGFAILURES', value: '3' }
          { name: 'PUBLIC_BASE_URL', value: 'https://${hostName}' }
          { name: 'BOT_ID', value: identity.properties.clientId }
          { name: 'BOT_TYPE', value: 'UserAssignedMSI' }
          { name: 'BOT_DOMAIN', value: hostName }
          { name: 'AAD_APP_TENANT_ID', value: tenantId }
          { name: 'AAD_APP_CLIENT_ID', value: signInAppClientId }
          { name: 'KEY_ACCESS', value: keyAccess }
          {
            name: 'DATABASE_URL'
            value: 'postgres://${uriComponent(identity.name)}@${postgres.properties.fullyQualifiedDomainName}:5432/${databaseName}?sslmode=verify-full'
          }
          // The password is an Entra token of this identity, fetched and renewed by the bot.
          { name: 'DATABASE_ENTRA_CLIENT_ID', value: identity.properties.clientId }
          { name: 'APPLICATIONINSIGHTS_CONNECTION_STRING', value: insights.properties.ConnectionString }
          { name: 'LOG_LEVEL', value: 'info' }
        ],
        credentialSettings[signInCredential],
        optionalSettings
      )
    }
  }
  dependsOn: [
    vaultReader
    postgresAdmin
    database
  ]
}

resource siteLogs 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  scope: site
  name: 'to-log-analytics'
  properties: {
    workspaceId: workspace.id
    logs: [
      { category: 'AppServiceConsoleLogs', enabled: true }
      { category: 'AppServiceHTTPLogs', enabled: true }
      { category: 'AppServicePlatformLogs', enabled: true }
    ]
  }
}

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: names.bot
  location: 'global'
  kind: 'azurebot'
  sku: { name: botServiceSku }
  properties: {
    displayName: botDisplayName
    endpoint: 'https://${hostName}/api/messages'
    msaAppId: identity.properties.clientId
    msaAppMSIResourceId: identity.id
    msaAppTenantId: tenantId
    msaAppType: 'UserAssignedMSI'
  }
}

resource teamsChannel 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
  }
}

// Read by m365agents.yml into env/.env.<environment>.
output BOT_AZURE_APP_SERVICE_RESOURCE_ID string = site.id
output BOT_DOMAIN string = hostName
output BOT_ID string = identity.properties.clientId
output BOT_MANAGED_IDENTITY_PRINCIPAL_ID string = identity.properties.principalId
output POSTGRES_HOST string = postgres.properties.fullyQualifiedDomainName
output KEY_VAULT_NAME string = vault.name
