// Azure resources for one tenant deployment: an App Service (Linux, Node 20) running the server
// (bot endpoint, tab API, tab), and the Azure Bot registration with its Microsoft Teams channel.
@maxLength(20)
@minLength(4)
param resourceBaseName string

@description('Client id of the bot\'s Entra app (single tenant).')
param botAadAppClientId string

@secure()
@description('Client secret of the bot\'s Entra app.')
param botAadAppClientSecret string

param tenantId string = tenant().tenantId
param teamsAppId string
param webAppSku string = 'B1'
param location string = resourceGroup().location

var siteName = resourceBaseName

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
      linuxFxVersion: 'NODE|20-lts'
      alwaysOn: true
      ftpsState: 'Disabled'
      minTlsVersion: '1.2'
      appCommandLine: 'node --import tsx bot/src/index.ts'
      appSettings: [
        { name: 'NODE_ENV', value: 'production' }
        { name: 'HOST', value: '0.0.0.0' }
        { name: 'PORT', value: '8080' }
        { name: 'WEBSITES_PORT', value: '8080' }
        { name: 'PUBLIC_URL', value: 'https://${siteName}.azurewebsites.net' }
        { name: 'STORE', value: 'sqlite' }
        { name: 'SQLITE_PATH', value: '/home/data/okr.db' }
        { name: 'SEED_DEMO', value: 'false' }
        { name: 'DEV_IDENTITY', value: 'false' }
        { name: 'MicrosoftAppType', value: 'SingleTenant' }
        { name: 'MicrosoftAppId', value: botAadAppClientId }
        { name: 'MicrosoftAppPassword', value: botAadAppClientSecret }
        { name: 'MicrosoftAppTenantId', value: tenantId }
        { name: 'TEAMS_APP_ID', value: teamsAppId }
        { name: 'SCM_DO_BUILD_DURING_DEPLOYMENT', value: 'false' }
      ]
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
    endpoint: 'https://${site.properties.defaultHostName}/api/messages'
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
output TAB_ENDPOINT string = 'https://${site.properties.defaultHostName}'
output TAB_DOMAIN string = site.properties.defaultHostName
