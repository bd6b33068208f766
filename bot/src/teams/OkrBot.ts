import {
  type ConversationReference,
  CardFactory,
  MessageFactory,
  TeamsActivityHandler,
  TeamsInfo,
  TurnContext,
  type AdaptiveCardInvokeResponse,
  type AdaptiveCardInvokeValue,
} from 'botbuilder';
import { msg, shellBotText, type Person } from '@okr/core';
import type { Logger } from 'pino';
import type { CardReply, HelpLine } from './handlers.js';
import { ConflictError, StoreUnavailableError, type Store } from '../store/Store.js';
import { linkSignIn } from '../services/directory.js';
import { helpCard, messageCard, notRegisteredCard, welcomeCard } from './cards/simpleCards.js';
import type { AdaptiveCard } from './cards/elements.js';
import { commandFor, normalizeCommand } from './commands/normalize.js';
import { withDataAge } from '../store/dataAge.js';
import { asAction, asWrite, type DecidedWrite } from '../store/freshness.js';
import { datedCard } from './cards/dataAge.js';

/** A command as the bot runs it: bound by app.ts to the services of its module. */
export interface BotCommand {
  phrases: readonly string[];
  run(person: Person): Promise<AdaptiveCard | AdaptiveCard[]>;
}

/** A card action as the bot runs it, bound like a command. */
export interface BotCardAction {
  verb: string;
  run(person: Person, data: Record<string, unknown>): Promise<CardReply>;
  /** The turn runs as this write (store/freshness.ts), identifying the person included. */
  write?: DecidedWrite;
}

/** What the bot is made of: the directory (who is writing), every module's commands and card actions, the help lines. */
export interface BotParts {
  store: Store;
  log: Logger;
  commands: readonly BotCommand[];
  cardActions: readonly BotCardAction[];
  help: readonly HelpLine[];
  /**
   * When a turn's conversation may be stored for proactive messages (reminders, sign-off cards):
   * `anonymous` — the adapter runs without the bot's credentials (local development only: the
   * configuration refuses it in production), so no turn is authenticated and every one counts;
   * otherwise only a turn the adapter authenticated. `serviceUrlAllowed` — in production only the
   * Teams and Bot Framework services.
   */
  conversations: { anonymous: boolean; serviceUrlAllowed: (serviceUrl: string | undefined) => boolean };
}

/** botframework-connector's AuthenticationConstants.AnonymousAuthType. */
const ANONYMOUS_AUTH_TYPE = 'anonymous';

const cardActivity = (card: AdaptiveCard) => MessageFactory.attachment(CardFactory.adaptiveCard(card));

const forClicker = (reply: CardReply): AdaptiveCard => ('everyone' in reply ? reply.card : reply);

/** A reply built from data `ageMs` old: past a minute, each of its cards says so in one line. */
const dated = (reply: CardReply, ageMs: number): CardReply => ('everyone' in reply ? { card: datedCard(reply.card, ageMs), everyone: datedCard(reply.everyone, ageMs) } : datedCard(reply, ageMs));

const invokeCard = (card: AdaptiveCard): AdaptiveCardInvokeResponse => ({
  statusCode: 200,
  type: 'application/vnd.microsoft.card.adaptive',
  value: card as unknown as Record<string, unknown>,
});

/**
 * The Teams bot: routes typed commands and card actions to their handlers. Holds no state of its
 * own — what a card needs travels in its data or lives in the store — so a restart loses nothing.
 */
export class OkrBot extends TeamsActivityHandler {
  constructor(private readonly deps: BotParts) {
    super();

    this.onTurn(async (context, next) => {
      const a = context.activity;
      this.deps.log.debug({ type: a.type, name: a.name, conversationType: a.conversation?.conversationType, from: a.from?.aadObjectId }, 'activity');
      await next();
    });

    this.onMessage(async (context, next) => {
      // The reply is built first, noting how old the data it read is (store/dataAge.ts), then sent.
      const value = context.activity.value as Record<string, unknown> | undefined;
      const verb = value && typeof value.action === 'string' ? value.action : null;
      const { result, ageMs } = await this.asTurnAction(verb, () => withDataAge(async (): Promise<{ reply?: CardReply; cards: AdaptiveCard[] }> => {
        const person = await this.identify(context);
        if (value && verb) {
          // Action.Submit: the fallback of every Action.Execute (Teams mobile cannot execute).
          if (!person) return { cards: [notRegisteredCard()] };
          const reply = await this.runCardAction(person, verb, value);
          return { reply, cards: [forClicker(reply)] };
        }
        return { cards: person ? await this.runCommand(person, context.activity.text ?? '') : [notRegisteredCard()] };
      }), context.activity.text ?? '');
      if (result.reply) await this.updateOriginal(context, dated(result.reply, ageMs));
      for (const card of result.cards) await context.sendActivity(cardActivity(datedCard(card, ageMs)));
      await next();
    });

    this.onInstallationUpdateAdd(async (context, next) => {
      const person = await this.identify(context, { welcome: true });
      if (!person) await context.sendActivity(cardActivity(notRegisteredCard()));
      await next();
    });
  }

