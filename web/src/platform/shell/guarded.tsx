import type { RouteComponent } from '@tanstack/react-router';
import type { ComponentType } from 'react';
import { useCan } from '../auth/session.ts';
import { NoAccessPage } from './NotFoundPage.tsx';

/** A page that needs a permission: without it, a plain "no access" page (the API refuses anyway). */
export function guarded(permission: string, Page: ComponentType): RouteComponent {
  return function Guarded() {
    const can = useCan();
    return can(permission) ? <Page /> : <NoAccessPage />;
  };
}
