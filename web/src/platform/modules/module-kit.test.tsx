import { IconNote } from '@tabler/icons-react';
import { QueryClient } from '@tanstack/react-query';
import { createRoute } from '@tanstack/react-router';
import type { ParseKeys } from 'i18next';
import { describe, expect, it } from 'vitest';
import type { Program } from '#shared/platform/access/programs.ts';
import { webModules } from '../../modules/index.ts';
import { createAppRouter } from '../../router.tsx';
import { sourcePage } from '../services/sources.ts';
import { visibleNavigation } from '../shell/nav.ts';
import type { WebModule } from './manifest.ts';

/** A throwaway program with one page and one permission: it plugs in through its manifest alone. */
const notesModule: WebModule = {
  // A key no manifest declares into the Program type: the throwaway module stays out of the other files' types.
  key: 'notes' as Program,
  icon: IconNote,
  navigation: [
    { label: 'notes:nav.list' as ParseKeys, to: '/notes', icon: IconNote, permission: 'notes.read' },
  ],
  createRoutes: (parent) => [
    createRoute({ getParentRoute: () => parent, path: '/notes', component: () => null }),
  ],
  sourcePages: { notes_entry: (id) => `/notes/${id}` },
};

describe('the web app over a module list', () => {
  it('routes, lists in the navigation and links the records of a module passed in the list', () => {
    const router = createAppRouter(new QueryClient(), [...webModules, notesModule]);
    expect(Object.keys(router.routesByPath)).toContain('/notes');
    expect(Object.keys(router.routesByPath)).toContain('/ohs/incidents');

    const programs = visibleNavigation(['notes.read']).find((s) => s.label === 'nav.programs');
    const entry = programs?.items.find((i) => i.to === '/programs/notes');
    expect(entry?.children?.map((c) => c.to)).toEqual(['/notes']);
    const id = '0d9b5a4e-3c1f-4a8e-9f5e-2b7c6d1e0a11';
    expect(sourcePage('notes_entry', id)).toBe(`/notes/${id}`);
  });

  it('offers a page only to those who hold its permission', () => {
    createAppRouter(new QueryClient(), [...webModules, notesModule]);
    const programs = visibleNavigation([]).find((s) => s.label === 'nav.programs');
    // With every program built, a user without permissions may have no programs section at all.
    expect(programs?.items.map((i) => i.to) ?? []).not.toContain('/programs/notes');
  });

  it('knows nothing of a module left out of the list', () => {
    const router = createAppRouter(new QueryClient(), webModules);
    expect(Object.keys(router.routesByPath)).not.toContain('/notes');
    expect(sourcePage('notes_entry', '0d9b5a4e-3c1f-4a8e-9f5e-2b7c6d1e0a11')).toBeNull();
  });
});
