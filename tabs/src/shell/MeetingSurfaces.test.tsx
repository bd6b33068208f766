// @vitest-environment jsdom
import { act } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { MeResponse, Unit } from '@okr/core';
import type { ApiClient } from '../api/index.js';
import type { Host, TabConfigHost } from './host.js';
import { fixtureTree, FIXTURE_UNIT } from '../testing/fixtureTree.js';
import { byTestId, render } from '../testing/render.js';
import { StageSlides, nextStep } from './StageView.js';
import type { StageSession } from './liveShareStage.js';
import { stageSessionOpener } from './useStageSession.js';
import MeetingSidePanel from './MeetingSidePanel.js';
import ConfigPage, { shortUnitName, tabConfigFor } from './ConfigPage.js';
import { surfaceOf } from './App.js';
import { actaView, plenariasResponse, summary } from '../testing/fixtureActas.js';

// Fluent's MessageBar measures itself; jsdom has no ResizeObserver.
(globalThis as { ResizeObserver?: unknown }).ResizeObserver ??= class {
  observe() {}
  unobserve() {}
  disconnect() {}
};

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

async function waitFor<T>(find: () => T | null | undefined): Promise<T> {
  for (let i = 0; i < 150; i++) {
    const found = find();
    if (found) return found;
    await act(async () => {
      await new Promise((r) => setTimeout(r, 20));
    });
  }
  throw new Error('timed out waiting');
}

const unit = FIXTURE_UNIT as unknown as Unit;
const me = (over: Partial<MeResponse> = {}): MeResponse => ({
  person: { id: 'lider-al-usaquen', aadObjectId: 'x', name: 'Líder', email: 'l@x', jobTitle: 'Alcalde local' },
  roles: [{ personId: 'lider-al-usaquen', role: 'lider', unitId: unit.id }],
  units: [unit, { id: 'dgth', name: 'Dirección de Gestión del Talento Humano', kind: 'central', level: 'direccion', parentId: null }],
  currentQuarter: '2026-Q4',
  currentPeriod: '2026-11',
  devIdentity: true,
  ...over,
});
const browserHost = (over: Partial<Host> = {}): Host => ({
  mode: 'browser',
  theme: 'default',
  subPageId: null,
  onThemeChange: () => {},
  getAuthToken: null,
  frame: 'sidePanel',
  shareToStage: null,
  openLink: null,
  appId: null,
  config: null,
  selectPeople: null,
  ...over,
});

