import { formatCompliance, formatNumber, indicatorKindLabels, peiMethodology, type PeiObjectiveView, type PeiReportView } from '@okr/core';
import { esc, publicPage } from '../http/publicShell.js';
import type { Dataset } from '../opendata/datasets.js';

/**
 * /publico/pei/: the PEI at a cut-off, for citizens — seed 002's pages with a chart: each
 * objective's compliance, then its indicators (programmed for the vigencia, at the cut-off, executed,
 * % and status). Only validated figures, each with its validation date; an analysis only when its
 * area marked it public; no names.
 */

const FOOTER = 'Cifras del plan estratégico institucional validadas por la Oficina Asesora de Planeación con las áreas que las producen (sesión trimestral de validación). Ley 1712 de 2014.';
const esDate = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
const pct = (v: number | null) => (v === null ? '—' : formatCompliance(v));
const num = (v: number | null) => (v === null ? '—' : formatNumber(v));

/** A horizontal bar per objective against the 100 % line, with its figure written beside it (a table follows for screen readers). */
function chart(objectives: readonly PeiObjectiveView[]): string {
  const rowH = 34;
  const left = 110;
  const width = 640;
  const max = Math.max(1.2, ...objectives.map((o) => o.compliance ?? 0));
  const x = (v: number) => left + (v / max) * (width - left - 90);
  const bars = objectives
    .map((o, i) => {
      const y = 10 + i * rowH;
      const v = o.compliance;
      const w = v === null ? 0 : Math.max(2, x(v) - left);
      const colour = v === null ? '#c8c8c8' : v < 1 - 1e-9 ? '#c0504d' : '#1f4e79';
      return `<text x="${left - 8}" y="${y + 17}" text-anchor="end" font-size="13">Objetivo ${o.number}</text><rect x="${left}" y="${y + 4}" width="${w}" height="18" fill="${colour}"/><text x="${left + w + 6}" y="${y + 18}" font-size="13" font-weight="600">${v === null ? 'Sin cifras validadas' : esc(pct(v))}</text>`;
    })
    .join('');
  const h = 20 + objectives.length * rowH;
  return `<figure><figcaption>Cumplimiento de los objetivos estratégicos al corte</figcaption><svg role="img" aria-labelledby="chart-desc" viewBox="0 0 ${width} ${h}" width="100%" style="max-width:${width}px"><desc id="chart-desc">${esc(objectives.map((o) => `Objetivo ${o.number}: ${o.compliance === null ? 'sin cifras validadas' : pct(o.compliance)}`).join('; '))}. La línea marca el 100 %.</desc>${bars}<line x1="${x(1)}" x2="${x(1)}" y1="4" y2="${h - 6}" stroke="#1b1b1b" stroke-dasharray="4 3"/><text x="${x(1)}" y="${h}" font-size="11" text-anchor="middle">100 %</text></svg></figure>`;
}

function objectiveTable(o: PeiObjectiveView, year: number): string {
  const rows = o.indicators
    .map((r) => {
      const validated = r.state === 'validated';
      const f = r.figures;
      const cls = f.status.code === 'rezago' ? ' class="behind"' : f.status.code === 'sobre_ejecucion' ? ' class="over"' : '';
      const status = validated ? `<span${cls}>${esc(f.status.text)}</span>${r.analysisPublic && r.analysis ? `<br><small>${esc(r.analysis)}</small>` : ''}<br><small>Validada el ${esDate(r.validatedAt!.slice(0, 10))}</small>` : f.status.code === 'sin_programacion_vigencia' || f.status.code === 'sin_programacion_corte' ? esc(f.status.text) : 'Pendiente de validación';
      return `<tr><th scope="row">${esc(r.indicator.name)}<br><small>${esc(r.indicator.reference)} · ${esc(indicatorKindLabels[r.indicator.kind])}</small></th><td class="n">${num(f.annual)}</td><td class="n">${validated ? num(f.programmedAtCutoff) : '—'}</td><td class="n">${validated ? num(f.executed) : '—'}</td><td class="n">${validated ? esc(pct(f.percent)) : '—'}</td><td>${status}</td></tr>`;
    })
    .join('');
  return `<h3 id="obj-${o.number}">Objetivo ${o.number} · ${o.compliance === null ? 'sin cifras validadas' : esc(pct(o.compliance))}</h3><p class="note">${esc(o.title)}</p>
<div class="scroll" tabindex="0" role="region" aria-label="Indicadores del objetivo ${o.number}"><table><caption>Indicadores del objetivo ${o.number}</caption><thead><tr><th scope="col">Indicador</th><th scope="col">Programación ${year}</th><th scope="col">Programación al corte</th><th scope="col">Magnitud ejecutada al corte</th><th scope="col">Porcentaje de avance al corte</th><th scope="col">Estado</th></tr></thead><tbody>${rows}</tbody></table></div>${o.notes.map((n) => `<p class="note">${esc(n)}</p>`).join('')}`;
}

