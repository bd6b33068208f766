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

/**
 * Text on a card is always literal: what a person typed (a comment, an acta, a reason, a name)
 * shows as typed, and `[Descarga el soporte](https://phish…)` never becomes a link. This file is the
 * one place that decides it, for every card builder:
 * - body text is a RichTextBlock of TextRuns, which Adaptive Cards never read as markdown;
 * - headings (TextBlock with the `heading` style, for screen readers) and facts (FactSet, which
 *   Teams reads as markdown) get their markdown escaped;
 * - the only links on a card are the app's own buttons (Action.OpenUrl to the tab).
 */

/** How a run of text looks; the rest of `extra` (spacing, separator, id…) goes to the block. */
const RUN_STYLE = new Set(['weight', 'size', 'color', 'isSubtle', 'italic', 'strikethrough', 'fontType', 'highlight']);

/** What markdown would read as a link, emphasis or code, escaped with a backslash (CommonMark), and list marks at a line's start. */
export function escapeMarkdown(value: string): string {
  return value
    .replace(/[\\`*_[\]~<>]/g, '\\$&')
    .replace(/^(\s*)([-+])(?=\s)/gm, '$1\\$2')
    .replace(/^(\s*\d+)\.(?=\s)/gm, '$1\\.')
    // A bare address is not turned into a link either: a zero-width space after its scheme.
    .replace(/\b(https?|ftp|mailto):/gi, '$1\u200B:');
}

export const text = (value: string, extra: CardElement = {}): CardElement => {
  const run: CardElement = { type: 'TextRun', text: value };
  const block: CardElement = { type: 'RichTextBlock' };
  for (const [key, v] of Object.entries(extra)) (RUN_STYLE.has(key) ? run : block)[key] = v;
  return { ...block, inlines: [run] };
};
export const heading = (value: string, extra: CardElement = {}): CardElement => ({ type: 'TextBlock', text: escapeMarkdown(value), wrap: true, size: 'Large', weight: 'Bolder', style: 'heading', ...extra });
export const subtle = (value: string, extra: CardElement = {}): CardElement => text(value, { isSubtle: true, size: 'Small', spacing: 'None', ...extra });
export const attention = (value: string, extra: CardElement = {}): CardElement => text(value, { color: 'Attention', size: 'Small', ...extra });

export const facts = (pairs: Array<[string, string]>): CardElement => ({ type: 'FactSet', facts: pairs.map(([title, value]) => ({ title: escapeMarkdown(title), value: escapeMarkdown(value) })) });

/** Cut to `max` characters with «…»: echoed text on a card is a preview; the whole of it is in the tab. */
export const preview = (value: string, max: number): string => (value.length > max ? `${value.slice(0, max - 1).trimEnd()}…` : value);

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

/** Adaptive Cards show at most 6 actions (the renderers' default): past that, one button per unit becomes a choice. */
export const MAX_BUTTONS = 6;

/**
 * One button per unit while they fit, else a compact choice of the units with one button: the
 * chosen unit's id arrives in the action's data as `unitId` (inputs travel with Action.Execute and Action.Submit).
 */
export function unitChoice(units: ReadonlyArray<{ id: string; name: string }>, button: (unit: { id: string; name: string } | null) => CardElement, label: string): { body: CardElement[]; actions: CardElement[] } {
  if (units.length <= MAX_BUTTONS) return { body: [], actions: units.map((u) => button(u)) };
  return {
    body: [{ type: 'Input.ChoiceSet', id: 'unitId', label, style: 'compact', isRequired: true, errorMessage: label, value: units[0]!.id, choices: units.map((u) => ({ title: u.name, value: u.id })) }],
    actions: [button(null)],
  };
}

/** Status colours of the Adaptive Card palette. */
export const statusColor = {
  no_iniciado: 'Default',
  en_curso: 'Good',
  atrasado: 'Warning',
  en_riesgo: 'Attention',
  completado: 'Accent',
} as const;

/**
 * The most a card may weigh: 28 KB, what Teams takes for a message posted through Graph (the bot
 * channel takes more; the smaller limit works on every path). Measured as the UTF-8 bytes of its JSON.
 */
export const CARD_MAX_BYTES = 28 * 1024;

export const cardBytes = (value: AdaptiveCard): number => Buffer.byteLength(JSON.stringify(value), 'utf8');
