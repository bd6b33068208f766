import {
  addBusinessDays,
  buildQuarterSnapshot,
  previousQuarter,
  quarterMonths,
  quarterOf,
  quarterRange,
  type CheckIn,
  type IsoDate,
  type KeyResult,
  type MonthReview,
  type MonthReviewEvent,
  type Objective,
  type OkrSet,
  type Period,
  type QuarterId,
} from '@okr/core';
import type { DirectorySeed } from '../ports/directory.js';
import type { ReviewSeed, StoredQuarterClose } from '../ports/review.js';

/** What the demo OKRs hold, before the reviews. */
interface DemoOkrs {
  sets: OkrSet[];
  objectives: Objective[];
  keyResults: KeyResult[];
  checkIns: CheckIn[];
}

const ETI = ['eti-1', 'eti-2', 'eti-3'];

/** A time of a business day in Bogotá's office hours (UTC−5), never later than 08:00 on `today` itself. */
const at = (day: IsoDate, today: IsoDate, hourUtc: number): string => `${day}T${String(day === today ? 13 : hourUtc).padStart(2, '0')}:00:00.000Z`;

/**
 * When someone acts on something done at `doneAt`: `businessDays` business days later in the
 * afternoon if that is before `today`, else two hours later if that is still before 08:00 of
 * `today`; null when there was no time.
 */
function soonAfter(doneAt: string, businessDays: number, today: IsoDate): string | null {
  const limit = at(today, today, 13);
  const day = addBusinessDays(doneAt.slice(0, 10), businessDays);
  if (day < today) return at(day, today, 16);
  const later = new Date(Date.parse(doneAt) + 2 * 3_600_000).toISOString();
  return later < limit ? later : null;
}

/** What the ETI of the demo does with a unit's latest month due, by the unit's place in the list. */
type Outcome = 'closed' | 'correction' | 'corrected' | 'flagged' | 'clean' | 'clean2';
const OUTCOMES: Outcome[] = ['closed', 'correction', 'corrected', 'flagged', 'clean', 'clean2'];

/**
 * The demo's month reviews and quarter close, consistent with the check-ins' dates (each decision
 * after the reports it is about, and before `today`):
 * - the previous quarter was reviewed month by month and closed by the ETI four business days after
 *   it ended (a few months left unreviewed or with a correction pending at the close, as happens),
 *   its snapshot built from the demo's data, and shared the next business day;
 * - this quarter's earlier months are closed (some after a correction), and its latest month due is
 *   in every state of the queue: closed, correction requested (on a one-word comment), corrected (a
 *   missing key result reported after the request), waiting with a flag, waiting and consistent —
 *   besides the incomplete and unreported units that the check-ins already make.
 * Returns the check-ins too: the few the reviews are about are adjusted (a one-word comment, a
 * percentage that contradicts the value, a key result reported after the request). `due`: the
 * latest month whose reports are due; `pending`: units whose latest month the demo leaves unreported.
 */
