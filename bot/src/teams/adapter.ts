import { CloudAdapter, ConfigurationBotFrameworkAuthentication, type TurnContext } from 'botbuilder';
import type { Logger } from 'pino';
import { msg } from '@okr/core';
import type { Config } from '../config.js';

/**
 * The Bot Framework adapter. With no MicrosoftAppId it runs anonymously, as the Agents Playground
 * needs locally; with an app id, every incoming request must carry a valid Bot Framework token.
 */
export function createAdapter(config: Config, log: Logger): CloudAdapter {
  const auth = new ConfigurationBotFrameworkAuthentication({
    MicrosoftAppId: config.MicrosoftAppId,
    MicrosoftAppPassword: config.MicrosoftAppPassword,
    MicrosoftAppType: config.MicrosoftAppType,
    MicrosoftAppTenantId: config.MicrosoftAppTenantId,
  });
  const adapter = new CloudAdapter(auth);
  adapter.onTurnError = async (context: TurnContext, error: Error) => {
    log.error({ err: error, activity: context.activity.type }, 'bot turn failed');
    await context.sendActivity(msg.errors.internal);
  };
  return adapter;
}
