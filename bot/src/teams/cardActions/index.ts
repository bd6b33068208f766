import type { CardAction } from '../BotDeps.js';
import { openCheckInAction } from './openCheckInAction.js';
import { setActAction, setRefreshAction } from './setActions.js';
import { saveOneCheckInAction, submitCheckInAction } from './submitCheckInAction.js';
import { reminderActions } from './reminderActions.js';
import { actaActions } from './actaActions.js';
import { updateCommitmentAction } from '../commands/commitmentsCommand.js';

export const cardActions: readonly CardAction[] = [submitCheckInAction, saveOneCheckInAction, openCheckInAction, setActAction, setRefreshAction, ...reminderActions, ...actaActions, updateCommitmentAction];

export function findCardAction(verb: string): CardAction | undefined {
  return cardActions.find((a) => a.verb === verb);
}
