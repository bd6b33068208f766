/**
 * Pure helpers of the plenarias, actas and commitments views: today in Bogotá, the editor's working
 * copy of a draft (dirty check, merge after a stale save and what to tell the person then, its
 * fields as text to copy), the OKR results by objective, the schedule form's defaults and checks,
 * and the orderings the lists use. No React here, so the tests can call them directly.
 */
import type { ActaDraft, IsoDate, MeResponse, Modality, OapActasResponse, OkrResultRow, PersonRef, PlenariaKind, PlenariaSummary, QuarterId } from '@okr/core';
import { bogotaDate, msg, quarterOf, quarterRange } from '../core.js';
import { actasText as a } from './strings.js';

/** Today's date in Bogotá ("2026-11-23"), whatever the computer's time zone. */
export function todayInBogota(now: Date = new Date()): IsoDate {
  return bogotaDate(now);
}

/** Where the schedule form starts: today when it falls in the quarter, else the quarter's first day. */
export function defaultPlenariaDate(quarter: QuarterId, today: IsoDate): IsoDate {
  return quarterOf(today) === quarter ? today : quarterRange(quarter).start;
}

/** Whole days from `a` to `b` (negative when `b` is earlier). */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

/** JSON with sorted keys: two drafts are the same whatever the order their keys came in. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0))) : v,
  );
}

export function sameValue(a: unknown, b: unknown): boolean {
  return canonical(a) === canonical(b);
}

export const DRAFT_FIELDS = [
  'startTime',
  'endTime',
  'objective',
  'attendeeIds',
  'guests',
  'agenda',
  'development',
  'proposals',
  'conversations',
  'feedback',
  'recognitions',
  'decisions',
  'commitments',
] as const satisfies ReadonlyArray<keyof ActaDraft>;

export type DraftField = (typeof DRAFT_FIELDS)[number];

/**
 * After someone else saved the acta: a three-way merge, field by field, of what the person typed
 * (`mine`) and what is saved now (`theirs`), both from `base`. A field only one side changed takes
 * that side; a field both changed keeps the person's text and is reported as a conflict, so nothing
 * typed is ever lost and the person decides.
 */
export function mergeDrafts(base: ActaDraft, mine: ActaDraft, theirs: ActaDraft): { draft: ActaDraft; conflicts: DraftField[] } {
  const draft = structuredClone(theirs);
  const conflicts: DraftField[] = [];
  for (const field of changedFields(base, mine)) {
    (draft as unknown as Record<DraftField, unknown>)[field] = structuredClone(mine[field]);
    if (!sameValue(theirs[field], base[field]) && !sameValue(theirs[field], mine[field])) conflicts.push(field);
  }
  return { draft, conflicts };
}

/** The fields of `draft` that differ from `base`, in the acta's order. */
export function changedFields(base: ActaDraft, draft: ActaDraft): DraftField[] {
  return DRAFT_FIELDS.filter((field) => !sameValue(draft[field], base[field]));
}

/** A field of a draft as plain text the person can copy («Ana; Luis», «Tarea (Ana, 2026-12-15)»). */
export function draftFieldText(field: DraftField, draft: ActaDraft, nameOf: (personId: string) => string): string {
  switch (field) {
    case 'attendeeIds':
      return draft.attendeeIds.map(nameOf).join('; ');
    case 'recognitions':
      return draft.recognitions.map((r) => `${r.personId ? nameOf(r.personId) : (r.team ?? '')} — ${r.reason}`).join('; ');
    case 'commitments':
      return draft.commitments.map((c) => `${c.task} (${nameOf(c.ownerId)}, ${c.due})`).join('; ');
    default: {
      const value = draft[field];
      return Array.isArray(value) ? value.join('; ') : value;
    }
  }
}

/** A message of the acta editor: `items` lists what it is about, one a line. */
export interface ActaNotice {
  intent: 'success' | 'error' | 'warning' | 'info';
  title?: string;
  text: string;
  items?: string[];
}

/**
 * What to tell the person after reloading the acta over their unsaved changes (`mine`, typed from
 * `base`): if it was signed meanwhile, their text to copy into a correction, since nothing typed is
 * lost; else that their text was kept, naming the fields both changed (`conflicts`). Null when
 * nothing was unsaved.
 */
export function reloadNotice(unsaved: { mine: ActaDraft; base: ActaDraft } | null, signed: boolean, conflicts: readonly DraftField[], nameOf: (personId: string) => string): ActaNotice | null {
    if (!unsaved) return null;
  if (signed) return { intent: 'warning', text: a.reloadedSigned, items: changedFields(unsaved.base, unsaved.mine).map((f) => `${a.fields[f]}: ${draftFieldText(f, unsaved.mine, nameOf)}`) };
  if (conflicts.length) return { intent: 'warning', title: a.reloadedTitle, text: a.reloadedConflicts, items: conflicts.map((f) => a.fields[f]) };
  return { intent: 'info', text: a.reloadedKept };
}

/** The rows of the OKR results under their objective, in the order they came (an objective's rows are together). */
export function groupByObjective(rows: readonly OkrResultRow[]): Array<{ objective: string; rows: OkrResultRow[] }> {
  const groups: Array<{ objective: string; rows: OkrResultRow[] }> = [];
  for (const r of rows) {
    const last = groups.at(-1);
    if (last && last.objective === r.objective) last.rows.push(r);
    else groups.push({ objective: r.objective, rows: [r] });
  }
  return groups;
}

/** A stable id for a commitment or a recognition of an acta: "c-k3j9x2ab". */
export function newItemId(prefix: 'c' | 'r'): string {
  const bytes = new Uint8Array(6);
  crypto.getRandomValues(bytes);
  return `${prefix}-${Array.from(bytes, (b) => (b % 36).toString(36)).join('')}${Date.now().toString(36).slice(-3)}`;
}

