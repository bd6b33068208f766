// @vitest-environment jsdom
import { act } from 'react';
import { describe, expect, it } from 'vitest';
import { render } from '../testing/render.js';
import { useGridKeys } from './useGridKeys.js';

function Grid() {
  const grid = useGridKeys();
  return (
    <table {...grid}>
      <thead>
        <tr><th>Unidad</th><th>Avance</th></tr>
      </thead>
      <tbody>
        {['usaquen', 'suba'].map((u) => (
          <tr key={u}>
            <td><button data-testid={`open-${u}`}>{u}</button></td>
            <td tabIndex={0} data-testid={`cell-${u}`}>50 %</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const key = (k: string) => act(async () => void document.activeElement!.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true, cancelable: true })));
const active = () => document.activeElement?.getAttribute('data-testid');

describe('useGridKeys', () => {
  it('is one tab stop that remembers where it was, and moves by row and column with the arrows', async () => {
    const { container, unmount } = await render(<Grid />);
    const stops = () => [...container.querySelectorAll<HTMLElement>('button, td[tabindex]')].map((el) => el.tabIndex);
    expect(stops()).toEqual([0, -1, -1, -1]);
    container.querySelector<HTMLElement>('[data-testid="open-usaquen"]')!.focus();
    await key('ArrowDown');
    expect(active()).toBe('open-suba');
    await key('ArrowRight');
    expect(active()).toBe('cell-suba');
    await key('ArrowUp');
    expect(active()).toBe('cell-usaquen');
    await key('Home');
    expect(active()).toBe('open-usaquen');
    await key('End');
    expect(active()).toBe('cell-usaquen');
    expect(stops()).toEqual([-1, 0, -1, -1]);
    expect(container.querySelectorAll('[aria-hidden="true"][tabindex]')).toHaveLength(0);
    await unmount();
  });
});
