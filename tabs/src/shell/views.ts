/**
 * The views table: every view of the «Mis OKR» page, one row each. The shell (MisOkr.tsx) builds
 * its tab lists, the deep links and what it renders from these rows alone. Adding a view adds its
 * files in its module's folder, its name in `viewText` (core/src/i18n/es-CO/tab/shell.ts), one row
 * here and, if an address opens it, its `?view=` in DEEP_LINK_VIEWS (docs/adr/0008-tab-modules.md).
 */
import type { MeResponse, QuarterId } from '@okr/core';
import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import type { ApiClient } from '../api/index.js';
import type { DeepLinkView } from './location.js';
import type { viewText } from '../strings.js';
// Most people land on a unit's tree: it comes with the page's frame; every other view loads when first shown.
import TreeView from '../okr/TreeView.js';

/** One unit's month in the monthly review: what `?view=revision&unit=<unitId>&month=<YYYY-MM>` opens. */
export interface ReviewTarget {
  unitId: string;
  month: string;
}

/** What the shell hands every view; a view's props are the part of it that it reads. */
export interface ViewProps {
  api: ApiClient;
  me: MeResponse;
  quarter: QuarterId;
  /** The unit chosen on the page (the entity-wide views do not show the picker). */
  unitId: string;
  unitName: string;
  /** The plenaria whose acta is open (`?acta=`), in a view that opens actas; else null. */
  openActa: string | null;
  onOpenActa: (plenariaId: string | null) => void;
  /** The unit's month open in the monthly review (`?view=revision&unit=&month=`); else null. */
  openReview: ReviewTarget | null;
  onOpenReview: (target: ReviewTarget | null) => void;
  /** Shows a unit's OKR tree (a row of the entity dashboard). */
  onOpenUnit: (unitId: string) => void;
}

export type ModuleName = 'okr' | 'formulation' | 'actas' | 'reminders' | 'review' | 'directory' | 'plan' | 'pei' | 'proposals';

export interface ViewRow {
  /** Its key in `viewText` (name in the tab list, spinner text) and in the tab's `data-testid`. */
  id: keyof typeof viewText;
  module: ModuleName;
  /**
   * `unit`: a view of the chosen unit, in the unit's tab list under the unit and quarter pickers;
   * `entity`: a section of its own beside «Mis OKR», with the quarter picker only.
   */
  scope: 'unit' | 'entity';
  /** Who sees it (the API checks again); everyone when absent. */
  who?: (me: MeResponse) => boolean;
  /** The address's `?view=` that opens it (a value of DEEP_LINK_VIEWS); without one it opens from its tab only. */
  link?: DeepLinkView;
  /** `?acta=<plenariaId>` opens that acta inside this view. */
  opensActas?: boolean;
  /**
   * The quarter means nothing there — the directory, a unit's team, its commitments across
   * plenarias, the proposals across sessions — or the view picks its own period (the PEI's cut-off
   * date): the shell shows no quarter picker above it.
   */
  noQuarter?: boolean;
  /** The view: `lazyView(() => import(…))`, so its module's code loads the first time it is shown. */
  view: ComponentType<ViewProps>;
  /**
   * When it is the page's first view: the GETs it will make, started with the page while its code
   * still loads (shell/firstView.ts; `api` keeps them for the view's own calls).
   */
  preload?: (api: ApiClient, at: { unitId: string | null; quarter: QuarterId }) => void;
}

/** A view whose code loads when first shown — or earlier, with `warm()`, when the address names it. */
// `any` as in React's own `lazy`.
function lazyView<T extends ComponentType<any>>(load: () => Promise<{ default: T }>): LazyExoticComponent<T> & { warm: () => void } {
  return Object.assign(lazy(load), { warm: () => void load().catch(() => undefined) });
}

const entityWide = (me: MeResponse) => me.entityWide === true;
const eti = (me: MeResponse) => me.roles.some((r) => r.role === 'eti');
/** The OAP and the Despacho (every proposal), and who takes one (theirs): exactly whom `GET /api/proposals` answers. */
const proposals = (me: MeResponse) => me.proposals !== undefined;

