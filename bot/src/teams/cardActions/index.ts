import type { CardAction } from '../BotDeps.js';
import { openCheckInAction } from './openCheckInAction.js';
import { saveOneCheckInAction, submitCheckInAction } from './submitCheckInAction.js';

export const cardActions: readonly CardAction[] = [submitCheckInAction, saveOneCheckInAction, openCheckInAction];

export function findCardAction(verb: string): CardAction | undefined {
  return cardActions.find((a) => a.verb === verb);
}
