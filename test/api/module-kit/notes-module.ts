import { sql } from 'kysely';
import { z } from 'zod';
import type { Program } from '#shared/platform/access/programs.ts';
import type { Actor } from '../../../server/platform/access/actor.ts';
import { access } from '../../../server/platform/access/service.ts';
import { inScope } from '../../../server/platform/access/sql.ts';
import { NotFoundError } from '../../../server/platform/http/errors.ts';
import { actorOf } from '../../../server/platform/http/typed.ts';
import { defineModule } from '../../../server/platform/modules/manifest.ts';

/**
 * A throwaway program module, as small as a module can be: one table, one route, one permission, one job
 * and one home-page attention source. It proves that a program plugs in through its manifest alone.
 */
export const notesModule = defineModule({
  // A key no manifest declares into the Program type: the throwaway module stays out of the other files' types.
  key: 'notes' as Program,
  permissions: { 'notes.read': [{ role: 'site_officer' }, { role: 'group_admin' }] },
  migrations: {
    '9000_notes': {
      async up(db) {
        await sql`create table notes_entries (
          id uuid primary key default gen_random_uuid(),
          site_id uuid not null references sites (id),
          body text not null
        )`.execute(db);
      },
    },
  },
  // Its part of the demo: a note at each demo site.
  demo: async () => ({
    generate: (group) => {
      const rows = group.sites.map((s) => ({ site_id: s.id, body: `Demo note at ${s.code}` }));
      return {
        tables: [{ table: 'notes_entries', rows }],
        counts: { notes_entries: rows.length },
        history: [],
      };
    },
  }),
  securityChecks: () => import('./notes-security.ts').then((m) => m.notesSecurity),
  createServices: (_platform, { db }) => ({
    async get(actor: Actor, id: string) {
      const note = await db
        // biome-ignore lint/suspicious/noExplicitAny: the throwaway table is not in the schema types.
        .selectFrom('notes_entries' as any)
        .select(['id', 'body', 'site_id'])
        .where('id', '=', id)
        .executeTakeFirst();
      if (!note) throw new NotFoundError('note');
      // A person outside the company reads the notes granted to them; everyone else by their site's role.
      if (!access.granted(actor, 'notes_entry', id))
        access.assert(actor, { permission: 'notes.read', siteId: note.site_id as string, what: 'note' });
      return { id: note.id as string, body: note.body as string };
    },
    async list(siteScope: Parameters<typeof inScope>[2]) {
      return (
        db
          // biome-ignore lint/suspicious/noExplicitAny: the throwaway table is not in the schema types.
          .selectFrom('notes_entries' as any)
          .select(['id', 'body'])
          .where((eb) => inScope(eb, 'site_id', siteScope))
          .orderBy('body')
          .execute()
      );
    },
  }),
  registerRoutes(app, notes) {
    app.get(
      '/api/notes',
      {
        config: { access: 'notes.read' },
        schema: {
          tags: ['notes'],
          response: { 200: z.array(z.object({ id: z.string(), body: z.string() })) },
        },
      },
      async (request) => notes.list(access.listScope(actorOf(request), 'notes.read')),
    );
    app.get(
      '/api/notes/:id',
      {
        config: { access: 'signed-in' },
        schema: {
          tags: ['notes'],
          params: z.object({ id: z.string().uuid() }),
          response: { 200: z.object({ id: z.string(), body: z.string() }) },
        },
      },
      async (request) => notes.get(actorOf(request), request.params.id),
    );
    // A handler that forgets its access check: the request hook still enforces the declared permission.
    app.get(
      '/api/notes/count',
      {
        config: { access: 'notes.read' },
        schema: { tags: ['notes'], response: { 200: z.object({ count: z.number().int() }) } },
      },
      async () => ({ count: (await notes.list('all')).length }),
    );
  },
  jobs: () => [{ name: 'notes-sweep', cron: '0 3 * * *', handler: async () => ({ swept: 0 }) }],
  async homeAttention(actor) {
    return actor.assignments.some((a) => a.role === 'site_officer')
      ? [{ kind: 'notes-unread', severity: 'info', count: 1, messageKey: 'notes.unread', link: '/notes' }]
      : [];
  },
});
