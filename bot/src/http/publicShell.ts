/**
 * The frame of the pages served without sign-in (/publico/, /publico/pei/, /datos/): one style,
 * the entity's header, a navigation between the public sections, and a footer. Server-rendered HTML
 * with no script, readable by the entity's web site and by any browser.
 */

export const esc = (s: string): string => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const STYLE = `
body{font-family:"Segoe UI",Arial,sans-serif;margin:0;color:#1b1b1b;background:#f7f7f8;line-height:1.45}
header{background:#1f4e79;color:#fff;padding:1.2rem 1.5rem}header h1{margin:0;font-size:1.5rem}header p{margin:.25rem 0 0}
nav.sections{background:#163a5c;padding:.4rem 1.5rem}nav.sections a{color:#fff;margin-right:1.5rem;text-decoration:none;padding:.2rem 0;display:inline-block}nav.sections a[aria-current=page]{border-bottom:3px solid #ffbf47;font-weight:600}
main{max-width:1200px;margin:0 auto;padding:1rem 1.5rem 3rem}a{color:#0b5394}a:focus{outline:3px solid #ffbf47;outline-offset:2px}
nav.years a{margin-right:1rem}h2{font-size:1.25rem;margin:1.5rem 0 .5rem}h3{font-size:1.05rem;margin:1.2rem 0 .4rem}
div.scroll{overflow-x:auto;margin:.5rem 0 1rem}table{border-collapse:collapse;width:100%;background:#fff;margin:.5rem 0 1rem;font-size:.92rem}caption{text-align:left;font-weight:600;padding:.4rem 0}
th,td{border:1px solid #c8c8c8;padding:.35rem .5rem;vertical-align:top;text-align:left}th{background:#e8eef5}tbody th[scope=row]{min-width:16rem;font-weight:600;background:#f3f6fa}td.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
.note{color:#444;font-size:.9rem;max-width:80ch}.pill{display:inline-block;border-radius:.8rem;padding:0 .5rem;background:#e8eef5;font-size:.85rem}
.objectives{display:grid;grid-template-columns:repeat(auto-fill,minmax(16rem,1fr));gap:.8rem;margin:.8rem 0}.objective{background:#fff;border:1px solid #c8c8c8;border-radius:.4rem;padding:.8rem}.objective .figure{font-size:1.8rem;font-weight:700;color:#1f4e79}
.behind{color:#8a1c00}.over{color:#0b5e2a}figure{margin:1rem 0;background:#fff;border:1px solid #c8c8c8;border-radius:.4rem;padding:.8rem}figcaption{font-weight:600;margin-bottom:.4rem}
form.pick{display:flex;flex-wrap:wrap;gap:1rem;align-items:flex-end;margin:.5rem 0}form.pick label{display:flex;flex-direction:column;font-size:.9rem}form.pick select,form.pick button{font:inherit;padding:.3rem .5rem}
footer{color:#555;font-size:.85rem;padding:1rem 1.5rem;border-top:1px solid #ddd}`;

export type PublicSection = 'plan' | 'pei' | 'datos';
const SECTIONS: ReadonlyArray<[PublicSection, string, string]> = [
  ['plan', '/publico/', 'Planes de gestión'],
  ['pei', '/publico/pei/', 'Plan estratégico'],
  ['datos', '/datos/', 'Datos abiertos'],
];

export function publicPage(args: { title: string; body: string; footer: string; section: PublicSection }): string {
  const nav = SECTIONS.map(([id, href, label]) => `<a href="${href}"${id === args.section ? ' aria-current="page"' : ''}>${label}</a>`).join('');
  return `<!doctype html>
<html lang="es-CO"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${esc(args.title)}</title><style>${STYLE}</style></head>
<body><header><h1>${esc(args.title)}</h1><p>Secretaría Distrital de Gobierno de Bogotá · Oficina Asesora de Planeación</p></header>
<nav class="sections" aria-label="Información pública">${nav}</nav>
<main>${args.body}</main>
<footer>${esc(args.footer)}</footer></body></html>`;
}
