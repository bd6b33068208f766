// Azure resources for one tenant deployment: an App Service (Linux, Node 22 LTS) running the server
// (bot endpoint, tab API, tab), and the Azure Bot registration with its Microsoft Teams channel.
// The app settings are everything the server needs to start with NODE_ENV=production (bot/src/config.ts;
// infra/infra.test.ts checks it): a re-provision rewrites them all, so settings belong here, not in the portal.
@maxLength(20)
@minLength(4)
param resourceBaseName string

@description('Client id of the bot\'s Entra app (single tenant).')
param botAadAppClientId string

@secure()
@description('Client secret of the bot\'s Entra app.')
param botAadAppClientSecret string

@description('Client id of the tab\'s Entra app (Teams SSO: the API the tab\'s token is for).')
param aadAppClientId string

@description('Entra tenant of the bot, the tab\'s Entra app and its tokens.')
param tenantId string = tenant().tenantId

param teamsAppId string

@description('Host name the tab is served from; empty = the App Service\'s own <name>.azurewebsites.net.')
param customTabDomain string = ''

@allowed(['sqlite', 'sharepoint'])
@description('sqlite: a file on the App Service\'s /home storage; sharepoint: lists of the entity\'s site through Microsoft Graph.')
param store string = 'sqlite'

@description('store=sharepoint: the site that holds the lists, e.g. https://<tenant>.sharepoint.com/sites/OKR.')
param sharePointSiteUrl string = ''

@description('store=sharepoint: client id of the Entra app granted Sites.Selected on that site.')
param storeAadAppClientId string = ''

@secure()
@description('store=sharepoint: that app\'s client secret.')
param storeAadAppClientSecret string = ''

param webAppSku string = 'B1'
param location string = resourceGroup().location

var siteName = resourceBaseName
var tabDomain = empty(customTabDomain) ? '${siteName}.azurewebsites.net' : customTabDomain

var serverSettings = [
  { name: 'NODE_ENV', value: 'production' }
  { name: 'HOST', value: '0.0.0.0' }
  { name: 'PORT', value: '8080' }
  { name: 'WEBSITES_PORT', value: '8080' }
  { name: 'PUBLIC_URL', value: 'https://${tabDomain}' }
  { name: 'STORE', value: store }
  { name: 'SQLITE_PATH', value: '/home/data/okr.db' }
  { name: 'SEED_DEMO', value: 'false' }
  { name: 'DEV_IDENTITY', value: 'false' }
  { name: 'LOG_LEVEL', value: 'info' }
  { name: 'MicrosoftAppType', value: 'SingleTenant' }
  { name: 'MicrosoftAppId', value: botAadAppClientId }
  { name: 'MicrosoftAppPassword', value: botAadAppClientSecret }
  { name: 'MicrosoftAppTenantId', value: tenantId }
  { name: 'AAD_APP_CLIENT_ID', value: aadAppClientId }
  { name: 'AAD_APP_TENANT_ID', value: tenantId }
  { name: 'TAB_DOMAIN', value: tabDomain }
  { name: 'TEAMS_APP_ID', value: teamsAppId }
  // The deploy artifact is built and bundled already, its native module for this runtime (scripts/build-artifact.mjs).
  { name: 'SCM_DO_BUILD_DURING_DEPLOYMENT', value: 'false' }
]

var sharePointSettings = [
  { name: 'SHAREPOINT_SITE_URL', value: sharePointSiteUrl }
  { name: 'AZURE_TENANT_ID', value: tenantId }
  { name: 'AZURE_CLIENT_ID', value: storeAadAppClientId }
  { name: 'AZURE_CLIENT_SECRET', value: storeAadAppClientSecret }
]

resource plan 'Microsoft.Web/serverfarms@2022-09-01' = {
  name: resourceBaseName
  location: location
  kind: 'linux'
  sku: { name: webAppSku }
  properties: { reserved: true }
}

resource site 'Microsoft.Web/sites@2022-09-01' = {
  name: siteName
  location: location
  kind: 'app,linux'
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    siteConfig: {
      linuxFxVersion: 'NODE|22-lts'
      alwaysOn: true
      ftpsState: 'Disabled'
      minTlsVersion: '1.2'
      http20Enabled: true
      healthCheckPath: '/healthz'
      appCommandLine: 'node --no-deprecation bot/dist/server.mjs'
      appSettings: concat(serverSettings, store == 'sharepoint' ? sharePointSettings : [])
    }
  }
}

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: resourceBaseName
  location: 'global'
  kind: 'azurebot'
  sku: { name: 'F0' }
  properties: {
    displayName: 'OKR SDG'
    endpoint: 'https://${tabDomain}/api/messages'
    msaAppId: botAadAppClientId
    msaAppType: 'SingleTenant'
    msaAppTenantId: tenantId
  }
}

resource teamsChannel 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: { channelName: 'MsTeamsChannel' }
}

output BOT_AZURE_APP_SERVICE_RESOURCE_ID string = site.id
output TAB_ENDPOINT string = 'https://${tabDomain}'
output TAB_DOMAIN string = tabDomain
