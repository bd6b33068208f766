import type { Config } from '../config.js';

/** What a link to the tab opens: a unit, and optionally a view (`plenarias`, `compromisos`, `actas-oap`, the plan de gestión's, `revision`, `cierre`), one acta, a unit's month under review, a quarter. */
export interface TabLinkTarget {
  view?: 'plenarias' | 'compromisos' | 'actas-oap' | 'plan' | 'plan-reporte' | 'plan-modificaciones' | 'plan-revision' | 'ranking' | 'revision' | 'cierre' | 'pei' | 'validacion' | 'propuestas';
  acta?: string;
  /** `?month=<YYYY-MM>`: with `view: 'revision'` and a unit, that unit's month opens in the review (in the month's quarter). */
  month?: string;
  /** `?quarter=` (the plan de gestión's report of a quarter, the quarter close). */
  quarter?: string;
}

/** Link to the OKR tab, optionally on one unit, a view, one acta or a quarter. */
export type TabLinks = (unitId?: string, target?: TabLinkTarget) => string;

/** Link to one unit's month in the tab's «Revisión mensual» (`?view=revision&unit=…&month=…`), the queue behind it. */
export const reviewMonthLink = (tabUrl: TabLinks, unitId: string, period: string): string => tabUrl(unitId, { view: 'revision', month: period });

/**
 * Links to the OKR tab: a Teams deep link in a real tenant (the tab reads `unit=…&view=…&acta=…&month=…&quarter=…`
 * from its `subEntityId`), the local page with the same query otherwise.
 */
export function tabLinks(config: Pick<Config, 'MicrosoftAppId' | 'TEAMS_APP_ID' | 'PUBLIC_URL'>): TabLinks {
  return (unitId?: string, target: TabLinkTarget = {}): string => {
    const query = new URLSearchParams();
    if (unitId) query.set('unit', unitId);
    if (target.view) query.set('view', target.view);
    if (target.acta) query.set('acta', target.acta);
    if (target.month) query.set('month', target.month);
    if (target.quarter) query.set('quarter', target.quarter);
    const q = query.toString();
    if (config.MicrosoftAppId) {
      const context = encodeURIComponent(JSON.stringify(q ? { subEntityId: q } : {}));
      return `https://teams.microsoft.com/l/entity/${config.TEAMS_APP_ID}/misokr?context=${context}`;
    }
    return `${config.PUBLIC_URL}/${q ? `?${q}` : ''}`;
  };
}
