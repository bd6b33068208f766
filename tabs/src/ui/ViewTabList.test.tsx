// @vitest-environment jsdom
import { Tab } from '@fluentui/react-components';
import { act, useState } from 'react';
import { describe, expect, it } from 'vitest';
import { byTestId, render } from '../testing/render.js';
import { ViewTabList } from './ViewTabList.js';

// jsdom has NodeFilter on its window only; tabster's mutation observer looks for it globally.
(globalThis as { NodeFilter?: unknown }).NodeFilter ??= window.NodeFilter;

function Views() {
  const [view, setView] = useState('arbol');
  return (
    <>
      <ViewTabList selectedValue={view} onTabSelect={(_, d) => setView(String(d.value))} aria-label="Vistas">
        <Tab value="arbol" data-testid="t-arbol">Árbol</Tab>
        <Tab value="plenarias" data-testid="t-plenarias">Plenarias</Tab>
        <Tab value="equipo" data-testid="t-equipo">Equipo</Tab>
      </ViewTabList>
      <p data-testid="shown">{view}</p>
    </>
  );
}

const key = (el: Element, k: string) => act(async () => void el.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true, cancelable: true })));

describe('ViewTabList', () => {
  it('is one tab stop, moves with the arrows (wrapping, Home, End), selects with Enter, and has no hidden focusable sentinels', async () => {
    const { container, unmount } = await render(<Views />);
    const [arbol, plenarias, equipo] = ['arbol', 'plenarias', 'equipo'].map((v) => byTestId(container, `t-${v}`));
    expect(container.querySelector('[role="tablist"]')!.getAttribute('aria-label')).toBe('Vistas');
    expect([arbol, plenarias, equipo].map((t) => t!.tabIndex)).toEqual([0, -1, -1]);
    expect(container.querySelectorAll('[aria-hidden="true"][tabindex]')).toHaveLength(0);

    arbol!.focus();
    await key(arbol!, 'ArrowRight');
    expect(document.activeElement).toBe(plenarias);
    await key(plenarias!, 'ArrowRight');
    await key(equipo!, 'ArrowRight');
    expect(document.activeElement).toBe(arbol);
    await key(arbol!, 'ArrowLeft');
    expect(document.activeElement).toBe(equipo);
    await key(equipo!, 'Home');
    expect(document.activeElement).toBe(arbol);
    await key(arbol!, 'End');
    expect(document.activeElement).toBe(equipo);
    // Moving does not select; clicking (what Enter and Space do on a button) does, and the tab stop follows.
    expect(byTestId(container, 'shown').textContent).toBe('arbol');
    await act(async () => equipo!.click());
    expect(byTestId(container, 'shown').textContent).toBe('equipo');
    expect([arbol, plenarias, equipo].map((t) => t!.tabIndex)).toEqual([-1, -1, 0]);
    await unmount();
  });
});
