/** Numbers as people in Colombia read them: "1.234,5", "144,52 %". */
const formats = new Map<number, Intl.NumberFormat>();

export function formatNumber(value: number, decimals = 2): string {
  let f = formats.get(decimals);
  if (!f) formats.set(decimals, (f = new Intl.NumberFormat('es-CO', { maximumFractionDigits: decimals, minimumFractionDigits: 0 })));
  return f.format(value);
}

/** A compliance (1 = 100 %) with two decimals, as the OAP's reports print it; «—» when there is none. */
export function formatCompliance(value: number | null): string {
  if (value === null) return '—';
  return `${new Intl.NumberFormat('es-CO', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(value * 100)} %`;
}
