import { sql } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../db/connect.ts';
import { pendingMigrations } from '../../db/migrate.ts';
import type { TypedApp } from '../http/typed.ts';

const readyView = z.object({
  ready: z.boolean(),
  database: z.enum(['pglite', 'postgres']),
  pendingMigrations: z.array(z.string()),
});

/** Liveness and readiness for load balancers and orchestrators. */
export function registerOperationsRoutes(app: TypedApp, database: Database) {
  app.get(
    '/api/health',
    {
      config: { access: 'public' },
      schema: {
        tags: ['operations'],
        summary: 'The process is alive',
        response: { 200: z.object({ status: z.literal('ok') }) },
      },
    },
    async () => ({ status: 'ok' as const }),
  );

  app.get(
    '/api/ready',
    {
      config: { access: 'public' },
      schema: {
        tags: ['operations'],
        summary: 'The database is reachable and every migration is applied',
        response: { 200: readyView, 503: readyView },
      },
    },
    async (_request, reply) => {
      let pending: string[] = ['?'];
      try {
        await sql`select 1`.execute(database.db);
        pending = await pendingMigrations(database.db);
      } catch {
        // unreachable database: reported as not ready below
      }
      const body = { ready: pending.length === 0, database: database.kind, pendingMigrations: pending };
      return reply.status(body.ready ? 200 : 503).send(body);
    },
  );
}
