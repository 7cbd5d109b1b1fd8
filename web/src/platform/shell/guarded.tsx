import type { RouteComponent } from '@tanstack/react-router';
import { useCan } from '../auth/session.ts';
import { NoAccessPage } from './NotFoundPage.tsx';

/** A page that needs a permission: without it, a plain "no access" page (the API refuses anyway). */
export function guarded(permission: string, Page: RouteComponent): RouteComponent {
  function Guarded() {
    const can = useCan();
    return can(permission) ? <Page /> : <NoAccessPage />;
  }
  // A page that loads on demand is fetched while the route loads (the router calls `preload`), not on render.
  if (Page.preload) Guarded.preload = () => Page.preload?.() ?? Promise.resolve();
  return Guarded as RouteComponent;
}
