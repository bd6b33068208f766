/** Minimal Adaptive Card (schema 1.5) building blocks shared by the card builders. */
export type CardElement = Record<string, unknown>;

export interface AdaptiveCard {
  type: 'AdaptiveCard';
  $schema: string;
  version: '1.5';
  body: CardElement[];
  actions?: CardElement[];
  refresh?: CardElement;
  msteams?: { width?: 'Full' };
}

export function card(body: CardElement[], actions: CardElement[] = []): AdaptiveCard {
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    body,
    ...(actions.length > 0 ? { actions } : {}),
  };
}

export const text = (value: string, extra: CardElement = {}): CardElement => ({ type: 'TextBlock', text: value, wrap: true, ...extra });
export const heading = (value: string, extra: CardElement = {}): CardElement => text(value, { size: 'Large', weight: 'Bolder', style: 'heading', ...extra });
export const subtle = (value: string, extra: CardElement = {}): CardElement => text(value, { isSubtle: true, size: 'Small', spacing: 'None', ...extra });
export const attention = (value: string, extra: CardElement = {}): CardElement => text(value, { color: 'Attention', size: 'Small', ...extra });

export const facts = (pairs: Array<[string, string]>): CardElement => ({ type: 'FactSet', facts: pairs.map(([title, value]) => ({ title, value })) });

export const container = (items: CardElement[], extra: CardElement = {}): CardElement => ({ type: 'Container', items, ...extra });

/**
 * A Universal Action (`Action.Execute`) that also works where Teams cannot execute it (mobile,
 * microsoft/AdaptiveCards#9315): its fallback is an `Action.Submit` carrying the same verb in its
 * data, which the bot routes to the same handler.
 */
export function executeAction(title: string, verb: string, data: Record<string, unknown>, extra: CardElement = {}): CardElement {
  const payload = { ...data, action: verb };
  return {
    type: 'Action.Execute',
    title,
    verb,
    data: payload,
    fallback: { type: 'Action.Submit', title, data: payload },
    ...extra,
  };
}

export const openUrl = (title: string, url: string): CardElement => ({ type: 'Action.OpenUrl', title, url });

/** Status colours of the Adaptive Card palette. */
export const statusColor = {
  no_iniciado: 'Default',
  en_curso: 'Good',
  atrasado: 'Warning',
  en_riesgo: 'Attention',
  completado: 'Accent',
} as const;