export function isHttpsUrl(text: string): boolean {
  try {
    return new URL(text).protocol === 'https:';
  } catch {
    return false;
  }
}

/** What is wrong with a plenaria's place or meeting link (null: nothing); the server checks the same. */
export function locationProblem(modality: Modality, location: string): string | null {
  const text = location.trim();
  if (!text) return modality === 'presencial' ? msg.actas.placeRequired : msg.actas.linkRequired;
  if (modality === 'presencial') return null;
  const link = text.split(/\s+/).find((w) => w.includes('://')) ?? text;
  return isHttpsUrl(link) ? null : msg.actas.linkHttps;
}

export function joinMixta(place: string, link: string): string {
  return `${place.trim()} ${link.trim()}`.trim();
}

/**
 * A place text as its place and its meeting link (the first word with «://»): «Salón Rojo, sede
 * principal — https://teams…» is «Salón Rojo, sede principal» and the link, without the separator
 * people typed between them (so it never shows as «… — · Abrir la reunión de Teams»). The two fields
 * of a mixed plenaria start from it; a view opens the link only when it is https.
 */
export function placeAndLink(location: string): { place: string; link: string | null } {
  const link = location.split(/\s+/).find((w) => w.includes('://')) ?? null;
  if (!link) return { place: location.trim(), link: null };
  const place = location.replace(link, ' ').replace(/\s+/g, ' ').trim().replace(/^[\s·—–\-|,;:/]+|[\s·—–\-|,;:/]+$/g, '').trim();
  return { place, link };
}

const fold = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();

const LEADER_TITLE = /\b(alcalde|alcaldesa|subsecretari[oa]|director|directora|subdirector|subdirectora|jefe|jefa|secretari[oa] distrital)/;
const ENLACE_TITLE = /\benlace\b/;

/**
 * Who presides and who is secretary, as a starting point the person can change: for a unit's
 * plenaria, its líder presides and its enlace writes the acta — the person scheduling when they hold
 * that role, else whoever's job title says so for the unit; for the entity-wide ones, the
 * Secretario/a Distrital presides.
 */
export function suggestedSigners(
  kind: PlenariaKind,
  unit: { id: string; name: string } | null,
  people: readonly PersonRef[],
  me: Pick<MeResponse, 'person' | 'roles'>,
): { presidingId: string; secretaryId: string } {
  const known = new Set(people.map((p) => p.id));
  const mine = (role: 'lider' | 'enlace') => (unit && me.roles.some((r) => r.role === role && r.unitId === unit.id) && known.has(me.person.id) ? me.person.id : '');
  const byTitle = (pattern: RegExp, ofUnit: boolean) =>
    people.find((p) => {
      const title = fold(p.jobTitle);
      return pattern.test(title) && (!ofUnit || (unit !== null && title.includes(fold(unit.name))));
    })?.id ?? '';
  if (kind === 'menor' || unit) {
    const presidingId = mine('lider') || byTitle(LEADER_TITLE, true);
    const secretaryId = mine('enlace') || byTitle(ENLACE_TITLE, true);
    return { presidingId, secretaryId: secretaryId === presidingId ? '' : secretaryId };
  }
  const presidingId = byTitle(/^secretari[oa] distrital/, false);
  const secretaryId = me.person.id !== presidingId && known.has(me.person.id) ? me.person.id : '';
  return { presidingId, secretaryId };
}

type OapRow = OapActasResponse['rows'][number];

/**
 * Most urgent first: copies overdue and still missing (oldest deadline first), then pending ones
 * (nearest deadline first), then those sent late, then those received on time.
 */
export function oapUrgency(row: OapRow): number {
  if (row.acta.oapStatus === 'vencida') return row.acta.sentOn ? 2 : 0;
  return row.acta.oapStatus === 'pendiente' ? 1 : 3;
}

export function sortOapRows(rows: readonly OapRow[]): OapRow[] {
  return [...rows].sort((x, y) => oapUrgency(x) - oapUrgency(y) || (x.acta.deadline < y.acta.deadline ? -1 : x.acta.deadline > y.acta.deadline ? 1 : 0) || x.unitName.localeCompare(y.unitName, 'es'));
}

/**
 * What a person is responsible for among the quarter's plenarias, the list's default filter: those
 * of the unit in view, those they scheduled, preside or are secretary of, and — for who organises
 * the entity's plenarias (OAP, ETI, Despacho) — the entity-wide ones (plenaria mayor, dialogue sessions).
 */
export function isMine(p: PlenariaSummary, personId: string, unitId: string | null, organisesEntity: boolean): boolean {
  const { plenaria } = p;
  if (unitId && plenaria.unitId === unitId) return true;
  if (plenaria.createdBy === personId || plenaria.presidingId === personId || plenaria.secretaryId === personId) return true;
  return organisesEntity && plenaria.unitId === null;
}

/** The meeting's plenaria: the unit's one of today, else the nearest in the quarter (upcoming before past on a tie). */
export function pickMeetingPlenaria(plenarias: readonly PlenariaSummary[], unitId: string, today: IsoDate): PlenariaSummary | null {
  const ofUnit = plenarias.filter((p) => p.plenaria.unitId === unitId);
  let best: PlenariaSummary | null = null;
  let bestScore = Infinity;
  for (const p of ofUnit) {
    const distance = daysBetween(today, p.plenaria.date);
    const score = Math.abs(distance) * 2 + (distance < 0 ? 1 : 0);
    if (score < bestScore) {
      best = p;
      bestScore = score;
    }
  }
  return best;
}
