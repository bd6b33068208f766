// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { act, useState } from 'react';
import { ApiRequestError } from './api/http.js';
import { click, flush } from './testing/dom.js';
import { byTestId, render } from './testing/render.js';
import { useLoad, type Load, type LoadOptions } from './useLoad.js';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

/** A request the test answers when it wants, remembering what it was asked and its signal. */
function server() {
  const asked: Array<{ what: string; signal: AbortSignal; answer: (data: string) => void; fail: (error: unknown) => void }> = [];
  const request = (what: string) => (signal: AbortSignal) =>
    new Promise<string>((answer, fail) => {
      asked.push({ what, signal, answer, fail });
    });
  return { asked, request };
}

function shown(load: Load<string>): string {
  return load.state === 'ready' ? `ready:${load.data}` : load.state === 'error' ? `error:${load.status}:${load.message}` : 'loading';
}

/** A view that loads `what` (null: asks nothing), with buttons to change it and to retry. */
async function mount(request: (what: string) => (signal: AbortSignal) => Promise<string>, options: (what: string) => LoadOptions<string> = () => ({})) {
  let setWhat: (what: string | null) => void = () => {};
  function View() {
    const [what, setter] = useState<string | null>('2026-Q3');
    setWhat = setter;
    const load = useLoad(what === null ? null : request(what), [what], what === null ? {} : options(what));
    return (
      <>
        <output data-testid="shown">{shown(load)}</output>
        <button data-testid="retry" onClick={load.retry} />
        <button data-testid="set" onClick={() => load.set('saved')} />
      </>
    );
  }
  const r = await render(<View />);
  cleanups.push(r.unmount);
  return {
    text: () => byTestId(r.container, 'shown').textContent,
    change: (what: string | null) => act(async () => setWhat(what)),
    click: (id: string) => click(byTestId(r.container, id)),
    unmount: r.unmount,
  };
}

const answer = async (call: { answer: (data: string) => void } | undefined, data: string) => {
  await act(async () => call!.answer(data));
  await flush();
};

describe('useLoad', () => {
  it('shows the spinner, then the answer', async () => {
    const s = server();
    const view = await mount(s.request);
    expect(view.text()).toBe('loading');
    expect(s.asked.map((a) => a.what)).toEqual(['2026-Q3']);
    await answer(s.asked[0], 'tree of Q3');
    expect(view.text()).toBe('ready:tree of Q3');
  });

  it('aborts the request when what it asks for changes, and drops its late answer', async () => {
    const s = server();
    const view = await mount(s.request);
    await view.change('2026-Q4');
    expect(s.asked.map((a) => a.what)).toEqual(['2026-Q3', '2026-Q4']);
    expect(s.asked[0]!.signal.aborted).toBe(true);
    expect(s.asked[1]!.signal.aborted).toBe(false);
    await answer(s.asked[1], 'tree of Q4');
    await answer(s.asked[0], 'tree of Q3');
    expect(view.text()).toBe('ready:tree of Q4');
  });

  it('aborts the request when the view goes away', async () => {
    const s = server();
    const view = await mount(s.request);
    await view.unmount();
    cleanups.pop();
    expect(s.asked[0]!.signal.aborted).toBe(true);
  });

  it('shows the server’s Spanish message with its status, or the network’s, and asks again on retry', async () => {
    const s = server();
    const view = await mount(s.request);
    await act(async () => s.asked[0]!.fail(new ApiRequestError(403, 'forbidden', 'No tienes permiso para ver esta información.')));
    await flush();
    expect(view.text()).toBe('error:403:No tienes permiso para ver esta información.');
    await view.click('retry');
    expect(view.text()).toBe('loading');
    await act(async () => s.asked[1]!.fail(new TypeError('Failed to fetch')));
    await flush();
    expect(view.text()).toBe('error:0:No pudimos comunicarnos con el servidor. Revisa tu conexión e intenta de nuevo.');
    await view.click('retry');
    await answer(s.asked[2], 'tree of Q3');
    expect(view.text()).toBe('ready:tree of Q3');
    expect(s.asked).toHaveLength(3);
  });

  it('keeps the data on screen while it asks again for the same key, not for another', async () => {
    const s = server();
    const view = await mount(s.request, (what) => ({ key: what }));
    await answer(s.asked[0], 'plenarias of Q3');
    await view.click('retry');
    expect(s.asked).toHaveLength(2);
    expect(view.text()).toBe('ready:plenarias of Q3');
    await answer(s.asked[1], 'plenarias of Q3, again');
    expect(view.text()).toBe('ready:plenarias of Q3, again');
    await view.change('2026-Q4');
    expect(view.text()).toBe('loading');
  });

  it('keeps the data on screen while it asks again after a change, without a key (an open dialog stays open)', async () => {
    const s = server();
    const view = await mount(s.request);
    await answer(s.asked[0], 'directory');
    await view.click('retry');
    expect(s.asked).toHaveLength(2);
    expect(view.text()).toBe('ready:directory');
    await answer(s.asked[1], 'directory, imported');
    expect(view.text()).toBe('ready:directory, imported');
    await view.change('2026-Q4');
    expect(view.text()).toBe('loading');
  });

  it('asks nothing while there is no request, keeping what is shown', async () => {
    const s = server();
    const view = await mount(s.request);
    await answer(s.asked[0], 'tree of Q3');
    await view.change(null);
    expect(view.text()).toBe('ready:tree of Q3');
    expect(s.asked).toHaveLength(1);
    await view.change('2026-Q4');
    expect(view.text()).toBe('loading');
    expect(s.asked.map((a) => a.what)).toEqual(['2026-Q3', '2026-Q4']);
  });

  it('shows data set by the view, and hands each answer to onData', async () => {
    const s = server();
    const seen: string[] = [];
    const view = await mount(s.request, () => ({ onData: (data) => seen.push(data) }));
    await answer(s.asked[0], 'acta v1');
    expect(seen).toEqual(['acta v1']);
    await view.click('set');
    expect(view.text()).toBe('ready:saved');
    expect(seen).toEqual(['acta v1']);
  });
});