export function buildDemoReviews(today: IsoDate, directory: DirectorySeed, okrs: DemoOkrs, due: Period, pending: ReadonlySet<string>): Required<ReviewSeed> & { checkIns: CheckIn[] } {
  const checkIns = okrs.checkIns.map((c) => ({ ...c }));
  const monthReviews: MonthReview[] = [];
  const monthReviewEvents: MonthReviewEvent[] = [];
  const krsOf = new Map<string, KeyResult[]>();
  for (const k of okrs.keyResults) krsOf.set(k.setId, [...(krsOf.get(k.setId) ?? []), k]);
  const objectiveOrder = new Map(okrs.objectives.map((o) => [o.id, o.order]));
  const ordered = (setId: string) => (krsOf.get(setId) ?? []).slice().sort((a, b) => (objectiveOrder.get(a.objectiveId) ?? 0) - (objectiveOrder.get(b.objectiveId) ?? 0) || a.order - b.order);
  const reportsOf = (unitId: string, period: Period) => checkIns.filter((c) => c.unitId === unitId && c.period === period);
  const completedOn = (reports: CheckIn[]) => reports.reduce((a, c) => (c.createdAt > a ? c.createdAt : a), '').slice(0, 10);
  /** The enlace's correction, as a step of the month's history. */
  const corrected = (unitId: string, period: Period, when: string) =>
    monthReviewEvents.push({ id: `demo-${unitId}-${period}-corrected`, unitId, period, action: 'corrected', actorId: `enlace-${unitId}`, at: when, note: null, observations: [] });
  /** What a correction request records: the versions of the month's check-ins at that moment. */
  const versionsOf = (reports: CheckIn[]) => Object.fromEntries(reports.map((c) => [c.keyResultId, c.version]));

  /** The decisions of a month, oldest first: each stored as an event, the last as the review. */
  const decide = (unitId: string, period: Period, steps: Array<Pick<MonthReview, 'state' | 'actorId' | 'at' | 'note' | 'observations'> & { checkInVersions?: Record<string, number> }>) => {
    steps.forEach((s, n) => {
      monthReviewEvents.push({ id: `demo-${unitId}-${period}-${n + 1}`, unitId, period, action: s.state === 'closed' ? 'close' : 'request_correction', actorId: s.actorId, at: s.at, note: s.note, observations: s.observations });
    });
    const last = steps.at(-1);
    if (last) monthReviews.push({ unitId, period, ...last, checkInVersions: last.checkInVersions ?? {}, version: steps.length });
  };

  const quarter = quarterOf(today);
  const previous = previousQuarter(quarter);
  const setsOf = (q: QuarterId) => new Map(okrs.sets.filter((s) => s.quarter === q).map((s) => [s.unitId, s]));

  // ── the previous quarter: reviewed, then closed and shared ──────────────────────────────────
  const quarterEnd = quarterRange(previous).end;
  const closeDay = [addBusinessDays(quarterEnd, 4), today].sort()[0]!;
  const closedAt = at(closeDay, today, 15);
  const previousSets = setsOf(previous);
  directory.units.forEach((unit, i) => {
    const set = previousSets.get(unit.id);
    if (!set) return;
    quarterMonths(previous).forEach((period, m) => {
      const reports = reportsOf(unit.id, period);
      if (reports.length === 0) return;
      const last = m === 2;
      if (last && i % 11 === 3) return; // still waiting for the ETI when the quarter closed
      const day = addBusinessDays(completedOn(reports), i % 2);
      const when = at(day, today, 16 + (i % 5));
      if (when >= closedAt) return;
      const eti = ETI[(i + m) % ETI.length]!;
      if (last && i % 13 === 5) {
        const kr = ordered(set.id)[0]!;
        decide(unit.id, period, [{ state: 'correction_requested', actorId: eti, at: when, note: null, observations: [{ keyResultId: kr.id, text: 'La evidencia no muestra el avance reportado: adjunta el informe del mes.' }], checkInVersions: versionsOf(reports) }]);
        return;
      }
      decide(unit.id, period, [{ state: 'closed', actorId: eti, at: when, note: null, observations: [] }]);
    });
  });
  const names = new Map(directory.people.map((p) => [p.id, p.name]));
  const previousBundles = [...previousSets.values()].map((set) => ({
    // The snapshot records each set as it was when the quarter was closed: loaded.
    set: { ...set, state: 'active' as const, version: set.version },
    objectives: okrs.objectives.filter((o) => o.setId === set.id),
    keyResults: okrs.keyResults.filter((k) => k.setId === set.id),
  }));
  const snapshot = buildQuarterSnapshot({
    quarter: previous,
    closedAt,
    closedBy: 'eti-1',
    names,
    units: directory.units,
    bundles: previousBundles,
    checkIns: checkIns.filter((c) => quarterOf(`${c.period}-01`) === previous),
    reviews: monthReviews.filter((r) => quarterOf(`${r.period}-01`) === previous),
    institutionalObjectives: directory.institutionalObjectives,
  });
  const shareDay = addBusinessDays(closeDay, 1);
  const sharedAt = shareDay < today ? at(shareDay, today, 14) : closedAt;
  const quarterCloses: StoredQuarterClose[] = [{ record: { quarter: previous, closedAt, closedBy: 'eti-1', sharedAt, sharedBy: 'eti-1', version: 2 }, snapshot }];

  // ── this quarter: earlier months closed, the latest month due in every state ───────────────
  const currentSets = setsOf(quarter);
  let place = 0;
  directory.units.forEach((unit, i) => {
    const set = currentSets.get(unit.id);
    if (!set || set.state !== 'active') return;
    const krs = ordered(set.id);
    for (const period of quarterMonths(quarter).filter((p) => p <= due)) {
      const reports = reportsOf(unit.id, period);
      if (reports.length < krs.length || krs.length === 0) continue;
      const done = completedOn(reports);
      const eti = ETI[i % ETI.length]!;
      if (period < due) {
        const closeOn = at(addBusinessDays(done, 3), today, 16);
        if (closeOn >= at(today, today, 13)) continue;
        if (i % 7 === 4) {
          // Closed after a correction: the request, the enlace's edit, then the close.
          const request = at(addBusinessDays(done, 1), today, 15);
          const kr = krs[3]!;
          const report = reports.find((c) => c.keyResultId === kr.id)!;
          const editedAt = at(addBusinessDays(done, 2), today, 20);
          const asked = versionsOf(reports);
          Object.assign(report, { updatedAt: editedAt, version: 2, comment: `${report.comment} Se corrigió el soporte: el informe del mes quedó en la carpeta de evidencias.` });
          decide(unit.id, period, [
            { state: 'correction_requested', actorId: eti, at: request, note: null, observations: [{ keyResultId: kr.id, text: 'El enlace a la evidencia no abre el informe del mes; revisa el permiso de la carpeta.' }], checkInVersions: asked },
            { state: 'closed', actorId: eti, at: closeOn, note: null, observations: [] },
          ]);
          corrected(unit.id, period, editedAt);
        } else decide(unit.id, period, [{ state: 'closed', actorId: eti, at: closeOn, note: null, observations: [] }]);
        continue;
      }
      if (pending.has(unit.id)) continue;
      const outcome = OUTCOMES[place++ % OUTCOMES.length]!;
      const byKr = (kr: KeyResult) => reports.find((c) => c.keyResultId === kr.id)!;
      const lastReport = reports.reduce((a, c) => (c.createdAt > a ? c.createdAt : a), '');
      switch (outcome) {
        case 'closed': {
          const when = soonAfter(lastReport, 2, today);
          if (when) decide(unit.id, period, [{ state: 'closed', actorId: eti, at: when, note: null, observations: [] }]);
          break;
        }
        case 'correction': {
          byKr(krs[0]!).comment = 'Avance.';
          const when = soonAfter(lastReport, 1, today);
          if (when) {
            decide(unit.id, period, [
              {
                state: 'correction_requested',
                actorId: eti,
                at: when,
                note: 'Revisa los comentarios antes del cierre del mes.',
                observations: [{ keyResultId: krs[0]!.id, text: 'El comentario no explica el avance: cuenta qué se hizo este mes y con qué soporte.' }],
                checkInVersions: versionsOf(reports),
              },
            ]);
          }
          break;
        }
        case 'corrected': {
          // The last key result was missing when the ETI asked; the enlace reported it afterwards.
          const kr = krs.at(-1)!;
          const late = byKr(kr);
          const others = reports.filter((c) => c !== late).reduce((a, c) => (c.createdAt > a ? c.createdAt : a), '');
          const request = soonAfter(others, 1, today);
          if (!request) break;
          decide(unit.id, period, [{ state: 'correction_requested', actorId: eti, at: request, note: null, observations: [{ keyResultId: kr.id, text: `Falta el reporte de «${kr.title}».` }], checkInVersions: versionsOf(reports.filter((c) => c !== late)) }]);
          const reported = soonAfter(request, 1, today);
          if (reported) {
            Object.assign(late, { createdAt: reported, updatedAt: reported });
            corrected(unit.id, period, reported);
          }
          else checkIns.splice(checkIns.indexOf(late), 1);
          break;
        }
        case 'flagged': {
          const report = byKr(krs.find((k) => k.kind !== 'milestone')!);
          report.comment = `${report.comment.replace(/ Avance acumulado: \d+ %\./, '')} El indicador ya va en el 98 %.`;
          break;
        }
        case 'clean':
        case 'clean2':
          break;
      }
    }
  });
  monthReviewEvents.sort((a, b) => a.at.localeCompare(b.at));
  return { checkIns, monthReviews, monthReviewEvents, quarterCloses };
}
