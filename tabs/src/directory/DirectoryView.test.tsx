// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AssignmentView, DirectoryChangeResult, DirectoryView as Directory } from '@okr/core';
import type { DirectoryApi } from '../api/directory.js';
import { click, type, typeDate, waitFor } from '../testing/dom.js';
import { byTestId, render } from '../testing/render.js';
import DirectoryView from './DirectoryView.js';
import TeamView from './TeamView.js';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

const unit = (id: string, name: string, parentId: string | null, level: 'despacho' | 'subsecretaria' | 'alcaldia' = 'alcaldia') => ({ id, name, kind: level === 'alcaldia' ? ('alcaldia' as const) : ('central' as const), level, parentId, active: true, version: 1 });
const person = (id: string, name: string, jobTitle = '') => ({ id, name, email: `${id}@gobiernobogota.gov.co`, jobTitle, phone: '601 338 7000', active: true, linked: true });
const assignment = (personId: string, personName: string, role: AssignmentView['role'], unitId: string | null, from: string, to: string | null = null, current = to === null): AssignmentView => ({
  id: `${personId}|${role}|${unitId ?? '*'}|${from}`, personId, role, unitId, from, to, version: 1, personName, unitName: unitId === 'al-usaquen' ? 'Alcaldía Local de Usaquén' : unitId, current,
});

function directory(over: Partial<Directory> = {}): Directory {
  return {
    today: '2026-12-01',
    units: [unit('despacho', 'Despacho de la Secretaría Distrital de Gobierno', null, 'despacho'), unit('sgl', 'Subsecretaría de Gestión Local', 'despacho', 'subsecretaria'), unit('al-usaquen', 'Alcaldía Local de Usaquén', 'sgl'), unit('al-suba', 'Alcaldía Local de Suba', 'sgl')],
    people: [person('lider-al-usaquen', 'Viviana Fernanda Muñoz Calderón', 'Alcaldesa Local'), person('enlace-al-usaquen', 'Paola Castañeda Peña', 'Enlace OKR'), person('miembro-al-usaquen', 'Jairo Andrés Cortés Niño', 'Profesional'), person('eti-1', 'Sonia Pardo Lozano', 'Equipo ETI')],
    assignments: [
      assignment('lider-al-usaquen', 'Viviana Fernanda Muñoz Calderón', 'lider', 'al-usaquen', '2024-03-04'),
      assignment('enlace-al-usaquen', 'Paola Castañeda Peña', 'enlace', 'al-usaquen', '2025-02-03'),
      assignment('miembro-al-usaquen', 'Jairo Andrés Cortés Niño', 'miembro', 'al-usaquen', '2024-05-02', '2025-01-31'),
      assignment('eti-1', 'Sonia Pardo Lozano', 'eti', null, '2024-02-19'),
    ],
    warnings: [{ unitId: 'al-suba', unitName: 'Alcaldía Local de Suba', missing: ['enlace', 'lider'] }],
    objectives: [{ id: 'oe1', code: 'OE1', title: 'Fortalecer la gobernabilidad democrática local.', vigencia: 2026, active: true, version: 1 }],
    canEdit: true,
    canEditObjectives: false,
    ...over,
  };
}