export function peiPublicPage(report: PeiReportView): string {
  const r = report;
  const planOptions = r.plans.map((p) => `<option value="${esc(p.id)}"${p.id === r.plan.id ? ' selected' : ''}>${esc(`${p.name} · ${p.entity}`)}</option>`).join('');
  const cutoffOptions = r.cutoffs.map((c) => `<option value="${c}"${c === r.cutoff ? ' selected' : ''}>${esDate(c)}</option>`).join('');
  const body = `<form class="pick" method="get" action="/publico/pei/"><label>Plan<select name="plan">${planOptions}</select></label><label>Fecha de corte<select name="corte">${cutoffOptions}</select></label><button type="submit">Ver</button></form>
<p class="note"><strong>${esc(r.plan.entity)}</strong> · ${esc(r.plan.name)}. Seguimiento al corte ${esDate(r.cutoff)}. ${peiMethodology.map(esc).join(' ')}</p>
${chart(r.objectives)}
<div class="objectives">${r.objectives.map((o) => `<div class="objective"><div><a href="#obj-${o.number}">Objetivo ${o.number}</a></div><div class="figure">${o.compliance === null ? '—' : esc(pct(o.compliance))}</div><div class="note">${esc(o.title)}</div></div>`).join('')}</div>
${r.objectives.map((o) => objectiveTable(o, r.year)).join('')}
${r.changes.length ? `<h2>Control de cambios</h2><ul>${r.changes.map((c) => `<li><strong>${esc(c.version)}</strong>: ${esc(c.description)}</li>`).join('')}</ul>` : ''}
<h2>Misión y visión</h2><p class="note"><strong>Misión.</strong> ${esc(r.plan.mission)}</p><p class="note"><strong>Visión.</strong> ${esc(r.plan.vision)}</p>
<p class="note">Estos datos también están en <a href="/datos/">datos abiertos</a> (CSV, JSON y OData para Power BI).</p>`;
  return publicPage({ title: `Plan estratégico institucional · ${r.plan.entity}`, body, footer: FOOTER, section: 'pei' });
}

export function peiPublicNotFound(message: string): string {
  return publicPage({ title: 'Plan estratégico institucional', body: `<p>${esc(message)}</p><p><a href="/publico/pei/">Ver el plan estratégico publicado</a></p>`, footer: FOOTER, section: 'pei' });
}

/** /datos/: every dataset with its downloads, its metadata sheet and its OData entity set, and how to connect Power BI. */
export function dataIndexPage(datasets: readonly Dataset[]): string {
  const rows = datasets
    .map((d) => `<tr><th scope="row">${esc(d.title)}<br><small>${esc(d.description)}</small></th><td>${esc(d.frequency)}</td><td><a href="/datos/${d.slug}.csv">CSV</a> · <a href="/datos/${d.slug}.json">JSON</a> · <a href="/datos/${d.slug}.metadata.json">Metadatos</a> · <a href="/odata/${d.name}">OData</a></td></tr>`)
    .join('');
  const body = `<p class="note">Datos abiertos de la Secretaría Distrital de Gobierno: el plan estratégico institucional y sus indicadores al corte, los planes de gestión y sus reportes trimestrales, y los OKR de las dependencias — solo cifras validadas, con su fecha de validación, y sin datos personales. Cada conjunto tiene su ficha de metadatos (título, descripción, entidad, frecuencia, columnas con tipo y unidad, licencia y última actualización) según la guía de datos abiertos del MinTIC, para su publicación en datos.gov.co. Licencia CC BY-SA 4.0.</p>
<h2>Power BI</h2><p class="note">En Power BI Desktop: <em>Obtener datos → Fuente OData</em>, con la dirección <code>/odata/</code> de este sitio y acceso anónimo. El servicio pagina las respuestas y filtra con <code>eq</code> por las columnas marcadas como filtrables en cada ficha (por ejemplo, la vigencia).</p>
<div class="scroll" tabindex="0" role="region" aria-label="Conjuntos de datos"><table><caption>Conjuntos de datos</caption><thead><tr><th scope="col">Conjunto</th><th scope="col">Actualización</th><th scope="col">Descargas</th></tr></thead><tbody>${rows}</tbody></table></div>`;
  return publicPage({ title: 'Datos abiertos', body, footer: 'Datos abiertos publicados según la Ley 1712 de 2014 y la Resolución 1519 de 2020 del MinTIC.', section: 'datos' });
}
