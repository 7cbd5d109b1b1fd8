import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/app.ts';
import { loadConfig } from '../../server/config.ts';
import { migrateToLatest, pendingMigrations } from '../../server/db/migrate.ts';
import { migrations } from '../../server/db/migrations/index.ts';
import { databases, openTestDatabase } from '../support/app.ts';

describe.each(databases())('migrations (%s)', (kind) => {
  let scratch: Awaited<ReturnType<typeof openTestDatabase>>;
  beforeAll(async () => {
    scratch = await openTestDatabase(kind);
  });
  afterAll(async () => {
    await scratch?.close();
  });

  it('reports not ready, with the pending migrations, before they are applied', async () => {
    const app = await buildApp({
      database: scratch.database,
      config: loadConfig({ LOG_LEVEL: 'silent' }),
      serveWeb: false,
      logger: false,
    });
    try {
      const res = await app.inject({ method: 'GET', url: '/api/ready' });
      expect(res.statusCode).toBe(503);
      expect(res.json()).toEqual({
        ready: false,
        database: kind,
        pendingMigrations: Object.keys(migrations),
        files: 'ok',
      });
      expect((await app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
    } finally {
      await app.close();
    }
  });

  it('applies every migration in order on an empty database, then nothing on a second run', async () => {
    expect(await migrateToLatest(scratch.database.db)).toEqual(Object.keys(migrations));
    expect(await pendingMigrations(scratch.database.db)).toEqual([]);
    expect(await migrateToLatest(scratch.database.db)).toEqual([]);
  });

  it('reports ready once they are', async () => {
    const app = await buildApp({
      database: scratch.database,
      config: loadConfig({ LOG_LEVEL: 'silent' }),
      serveWeb: false,
      logger: false,
    });
    try {
      const res = await app.inject({ method: 'GET', url: '/api/ready' });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ ready: true, pendingMigrations: [] });
    } finally {
      await app.close();
    }
  });
});
