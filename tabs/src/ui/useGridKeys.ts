import { useLayoutEffect, useRef, type FocusEvent, type KeyboardEvent } from 'react';

/** What can take focus inside a body row: its buttons and links, and the cells made focusable. */
const ITEMS = 'button:not([disabled]), a[href], td[tabindex], th[tabindex]';

function grid(table: HTMLTableElement | null): HTMLElement[][] {
  if (!table) return [];
  return [...table.querySelectorAll('tbody tr')].map((row) => [...row.querySelectorAll<HTMLElement>(ITEMS)]).filter((items) => items.length > 0);
}

/**
 * Arrow keys through a table's rows and cells, with one tab stop — what tabster's grid
 * arrow-navigation group did, without its focus sentinels (`<i tabindex="0" aria-hidden>`, which fail
 * axe's and Lighthouse's `aria-hidden-focus`). ↑ ↓ go to the same column of the row above or below,
 * ← → along the row, Home and End to the row's ends; Tab leaves the table and comes back to the
 * last place it left. Spread the result on the `<table>` (Fluent's `Table`).
 */
export function useGridKeys() {
  const table = useRef<HTMLTableElement | null>(null);
  const current = useRef<HTMLElement | null>(null);

  // One tab stop: the last focused item while it is still shown, else the first.
  useLayoutEffect(() => {
    const items = grid(table.current).flat();
    const stop = current.current && items.includes(current.current) ? current.current : items[0];
    for (const item of items) item.tabIndex = item === stop ? 0 : -1;
  });

  const onFocus = (event: FocusEvent<HTMLTableElement>) => {
    const items = grid(table.current).flat();
    const target = event.target as HTMLElement;
    if (!items.includes(target)) return;
    current.current = target;
    for (const item of items) item.tabIndex = item === target ? 0 : -1;
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTableElement>) => {
    const rows = grid(table.current);
    const r = rows.findIndex((items) => items.includes(document.activeElement as HTMLElement));
    if (r < 0) return;
    const c = rows[r]!.indexOf(document.activeElement as HTMLElement);
    const at = (row: number, col: number) => rows[row]?.[Math.min(col, rows[row]!.length - 1)];
    const next =
      event.key === 'ArrowDown' ? at(r + 1, c) : event.key === 'ArrowUp' ? at(r - 1, c) : event.key === 'ArrowRight' ? rows[r]![c + 1] : event.key === 'ArrowLeft' ? rows[r]![c - 1] : event.key === 'Home' ? rows[r]![0] : event.key === 'End' ? rows[r]!.at(-1) : undefined;
    if (!next) return;
    event.preventDefault();
    next.focus();
  };

  return { ref: table, onFocus, onKeyDown };
}