export const VIEWS = [
  {
    id: 'tree',
    module: 'okr',
    scope: 'unit',
    view: TreeView,
    preload: (api, { unitId, quarter }) => unitId && void Promise.allSettled([api.tree(unitId, quarter), api.recognitions(unitId)]),
  },
  { id: 'formulation', module: 'formulation', scope: 'unit', view: lazyView(() => import('../formulation/SetEditor.js')) },
  { id: 'plenarias', module: 'actas', scope: 'unit', link: 'plenarias', opensActas: true, view: lazyView(() => import('../actas/PlenariasView.js')) },
  { id: 'commitments', module: 'actas', scope: 'unit', link: 'compromisos', noQuarter: true, view: lazyView(() => import('../actas/CommitmentsView.js')) },
  { id: 'plan', module: 'plan', scope: 'unit', link: 'plan', view: lazyView(() => import('../plan/PlanView.js')) },
  { id: 'planReport', module: 'plan', scope: 'unit', link: 'plan-reporte', view: lazyView(() => import('../plan/ReportView.js')) },
  { id: 'planChanges', module: 'plan', scope: 'unit', link: 'plan-modificaciones', view: lazyView(() => import('../plan/ChangesView.js')) },
  { id: 'team', module: 'directory', scope: 'unit', link: 'equipo', noQuarter: true, view: lazyView(() => import('../directory/TeamView.js')) },
  {
    id: 'dashboard',
    module: 'okr',
    scope: 'entity',
    who: entityWide,
    link: 'tablero',
    view: lazyView(() => import('../okr/EntityDashboard.js')),
    preload: (api, { quarter }) => void api.dashboard(quarter).catch(() => undefined),
  },
  { id: 'oap', module: 'actas', scope: 'entity', who: entityWide, link: 'actas-oap', opensActas: true, view: lazyView(() => import('../actas/OapActas.js')) },
  { id: 'proposals', module: 'proposals', scope: 'entity', who: proposals, link: 'propuestas', noQuarter: true, view: lazyView(() => import('../proposals/ProposalsView.js')) },
  { id: 'review', module: 'review', scope: 'entity', who: eti, link: 'revision', view: lazyView(() => import('../review/ReviewView.js')) },
  { id: 'quarterClose', module: 'review', scope: 'entity', who: entityWide, link: 'cierre', view: lazyView(() => import('../review/QuarterCloseView.js')) },
  { id: 'planReview', module: 'plan', scope: 'entity', who: entityWide, link: 'plan-revision', view: lazyView(() => import('../plan/ReviewDesk.js')) },
  { id: 'ranking', module: 'plan', scope: 'entity', who: entityWide, link: 'ranking', view: lazyView(() => import('../plan/RankingView.js')) },
  { id: 'directory', module: 'directory', scope: 'entity', who: entityWide, link: 'directorio', noQuarter: true, view: lazyView(() => import('../directory/DirectoryView.js')) },
  { id: 'pei', module: 'pei', scope: 'entity', link: 'pei', noQuarter: true, view: lazyView(() => import('../pei/PeiView.js')) },
  { id: 'validation', module: 'pei', scope: 'entity', link: 'validacion', noQuarter: true, view: lazyView(() => import('../pei/ValidationView.js')) },
] as const satisfies readonly ViewRow[];

export type View = (typeof VIEWS)[number];
export type ViewId = View['id'];

/**
 * The views a person sees, in the order of the table: the unit's tab list and the sections beside
 * «Mis OKR» (before we know who they are, those everyone sees).
 */
export function viewsFor(me: MeResponse | null): { unit: View[]; entity: View[] } {
  const mine = VIEWS.filter((v) => !('who' in v) || (me !== null && v.who(me)));
  return { unit: mine.filter((v) => v.scope === 'unit'), entity: mine.filter((v) => v.scope === 'entity') };
}

/**
 * What an address opens: the section its `?view=` names (null: «Mis OKR»), and the unit view —
 * the one `?view=` names, else, for an `?acta=` alone, the first that opens actas, else the first.
 */
/**
 * Starts downloading the code of the view the address names (`?view=`), with the page: its chunk
 * then comes beside `/api/me` instead of after it. Who may see it is checked when it is shown.
 */
export function warmLinkedView(link: { view?: string | null }): void {
  const named = VIEWS.find((v) => 'link' in v && v.link === link.view);
  if (named && 'warm' in named.view) (named.view as { warm: () => void }).warm();
}

export function openedBy(link: { view?: string | null; acta?: string | null }): { entity: ViewId | null; unit: ViewId } {
  const named = VIEWS.find((v) => 'link' in v && v.link === link.view);
  const units = VIEWS.filter((v) => v.scope === 'unit');
  const unit = named ? (named.scope === 'unit' ? named : units[0]!) : ((link.acta && units.find((v) => 'opensActas' in v)) || units[0]!);
  return { entity: named?.scope === 'entity' ? named.id : null, unit: unit.id };
}
