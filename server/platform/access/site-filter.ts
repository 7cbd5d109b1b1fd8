import type { FastifyInstance } from 'fastify';
import type { Db } from '../../db/types.ts';
import { AppError } from '../http/errors.ts';
import type { RouteAccess } from '../http/route-config.ts';
import { type Actor, scopeHas, sitesWith, visibleSites } from './actor.ts';
import { isPermission, type Permission } from './policy.ts';

const SITE_NOT_FOUND = 'The site does not exist or is outside your scope.';

/**
 * A list, an export or a figure asked for one site (`?siteId=`) answers as a record of that site would: a
 * site outside every scope of the actor (or one that does not exist) is 404, never an empty answer that reads
 * as "nothing here"; a site in scope where the route's permission is not held is 403.
 */
export async function assertSiteFilter(
  db: Db,
  actor: Actor,
  routeAccess: RouteAccess | undefined,
  siteId: string,
): Promise<void> {
  const notFound = () =>
    new AppError(404, 'not-found', 'Not found', SITE_NOT_FOUND, {
      errors: [{ path: 'querystring.siteId', message: SITE_NOT_FOUND }],
    });
  const visible = visibleSites(actor);
  if (!scopeHas(visible, siteId)) throw notFound();
  if (visible === 'all') {
    const site = await db.selectFrom('sites').select('id').where('id', '=', siteId).executeTakeFirst();
    if (!site) throw notFound();
  }
  if (routeAccess && isPermission(routeAccess)) {
    const permission = routeAccess as Permission;
    if (!scopeHas(sitesWith(actor, permission), siteId))
      throw new AppError(
        403,
        'forbidden',
        'Forbidden',
        `You do not have the permission "${permission}" at this site.`,
        {
          permission,
          errors: [{ path: 'querystring.siteId', message: `No "${permission}" at this site.` }],
        },
      );
  }
}

/** Checks the `siteId` filter of every signed-in API request, once its query has been validated. */
export function registerSiteFilterCheck(app: FastifyInstance, db: Db): void {
  app.addHook('preHandler', async (request) => {
    const actor = request.actor;
    if (!actor || !request.url.startsWith('/api/')) return;
    const siteId = (request.query as { siteId?: unknown } | undefined)?.siteId;
    if (typeof siteId !== 'string') return;
    await assertSiteFilter(db, actor, request.routeOptions.config?.access, siteId);
  });
}