  /** The directory person behind this Teams user; stores their conversation for proactive messages. */
  private async identify(context: TurnContext, opts: { welcome?: boolean } = {}): Promise<Person | null> {
    const aadObjectId = context.activity.from?.aadObjectId;
    const person = aadObjectId ? ((await this.deps.store.findPersonByAadObjectId(aadObjectId)) ?? (await this.linkByEmail(context, aadObjectId))) : null;
    if (!person) return null;
    if (context.activity.conversation?.conversationType === 'personal' && this.mayStoreConversation(context)) {
      const known = await this.deps.store.getConversationReference(person.id);
      const reference = TurnContext.getConversationReference(context.activity);
      // Written only when it changed (a new conversation, service address or bot): not on every message.
      if (!sameConversation(known, reference)) await this.deps.store.saveConversationReference(person.id, reference);
      if (opts.welcome && !known) {
        const [roles, units] = await Promise.all([this.deps.store.rolesOf(person.id), this.deps.store.listUnits()]);
        await context.sendActivity(cardActivity(welcomeCard(person, roles, units)));
      }
    }
    return person;
  }

  /** A person the ETI registered by e-mail, writing for the first time: Teams gives their e-mail, which links their Entra id. */
  private async linkByEmail(context: TurnContext, aadObjectId: string): Promise<Person | null> {
    const member = await TeamsInfo.getMember(context, context.activity.from.id).catch(() => null);
    return linkSignIn(this.deps.store, aadObjectId, member?.email ?? member?.userPrincipalName ?? null);
  }

  /**
   * A stored conversation is where later reminders and sign-off cards go: it is taken only from a
   * turn the adapter authenticated (a Bot Framework token), never from an anonymous one, and only
   * for an allowed service address, so nobody can repoint a person's reminders.
   */
  private mayStoreConversation(context: TurnContext): boolean {
    const { anonymous, serviceUrlAllowed } = this.deps.conversations;
    if (!serviceUrlAllowed(context.activity.serviceUrl)) return false;
    if (anonymous) return true;
    // The ClaimsIdentity the adapter put on the turn; botbuilder marks a turn it did not authenticate 'anonymous'.
    const identity = context.turnState.get(context.adapter.BotIdentityKey) as { isAuthenticated?: boolean; authenticationType?: unknown } | undefined;
    return !!identity?.isAuthenticated && identity.authenticationType !== ANONYMOUS_AUTH_TYPE;
  }

  private async runCommand(person: Person, text: string): Promise<AdaptiveCard[]> {
    const command = commandFor(this.deps.commands, text);
    if (command) return [await command.run(person)].flat();
    const typed = normalizeCommand(text);
    if (!typed) return [helpCard(this.deps.help)];
    return [messageCard(shellBotText.notUnderstood.title, shellBotText.notUnderstood.text(text.trim().slice(0, 80)))];
  }

  /** After a decision, the original message shows everyone the new state (an invoke response reaches only the clicker). */
  private async updateOriginal(context: TurnContext, reply: CardReply): Promise<void> {
    const messageId = context.activity.replyToId;
    if (!('everyone' in reply) || !messageId) return;
    try {
      await context.updateActivity({ id: messageId, type: 'message', attachments: [CardFactory.adaptiveCard(reply.everyone)] });
    } catch (error) {
      this.deps.log.warn({ err: error, messageId }, 'could not update the original card');
    }
  }

  /**
   * The turn runs as an action (store/freshness.ts), from identifying the person on: a card action
   * that is a write (a check-in save) as it; any other as its verb, or its command, so the read cache
   * checks the lists it reads together in its first store call.
   */
  private asTurnAction<T>(verb: string | null, work: () => Promise<T>, text?: string): Promise<T> {
    const action = verb ? this.deps.cardActions.find((a) => a.verb === verb) : undefined;
    if (action?.write) return asWrite(action.write, work);
    if (action) return asAction(`bot action ${action.verb}`, work);
    if (verb) return asAction('bot action ?', work);
    const command = text === undefined ? undefined : commandFor(this.deps.commands, text);
    return asAction(command ? `bot command ${command.phrases[0]}` : 'bot message', work);
  }

  private async runCardAction(person: Person, verb: string, data: Record<string, unknown>): Promise<CardReply> {
    const action = this.deps.cardActions.find((a) => a.verb === verb);
    if (!action) return messageCard(shellBotText.staleCard.title, shellBotText.staleCard.text);
    try {
      return await action.run(person, data);
    } catch (error) {
      if (error instanceof ConflictError) return messageCard(shellBotText.conflictTitle, msg.errors.conflict);
      if (error instanceof StoreUnavailableError) return messageCard(shellBotText.storeBusyTitle, msg.errors.storeBusy);
      this.deps.log.error({ err: error, verb, person: person.id }, 'card action failed');
      return messageCard(shellBotText.failed.title, shellBotText.failed.text);
    }
  }

  protected override async onAdaptiveCardInvoke(context: TurnContext, invokeValue: AdaptiveCardInvokeValue): Promise<AdaptiveCardInvokeResponse> {
    const { result: reply, ageMs } = await this.asTurnAction(invokeValue.action?.verb ?? null, () => withDataAge(async (): Promise<CardReply> => {
      const person = await this.identify(context);
      if (!person) return notRegisteredCard();
      const action = invokeValue.action;
      return this.runCardAction(person, action.verb, { ...(action.data as Record<string, unknown>), action: action.verb });
    }));
    const answer = dated(reply, ageMs);
    await this.updateOriginal(context, answer);
    return invokeCard(forClicker(answer));
  }
}

/** Two conversation references that lead to the same place (the message each was taken from aside). */
function sameConversation(known: unknown, reference: Partial<ConversationReference>): boolean {
  if (!known || typeof known !== 'object') return false;
  const { activityId: _a, ...a } = known as Partial<ConversationReference>;
  const { activityId: _b, ...b } = reference;
  return canonical(a) === canonical(b);
}

/** JSON with keys in order at every level (a stored reference comes back with its keys reordered). */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    return `{${Object.keys(o).filter((k) => o[k] !== undefined).sort().map((k) => `${JSON.stringify(k)}:${canonical(o[k])}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
