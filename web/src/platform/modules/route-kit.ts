import { type AnyRoute, createRoute, type RouteComponent, redirect } from '@tanstack/react-router';
import type { NavItem } from '../shell/nav-types.ts';

/**
 * What a module's routes are built from, under the signed-in frame (`parent`): a page at a path, and the
 * program's entry in the navigation (`/programs/<key>`), which leads to the first page of its navigation that
 * the session may open (for someone who may only report, the report form), else home.
 */
export function moduleRoutes<P extends AnyRoute>(parent: P) {
  return {
    page: <Path extends string>(path: Path, component: RouteComponent) =>
      createRoute({ getParentRoute: () => parent, path, component }),
    programEntry: (program: string, navigation: readonly NavItem[]) =>
      createRoute({
        getParentRoute: () => parent,
        path: `/programs/${program}`,
        beforeLoad: ({ context }) => {
          const session = (context as { session?: { permissions: string[] } }).session;
          const first = navigation.find((i) => !i.permission || session?.permissions.includes(i.permission));
          throw redirect({ to: (first?.to ?? '/') as '/' });
        },
      }),
  };
}
