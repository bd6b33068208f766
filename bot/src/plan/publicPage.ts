import {
  QUARTERS,
  figuresOf,
  formatCompliance,
  formatNumber,
  programmingTypeLabels,
  quarterLabel,
  type InstitutionalObjective,
  type Meta,
  type MetaReport,
  type Unit,
} from '@okr/core';

/**
 * The public, read-only page of the plans de gestión (seed 001, activity 13 and policy 1) at
 * /publico/: no sign-in, only what is published — the plans made official (their published version)
 * and the quarters the OAP reviewed and closed — and no personal data (no names, no evidence links,
 * no analyses people typed). Rendered on the server as plain HTML, for the intranet and the web site.
 */

export interface PublishedPlan {
  unit: Unit;
  planVersion: number;
  holaCase: string | null;
  metas: Meta[];
  /** Reports of the quarters the OAP closed only. */
  reports: MetaReport[];
  closedQuarters: number[];
}

import { esc, publicPage } from '../http/publicShell.js';

const FOOTER = 'Información pública de los planes de gestión oficializados y de los reportes trimestrales revisados por la Oficina Asesora de Planeación (procedimiento PLE-PIN-P005). Ley 1712 de 2014.';
const page = (title: string, body: string) => publicPage({ title, body, footer: FOOTER, section: 'plan' });

export function publicIndex(year: number, years: number[], plans: readonly PublishedPlan[]): string {
  const nav = years.length > 1 ? `<nav class="years" aria-label="Vigencias">${years.map((y) => (y === year ? `<strong>${y}</strong>` : `<a href="/publico/${y}">${y}</a>`)).join(' ')}</nav>` : '';
  const group = (kind: Unit['kind'], title: string) => {
    const rows = plans.filter((p) => p.unit.kind === kind).sort((a, b) => a.unit.name.localeCompare(b.unit.name, 'es'));
    if (!rows.length) return '';
    return `<h2>${title}</h2><table><caption>${title}: planes de gestión ${year}</caption><thead><tr><th scope="col">Dependencia</th><th scope="col">Metas</th><th scope="col">Trimestres revisados</th><th scope="col">Versión publicada</th></tr></thead><tbody>${rows
      .map(
        (p) =>
          `<tr><td><a href="/publico/${year}/${encodeURIComponent(p.unit.id)}">${esc(p.unit.name)}</a></td><td class="n">${p.metas.filter((m) => !m.eliminated).length}</td><td>${p.closedQuarters.length ? p.closedQuarters.map((q) => `T${q}`).join(', ') : 'Ninguno aún'}</td><td class="n">${p.planVersion}</td></tr>`,
      )
      .join('')}</tbody></table>`;
  };
  const body = plans.length
    ? `${nav}<p class="note">Los planes de gestión despliegan los objetivos estratégicos de la Secretaría en metas e indicadores de cada proceso del nivel central y de cada alcaldía local. Aquí se publican los planes oficializados y su avance en los trimestres que la Oficina Asesora de Planeación ya revisó.</p>${group('central', 'Nivel central')}${group('alcaldia', 'Alcaldías locales')}`
    : `${nav}<p>Aún no hay planes de gestión publicados para ${year}.</p>`;
  return page(`Planes de gestión ${year}`, body);
}

export function publicPlan(year: number, plan: PublishedPlan, objectives: readonly InstitutionalObjective[]): string {
  const objective = (id: string) => objectives.find((o) => o.id === id);
  const metas = [...plan.metas].sort((a, b) => a.order - b.order);
  const rows = metas
    .map((m) => {
      const o = objective(m.strategicObjectiveId);
      const cells = QUARTERS.map((q) => {
        if (!plan.closedQuarters.includes(q)) return '<td class="n">—</td><td class="n">—</td>';
        const f = figuresOf(m, plan.reports, q);
        return `<td class="n">${f.executedQuarter === null ? '—' : esc(formatNumber(f.executedQuarter))}</td><td class="n">${esc(formatCompliance(f.cumulativeCompliance))}</td>`;
      }).join('');
      return `<tr><th scope="row">${m.order}. ${esc(m.statement)}${m.eliminated ? ' <span class="pill">Meta eliminada</span>' : ''}</th><td>${o ? esc(o.code) : ''}</td><td>${esc(m.indicator.name)}<br><small>${esc(m.indicator.formula)}</small></td><td>${esc(programmingTypeLabels[m.programmingType])}</td><td class="n">${esc(formatNumber(m.totalMagnitude))} ${esc(m.indicator.unit)}</td><td class="n">${esc(formatNumber(m.weight))} %</td>${cells}</tr>`;
    })
    .join('');
  const q = QUARTERS.map((n) => `<th scope="col">T${n} ejecución</th><th scope="col">T${n} % acumulado</th>`).join('');
  const body = `<p><a href="/publico/${year}">← Todos los planes de ${year}</a></p>
<p class="note">Versión ${plan.planVersion} del plan${plan.holaCase ? `, oficializada con el caso HOLA ${esc(plan.holaCase)}` : ''}. ${plan.closedQuarters.length ? `Avance revisado por la OAP: ${plan.closedQuarters.map((n) => esc(quarterLabel(`${year}-Q${n}` as `${number}-Q${1 | 2 | 3 | 4}`))).join(', ')}.` : 'La OAP aún no ha revisado ningún trimestre.'} El % acumulado se calcula según el tipo de programación de cada meta.</p>
<div class="scroll" tabindex="0" role="region" aria-label="Metas y avance trimestral"><table><caption>Metas y avance trimestral</caption><thead><tr><th scope="col">Meta</th><th scope="col">Objetivo estratégico</th><th scope="col">Indicador</th><th scope="col">Tipo de programación</th><th scope="col">Magnitud</th><th scope="col">Peso</th>${q}</tr></thead><tbody>${rows}</tbody></table></div>
<h2>Objetivos estratégicos</h2><ul>${[...new Set(metas.map((m) => m.strategicObjectiveId))].map((id) => objective(id)).filter((o): o is InstitutionalObjective => Boolean(o)).map((o) => `<li><strong>${esc(o.code)}</strong> ${esc(o.title)}</li>`).join('')}</ul>`;
  return page(`Plan de gestión ${year} · ${plan.unit.name}`, body);
}

export function publicNotFound(): string {
  return page('Plan de gestión no publicado', '<p>No encontramos un plan de gestión publicado con esa dirección.</p><p><a href="/publico/">Ver los planes publicados</a></p>');
}