describe('Directorio', () => {
  it('shows the hierarchy, a unit’s roles with desde/hasta and history, the warnings and the entity roles', async () => {
    const api = { directory: vi.fn(async () => directory()) } as unknown as DirectoryApi;
    const r = await render(<DirectoryView api={api} />);
    cleanups.push(r.unmount);
    const el = r.container;
    await waitFor(() => el.querySelector('[data-testid="directory-view"]'));
    expect(byTestId(el, 'directory-warnings').textContent).toContain('Alcaldía Local de Suba: sin enlace y sin líder');
    await click(byTestId(el, 'unit-al-usaquen'));
    const roles = byTestId(el, 'unit-roles');
    expect(roles.textContent).toContain('Enlace OKR');
    expect(roles.textContent).toContain('Paola Castañeda Peña');
    expect(roles.textContent).toContain('3 de febrero de 2025');
    expect(byTestId(el, 'unit-history').textContent).toContain('31 de enero de 2025');
    expect(byTestId(el, 'entity-roles').textContent).toContain('Sonia Pardo Lozano');
    // The hierarchy's filter narrows it, accents aside.
    await type(byTestId(el, 'directory-filter'), 'usaquen');
    expect(el.querySelector('[data-testid="unit-al-suba"]')).toBeNull();
  });

  it('is an ARIA tree: levels, groups, open branches, one tab stop, the chosen unit selected; a click chooses without closing, the chevron closes, a warning reopens', async () => {
    const api = { directory: vi.fn(async () => directory()) } as unknown as DirectoryApi;
    const r = await render(<DirectoryView api={api} />);
    cleanups.push(r.unmount);
    const el = r.container;
    const tree = await waitFor(() => el.querySelector('[role="tree"]'));
    expect(tree.getAttribute('aria-label')).toBe('Jerarquía de unidades');
    const item = (id: string) => byTestId(el, `unit-${id}`);
    expect(['despacho', 'sgl', 'al-usaquen', 'al-suba'].map((id) => [item(id).getAttribute('role'), item(id).getAttribute('aria-level'), item(id).getAttribute('aria-expanded')])).toEqual([
      ['treeitem', '1', 'true'],
      ['treeitem', '2', 'true'],
      ['treeitem', '3', null],
      ['treeitem', '3', null],
    ]);
    expect(item('al-usaquen').closest('[role="group"]')).toBe(item('sgl').querySelector('[role="group"]'));
    expect([...el.querySelectorAll('[role="treeitem"]')].filter((t) => t.getAttribute('tabindex') === '0')).toHaveLength(1);
    await click(item('sgl').firstElementChild as HTMLElement);
    expect(byTestId(el, 'directory-unit').textContent).toContain('Subsecretaría de Gestión Local');
    expect([item('sgl').getAttribute('aria-selected'), item('sgl').getAttribute('aria-expanded'), item('despacho').getAttribute('aria-selected')]).toEqual(['true', 'true', 'false']);
    // The chevron closes it; the warning's link to a unit inside opens it again and chooses that unit.
    await click(item('sgl').querySelector<HTMLElement>('.fui-TreeItemLayout__expandIcon')!);
    expect(item('sgl').getAttribute('aria-expanded')).toBe('false');
    expect(el.querySelector('[data-testid="unit-al-suba"]')).toBeNull();
    await click([...byTestId(el, 'directory-warnings').querySelectorAll('button')].find((b) => b.textContent === 'Alcaldía Local de Suba')!);
    expect(item('sgl').getAttribute('aria-expanded')).toBe('true');
    expect(item('al-suba').getAttribute('aria-selected')).toBe('true');
  });

  it('replaces an enlace: picks the new person by typing, sends the date and the version, and says the welcome went out', async () => {
    const replaced = directory();
    const result: DirectoryChangeResult = { view: replaced, ended: [], welcomed: true };
    const replaceAssignment = vi.fn(async () => result);
    const api = { directory: vi.fn(async () => directory()), replaceAssignment } as unknown as DirectoryApi;
    const r = await render(<DirectoryView api={api} />);
    cleanups.push(r.unmount);
    await click(await waitFor(() => r.container.querySelector('[data-testid="unit-al-usaquen"]')));
    await click(byTestId(r.container, 'replace-enlace-enlace-al-usaquen'));
    const input = await waitFor(() => document.querySelector<HTMLInputElement>('[data-testid="directory-person"]'));
    await click(input);
    await type(input, 'jairo');
    await click(await waitFor(() => [...document.querySelectorAll<HTMLElement>('[role="option"]')].find((o) => o.textContent?.includes('Jairo Andrés Cortés Niño'))));
    await typeDate(byTestId(document.body, 'directory-date'), '7/12/2026');
    await click(byTestId(document.body, 'directory-save'));
    expect(replaceAssignment).toHaveBeenCalledWith('enlace-al-usaquen|enlace|al-usaquen|2025-02-03', { person: { personId: 'miembro-al-usaquen' }, date: '2026-12-07', version: 1 });
    expect((await waitFor(() => r.container.querySelector('[data-testid="directory-notice"]'))).textContent).toContain('Jairo Andrés Cortés Niño recibió en Teams la tarjeta de bienvenida');
  });

  it('is read-only for who does not keep it', async () => {
    const api = { directory: vi.fn(async () => directory({ canEdit: false, warnings: [] })) } as unknown as DirectoryApi;
    const r = await render(<DirectoryView api={api} />);
    cleanups.push(r.unmount);
    await click(await waitFor(() => r.container.querySelector('[data-testid="unit-al-usaquen"]')));
    expect(r.container.querySelector('[data-testid="directory-import"]')).toBeNull();
    expect(r.container.querySelector('[data-testid^="replace-"]')).toBeNull();
  });

  it('«Equipo» shows the chosen unit’s people since when, and who held a role before', async () => {
    const api = { directory: vi.fn(async () => directory({ canEdit: false })) } as unknown as DirectoryApi;
    const r = await render(<TeamView api={api} unitId="al-usaquen" unitName="Alcaldía Local de Usaquén" />);
    cleanups.push(r.unmount);
    const roles = await waitFor(() => r.container.querySelector('[data-testid="team-roles"]'));
    expect(roles.textContent).toContain('Viviana Fernanda Muñoz Calderón');
    expect(byTestId(r.container, 'team-history').textContent).toContain('Jairo Andrés Cortés Niño');
  });
});
