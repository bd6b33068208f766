import type { IsoDate, OkrSet, RoleAssignment, Unit } from './types.js';
import { addBusinessDays } from './calendar.js';
import { actaState, oapCopyStatus, oapDeadline, unitsWithoutMenor, type Acta, type Plenaria, type SignatureRole } from './actas.js';
import { firstSentOn, missingForSignature, signableParts } from './actaRules.js';
import { periodOf, quarterMonths, quarterOf } from './quarter.js';
import { counted, formatDate, formatQuarterShort } from './format/index.js';
import { plenariaKindLabels, msg } from './i18n/es-CO.js';
import type { DigestTopic, DigestWaiting } from './reminders.js';

/**
 * What waits for whom, for the weekly digests (issue 7). Pure: the planner reads the store once and
 * passes it here; `waitingDigests` decides when the digests are due.
 *
 * - approvals_digest — líderes: their units' sets in «aprobación del líder»; anyone designated to
 *   preside or to be secretary: actas whose latest version is complete and still lacks their signature.
 * - coach_digest — every coach: the sets in «revisión del OKR Coach».
 * - oap_digest — OAP people: actas whose copy to the OAP is late (none sent and the 8 business days
 *   passed) or falls due within the next OAP_SOON_BUSINESS_DAYS business days, and — once the
 *   quarter's last month has started — how many units have no plenaria menor in the quarter (a count
 *   only: the tab lists them).
 */
export interface DigestSources {
  today: IsoDate;
  units: readonly Unit[];
  roles: readonly RoleAssignment[];
  /** Sets in 'leader_approval' and 'coach_review' (others are ignored). */
  sets: readonly OkrSet[];
  /** The plenarias of the previous and the current quarter… */
  plenarias: readonly Plenaria[];
  /** …and every version of their actas. */
  actas: readonly Acta[];
}

/** A pending copy to the OAP is mentioned when its deadline is at most this many business days away. */
export const OAP_SOON_BUSINESS_DAYS = 3;

const SIGNER: Record<SignatureRole, string> = { presiding: 'quien preside', secretary: 'secretario/a' };

export function whatWaits(s: DigestSources): DigestWaiting[] {
  const unitName = (id: string | null) => (id === null ? msg.actas.entityName : (s.units.find((u) => u.id === id)?.name ?? id));
  const byPerson = new Map<string, DigestWaiting>();
  const add = (kind: DigestWaiting['kind'], personId: string, item: string, topic: DigestTopic) => {
    const id = `${kind}|${personId}`;
    const w = byPerson.get(id) ?? { kind, personId, items: [], topics: [] };
    byPerson.set(id, w);
    w.items.push(item);
    if (!w.topics.includes(topic)) w.topics.push(topic);
  };
  const holders = (role: RoleAssignment['role'], unitId?: string) =>
    [...new Set(s.roles.filter((r) => r.role === role && (unitId === undefined || r.unitId === unitId)).map((r) => r.personId))];
  const setLine = (set: OkrSet, what: string) => `Set de OKR ${formatQuarterShort(set.quarter)} de ${unitName(set.unitId)}: ${what}`;
  const sets = [...s.sets].sort((a, b) => a.quarter.localeCompare(b.quarter) || unitName(a.unitId).localeCompare(unitName(b.unitId), 'es'));

  // Líderes: sets waiting for their approval.
  for (const set of sets.filter((x) => x.state === 'leader_approval')) {
    for (const personId of holders('lider', set.unitId)) add('approvals_digest', personId, setLine(set, 'por aprobar'), 'sets_to_approve');
  }
  // Who presides or is secretary: actas ready to sign that lack their signature.
  const plenarias = [...s.plenarias].sort((a, b) => a.date.localeCompare(b.date) || a.startTime.localeCompare(b.startTime));
  const versionsOf = (p: Plenaria) => s.actas.filter((a) => a.plenariaId === p.id).sort((a, b) => a.documentVersion - b.documentVersion);
  for (const p of plenarias) {
    const latest = versionsOf(p).at(-1);
    // An acta is signed after its plenaria: one still ahead waits for nobody's signature yet.
    if (!latest || p.date > s.today || actaState(latest.signatures) === 'signed' || missingForSignature(latest.draft, p.kind).length > 0) continue;
    const what = `Acta de la ${plenariaKindLabels[p.kind].toLowerCase()} de ${unitName(p.unitId)} (${formatDate(p.date)})`;
    for (const personId of new Set([p.presidingId, p.secretaryId])) {
      const parts = signableParts(latest, p, personId, latest.documentVersion);
      if (parts.length) add('approvals_digest', personId, `${what}: falta tu firma como ${parts.map((x) => SIGNER[x]).join(' y como ')}`, 'actas_to_sign');
    }
  }
  // Coaches: sets waiting for a review of their form.
  for (const set of sets.filter((x) => x.state === 'coach_review')) {
    for (const personId of holders('coach')) add('coach_digest', personId, setLine(set, 'por revisar'), 'sets_to_review');
  }
  // The OAP: copies late or falling due soon, and units without a plenaria menor late in the quarter.
  const oap = holders('oap');
  if (oap.length) {
    const soon = addBusinessDays(s.today, OAP_SOON_BUSINESS_DAYS);
    const late: string[] = [];
    const dueSoon: string[] = [];
    for (const p of plenarias.filter((x) => x.date <= s.today)) {
      const sentOn = firstSentOn(versionsOf(p));
      const deadline = oapDeadline(p.date);
      const status = oapCopyStatus(p.date, sentOn, s.today);
      const what = `${unitName(p.unitId)} — ${plenariaKindLabels[p.kind].toLowerCase()} del ${formatDate(p.date)}`;
      if (status === 'vencida' && !sentOn) late.push(`${what}: copia vencida (plazo hasta el ${formatDate(deadline)})`);
      else if (status === 'pendiente' && deadline <= soon) dueSoon.push(`${what}: copia pendiente (plazo hasta el ${formatDate(deadline)})`);
    }
    const quarter = quarterOf(s.today);
    const missingMenor = periodOf(s.today) >= quarterMonths(quarter)[2]! ? unitsWithoutMenor(quarter, s.units, s.plenarias).length : 0;
    for (const personId of oap) {
      for (const item of [...late, ...dueSoon]) add('oap_digest', personId, item, 'oap_copies');
      if (missingMenor > 0) {
        add('oap_digest', personId, `${counted(missingMenor, 'unidad', 'unidades')} sin plenaria menor en ${formatQuarterShort(quarter)}`, 'units_without_menor');
      }
    }
  }
  return [...byPerson.values()];
}
