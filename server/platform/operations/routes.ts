import { sql } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../db/connect.ts';
import { pendingMigrations } from '../../db/migrate.ts';
import { filesFolderState } from '../documents/verify.ts';
import type { TypedApp } from '../http/typed.ts';

const readyView = z.object({
  ready: z.boolean(),
  database: z.enum(['pglite', 'postgres']),
  pendingMigrations: z.array(z.string()),
  /** The stored files folder: 'missing' or 'incomplete' while documents name files it does not hold. */
  files: z.enum(['ok', 'missing', 'unreadable', 'incomplete']),
});

/** Liveness and readiness for load balancers and orchestrators. */
export function registerOperationsRoutes(app: TypedApp, database: Database, filesDir: string) {
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
        summary:
          'The database is reachable, every migration is applied and the stored files folder is usable',
        response: { 200: readyView, 503: readyView },
      },
    },
    async (request, reply) => {
      let pending: string[] = ['?'];
      try {
        await sql`select 1`.execute(database.db);
        pending = await pendingMigrations(database.db);
      } catch {
        // unreachable database: reported as not ready below
      }
      const files = await filesFolderState(database.db, filesDir);
      if (files !== 'ok') request.log.warn({ filesDir, files }, 'the stored files folder is not usable');
      const body = {
        ready: pending.length === 0 && files === 'ok',
        database: database.kind,
        pendingMigrations: pending,
        files,
      };
      return reply.status(body.ready ? 200 : 503).send(body);
    },
  );
}