describe('stage view', () => {
  it('moves step by step with the keys and stays within the steps', () => {
    expect(nextStep(0, 4, 'ArrowRight')).toBe(1);
    expect(nextStep(3, 4, 'ArrowRight')).toBe(3);
    expect(nextStep(0, 4, 'ArrowLeft')).toBe(0);
    expect(nextStep(2, 4, 'PageUp')).toBe(1);
    expect(nextStep(1, 4, 'End')).toBe(3);
    expect(nextStep(3, 4, 'Home')).toBe(0);
    expect(nextStep(2, 4, 'a')).toBe(2);
  });

  it('shows the overview, then each tactical objective with its key results, following the arrow keys', async () => {
    const r = await render(<StageSlides tree={fixtureTree()} />);
    cleanups.push(r.unmount);
    const el = r.container;
    expect(byTestId(el, 'stage-step').textContent).toBe('Paso 1 de 4 · Panorama del trimestre');
    expect(byTestId(el, 'stage-step-0').textContent).toContain('Acercar la gestión de la alcaldía local');
    expect(byTestId(el, 'stage-step').getAttribute('aria-live')).toBe('polite');
    await act(async () => window.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight' })));
    expect(byTestId(el, 'stage-step').textContent).toBe('Paso 2 de 4 · Objetivo táctico 1');
    expect(el.querySelectorAll('[data-testid^="stage-kr-"]')).toHaveLength(3);
    expect(byTestId(el, 'stage-step-1').textContent).toContain('Reducir el tiempo promedio de respuesta a PQRS');
    await act(async () => byTestId(el, 'stage-next').click());
    await act(async () => byTestId(el, 'stage-next').click());
    expect(byTestId(el, 'stage-step').textContent).toContain('Paso 4 de 4');
    expect((byTestId(el, 'stage-next') as HTMLButtonElement).disabled).toBe(true);
    await act(async () => window.dispatchEvent(new KeyboardEvent('keydown', { key: 'Home' })));
    expect(byTestId(el, 'stage-step').textContent).toContain('Paso 1 de 4');
  });
});

/** A Live Share session as the stage sees it, moved by the test: what a presenter publishes, and the presentation's steps as they arrive. */
function fakeSession(role: 'presenter' | 'attendee', presented: number | null = null) {
  const listeners: Array<(step: number) => void> = [];
  const published: number[] = [];
  let closed = false;
  const session: StageSession = {
    role,
    presented,
    publish: async (step) => {
      published.push(step);
      listeners.forEach((l) => l(step)); // Live Share tells the sender too
    },
    onPresented: (l) => void listeners.push(l),
    onLost: () => {},
    close: () => void (closed = true),
  };
  return {
    open: vi.fn(async () => session),
    published,
    present: (step: number) => act(async () => listeners.forEach((l) => l(step))),
    get closed() {
      return closed;
    },
  };
}

describe('stage view in a meeting (Live Share)', () => {
  const sync = (el: HTMLElement) => byTestId(el, 'stage-sync');
  const press = (key: string) => act(async () => window.dispatchEvent(new KeyboardEvent('keydown', { key })));

  it('outside a meeting moves alone and says it is not synchronized', async () => {
    const r = await render(<StageSlides tree={fixtureTree()} />);
    cleanups.push(r.unmount);
    expect(sync(r.container).textContent).toBe('Sin sincronizar con la reunión: esta pantalla avanza por su cuenta.');
    expect(sync(r.container).getAttribute('role')).toBe('status');
  });

  it('a presenter’s steps go to everyone, for this unit and quarter', async () => {
    const session = fakeSession('presenter');
    const r = await render(<StageSlides tree={fixtureTree()} openSession={session.open} />);
    cleanups.push(r.unmount);
    await waitFor(() => r.container.querySelector('[data-status="presenting"]'));
    expect(session.open).toHaveBeenCalledWith('al-usaquen|2026-Q4');
    expect(sync(r.container).textContent).toBe('Presentas: quienes están en la reunión ven los pasos que das.');
    await press('ArrowRight');
    await act(async () => byTestId(r.container, 'stage-next').click());
    expect(session.published).toEqual([1, 2]);
    expect(byTestId(r.container, 'stage-step').textContent).toBe('Paso 3 de 4 · Objetivo táctico 2');
    r.unmount();
    cleanups.pop();
    expect(session.closed).toBe(true);
  });

  it('an attendee follows, browses alone (publishing nothing) and comes back with «Volver a la presentación»', async () => {
    const session = fakeSession('attendee', 1);
    const r = await render(<StageSlides tree={fixtureTree()} openSession={session.open} />);
    cleanups.push(r.unmount);
    await waitFor(() => r.container.querySelector('[data-status="following"]'));
    expect(byTestId(r.container, 'stage-step').textContent).toBe('Paso 2 de 4 · Objetivo táctico 1');
    await session.present(2);
    expect(byTestId(r.container, 'stage-step').textContent).toBe('Paso 3 de 4 · Objetivo táctico 2');

    await press('End');
    expect(session.published).toEqual([]);
    expect(byTestId(r.container, 'stage-step').textContent).toBe('Paso 4 de 4 · Objetivo táctico 3');
    expect(sync(r.container).textContent).toContain('Estás viendo por tu cuenta. La presentación va en el paso 3 de 4.');
    await session.present(0);
    expect(byTestId(r.container, 'stage-step').textContent).toContain('Paso 4 de 4');
    expect(sync(r.container).textContent).toContain('La presentación va en el paso 1 de 4.');

    const back = byTestId(r.container, 'stage-back');
    expect(back.textContent).toBe('Volver a la presentación');
    await act(async () => back.click());
    expect(byTestId(r.container, 'stage-step').textContent).toBe('Paso 1 de 4 · Panorama del trimestre');
    expect(sync(r.container).textContent).toBe('Sigues la presentación.');
    expect(r.container.querySelector('[data-testid="stage-back"]')).toBeNull();
  });

  it('moves alone, from where it was, when the session cannot be joined', async () => {
    const open = vi.fn(async () => {
      throw new Error('no Fluid server');
    });
    const r = await render(<StageSlides tree={fixtureTree()} openSession={open} />);
    cleanups.push(r.unmount);
    await waitFor(() => r.container.querySelector('[data-status="alone"]'));
    await press('ArrowRight');
    expect(byTestId(r.container, 'stage-step').textContent).toContain('Paso 2 de 4');
  });

  it('joins the meeting’s session only on a Teams meeting stage; in a browser asks the development server, as an attendee with ?meetingRole=attendee', async () => {
    expect(stageSessionOpener({ mode: 'teams', frame: 'content' }, '')).toBeNull();
    expect(stageSessionOpener({ mode: 'teams', frame: 'meetingStage' }, '')).toBeTypeOf('function');
    const fetchSpy = vi.spyOn(globalThis, 'fetch').mockResolvedValue(new Response('{"code":"not_found"}', { status: 404 }));
    try {
      await expect(stageSessionOpener({ mode: 'browser', frame: 'meetingStage' }, '?meetingRole=attendee')!('al-usaquen|2026-Q4')).rejects.toThrow(/no local Live Share server/);
      expect(fetchSpy).toHaveBeenCalledWith('/api/dev/live-share');
    } finally {
      fetchSpy.mockRestore();
    }
  });
});

describe('meeting side panel', () => {
  it('lists the unit’s objectives and shares the stage through Teams when it may', async () => {
    const shareToStage = vi.fn(async () => {});
    const api = { me: async () => me(), tree: async () => fixtureTree() } as unknown as ApiClient;
    const r = await render(<MeetingSidePanel api={api} host={browserHost({ mode: 'teams', shareToStage })} deepLink={{ unitId: unit.id, quarter: null }} onPreviewStage={() => {}} />);
    cleanups.push(r.unmount);
    const share = await waitFor(() => r.container.querySelector<HTMLButtonElement>('[data-testid="share-to-stage"]'));
    expect(share.textContent).toBe('Compartir en pantalla');
    expect(r.container.querySelectorAll('[data-testid^="panel-objective-"]')).toHaveLength(4);
    await act(async () => share.click());
    expect(shareToStage).toHaveBeenCalledWith(`${window.location.origin}/?unit=al-usaquen&quarter=2026-Q4`);
    expect(r.container.textContent).toContain('Los OKR están en la pantalla de la reunión.');
  });

  it('outside a meeting offers the stage preview instead, and the dashboard link only to entity-wide roles', async () => {
    const onPreviewStage = vi.fn();
    const api = { me: async () => me({ entityWide: true }), tree: async () => fixtureTree() } as unknown as ApiClient;
    const r = await render(<MeetingSidePanel api={api} host={browserHost()} deepLink={{ unitId: null, quarter: null }} onPreviewStage={onPreviewStage} />);
    cleanups.push(r.unmount);
    const preview = await waitFor(() => r.container.querySelector<HTMLButtonElement>('[data-testid="preview-stage"]'));
    expect(r.container.querySelector('[data-testid="share-to-stage"]')).toBeNull();
    expect(byTestId(r.container, 'panel-open-dashboard').getAttribute('href')).toBe('/?view=tablero&quarter=2026-Q4');
    await act(async () => preview.click());
    expect(onPreviewStage).toHaveBeenCalledWith('al-usaquen', '2026-Q4');
  });
});

describe('meeting side panel: the acta', () => {
  it('switches to the acta of the unit’s plenaria, in the compact editor', async () => {
    const plenarias = vi.fn(async () => plenariasResponse({ plenarias: [summary({}, { id: 'pl-suba', unitId: 'al-suba' }), summary()] }));
    const acta = vi.fn(async () => actaView());
    const api = { me: async () => me(), tree: async () => fixtureTree(), plenarias, acta } as unknown as ApiClient;
    const r = await render(<MeetingSidePanel api={api} host={browserHost()} deepLink={{ unitId: unit.id, quarter: null }} onPreviewStage={() => {}} />);
    cleanups.push(r.unmount);
    const tab = await waitFor(() => r.container.querySelector<HTMLButtonElement>('[data-testid="panel-view-acta"]'));
    await act(async () => tab.click());
    await waitFor(() => r.container.querySelector('[data-testid="acta-editor"]'));
    expect(plenarias).toHaveBeenCalledWith('2026-Q4', expect.any(AbortSignal));
    expect(acta).toHaveBeenCalledWith('pl-usaquen-q4', expect.any(AbortSignal));
    expect(r.container.querySelector('[data-testid="share-to-stage"], [data-testid="preview-stage"]')).toBeNull();
    expect(r.container.querySelector('[data-testid="acta-history"]')).toBeNull();
    expect((byTestId(r.container, 'acta-objective') as HTMLTextAreaElement).value).toBe('Revisar en equipo el avance de los OKR de Alcaldía Local de Usaquén en el trimestre.');
    await act(async () => byTestId(r.container, 'panel-view-okr').click());
    expect(r.container.querySelector('[data-testid="preview-stage"]')).not.toBeNull();
  });

  it('says so when the unit has no plenaria in the quarter', async () => {
    const api = { me: async () => me(), tree: async () => fixtureTree(), plenarias: async () => plenariasResponse({ plenarias: [] }) } as unknown as ApiClient;
    const r = await render(<MeetingSidePanel api={api} host={browserHost()} deepLink={{ unitId: unit.id, quarter: null }} onPreviewStage={() => {}} />);
    cleanups.push(r.unmount);
    await act(async () => (await waitFor(() => r.container.querySelector<HTMLButtonElement>('[data-testid="panel-view-acta"]'))).click());
    const empty = await waitFor(() => r.container.querySelector('[data-testid="panel-acta-empty"]'));
    expect(empty.textContent).toContain('Alcaldía Local de Usaquén no tiene plenarias programadas');
  });
});

describe('configuration page', () => {
  it('stores the chosen unit in the tab’s content address', () => {
    expect(tabConfigFor(unit, 'https://okr.gobiernobogota.gov.co')).toEqual({
      entityId: 'okr-al-usaquen',
      contentUrl: 'https://okr.gobiernobogota.gov.co/?unit=al-usaquen',
      websiteUrl: 'https://okr.gobiernobogota.gov.co/?unit=al-usaquen',
      suggestedDisplayName: 'OKR · Usaquén',
    });
    expect(shortUnitName({ ...unit, name: 'Dirección de Gestión del Talento Humano' })).toBe('Gestión del Talento Humano');
  });

  it('is valid only once a unit is chosen, and saves it through pages.config when Teams asks', async () => {
    let onSave: Parameters<TabConfigHost['onSave']>[0] | null = null;
    const config: TabConfigHost = { setValid: vi.fn(), onSave: (h) => void (onSave = h), setConfig: vi.fn(async () => {}) };
    const api = { me: async () => me() } as unknown as ApiClient;
    const r = await render(<ConfigPage api={api} config={config} origin="https://okr.example" />);
    cleanups.push(r.unmount);
    await waitFor(() => r.container.querySelector('[data-testid="config-unit"]'));
    expect(config.setValid).toHaveBeenLastCalledWith(false);
    const fail = vi.fn();
    onSave!({ succeed: vi.fn(), fail });
    expect(fail).toHaveBeenCalledWith('No pudimos guardar la configuración de la pestaña. Intenta de nuevo.');
    expect(r.container.textContent).not.toContain('Estás fuera de Microsoft Teams');
  });
});

describe('surfaces', () => {
  it('routes /config and the Teams frame contexts to their views', () => {
    expect(surfaceOf('/config', browserHost({ frame: 'content' }))).toBe('config');
    expect(surfaceOf('/', browserHost({ frame: 'settings' }))).toBe('config');
    expect(surfaceOf('/', browserHost({ frame: 'sidePanel' }))).toBe('sidePanel');
    expect(surfaceOf('/', browserHost({ frame: 'meetingStage' }))).toBe('stage');
    expect(surfaceOf('/', browserHost({ frame: 'content' }))).toBe('tab');
  });
});
