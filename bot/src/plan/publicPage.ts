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

const esc = (s: string): string => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const STYLE = `
body{font-family:"Segoe UI",Arial,sans-serif;margin:0;color:#1b1b1b;background:#f7f7f8;line-height:1.45}
header{background:#1f4e79;color:#fff;padding:1.2rem 1.5rem}header h1{margin:0;font-size:1.5rem}header p{margin:.25rem 0 0}
main{max-width:1200px;margin:0 auto;padding:1rem 1.5rem 3rem}a{color:#0b5394}a:focus{outline:3px solid #ffbf47;outline-offset:2px}
nav.years a{margin-right:1rem}h2{font-size:1.25rem;margin:1.5rem 0 .5rem}h3{font-size:1.05rem;margin:1.2rem 0 .4rem}
div.scroll{overflow-x:auto;margin:.5rem 0 1rem}table{border-collapse:collapse;width:100%;background:#fff;margin:.5rem 0 1rem;font-size:.92rem}caption{text-align:left;font-weight:600;padding:.4rem 0}
th,td{border:1px solid #c8c8c8;padding:.35rem .5rem;vertical-align:top;text-align:left}th{background:#e8eef5}tbody th[scope=row]{min-width:16rem;font-weight:600;background:#f3f6fa}td.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
.note{color:#444;font-size:.9rem;max-width:80ch}.pill{display:inline-block;border-radius:.8rem;padding:0 .5rem;background:#e8eef5;font-size:.85rem}
footer{color:#555;font-size:.85rem;padding:1rem 1.5rem;border-top:1px solid #ddd}`;

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="es-CO"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${esc(title)}</title><style>${STYLE}</style></head>
<body><header><h1>${esc(title)}</h1><p>Secretaría Distrital de Gobierno de Bogotá · Oficina Asesora de Planeación</p></header>
<main>${body}</main>
<footer>Información pública de los planes de gestión oficializados y de los reportes trimestrales revisados por la Oficina Asesora de Planeación (procedimiento PLE-PIN-P005). Ley 1712 de 2014.</footer></body></html>`;
}

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
