// @vitest-environment jsdom
import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { createApiClient } from '../api/index.js';
import { byTestId, render } from '../testing/render.js';
import { DataAgeNotice } from './DataAgeNotice.js';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

/** The API client over a server whose answers say their data is `age` seconds old (none: no header). */
function apiAnswering(age: string | null) {
  return createApiClient({ kind: 'dev', personId: 'enlace-al-usaquen' }, async () =>
    new Response(JSON.stringify({ ok: true }), { status: 200, headers: { 'content-type': 'application/json', ...(age === null ? {} : { 'X-Data-Age': age }) } }),
  );
}

describe('the shell’s notice of how old the data is', () => {
  it('appears, politely, when an answer’s data is older than a minute, and goes once an answer is fresh', async () => {
    const view = await render(<DataAgeNotice />);
    cleanups.push(view.unmount);
    const region = byTestId(view.container, 'data-age');
    expect(region.getAttribute('role')).toBe('status');
    expect(region.getAttribute('aria-live')).toBe('polite');
    const answer = (age: string | null) => act(async () => void (await apiAnswering(age).me()));

    await answer('0');
    expect(region.textContent).toBe('');
    await answer('60'); // a minute: nothing to say yet
    expect(region.textContent).toBe('');
    await answer('61');
    expect(region.textContent).toBe('Los datos tienen 1 minuto: no se pudo actualizar desde SharePoint. Se pondrán al día en cuanto vuelva a responder.');
    await answer(null); // an answer that says nothing (not the API's) changes nothing
    expect(region.textContent).toContain('1 minuto');
    await answer('185');
    expect(region.textContent).toContain('Los datos tienen 3 minutos:');
    await answer('2');
    expect(region.textContent).toBe('');
  });
});
