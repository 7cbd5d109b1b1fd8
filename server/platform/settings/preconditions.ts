import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Db } from '../../db/types.ts';
import { PreconditionFailedError } from '../http/errors.ts';
import { settingVersion } from './repo.ts';

const WRITES = new Set(['PUT', 'PATCH']);
const etagOf = (version: number) => `"${version}"`;

/** The version an `If-Match` names (`"3"`, or weak `W/"3"`), or null when it names none of ours. */
export function ifMatchVersion(header: string): number | null {
  const m = /^\s*(?:W\/)?"(\d{1,9})"\s*$/.exec(header);
  return m ? Number(m[1]) : null;
}

/**
 * Conditional requests for the group settings (RFC 9110 §8.8.3, §13.1.1). A route that reads or writes one
 * setting names its key (`config.setting`): its answers carry the setting's version as `ETag`, and a write
 * sent with `If-Match` is stored only while the setting is still at that version (the settings service checks
 * it under a lock), otherwise refused with 412. A write without `If-Match` is unconditional, as HTTP has it.
 */
export function registerSettingPreconditions(app: FastifyInstance, db: Db) {
  app.addHook('preHandler', async (request: FastifyRequest) => {
    const key = request.routeOptions.config?.setting;
    const header = request.headers['if-match'];
    if (!key || !WRITES.has(request.method) || header === undefined || !request.actor) return;
    if (header.trim() === '*') return;
    const version = ifMatchVersion(header);
    if (version === null) throw new PreconditionFailedError(await settingVersion(db, key));
    // A copy: the signed-in identity is shared by the requests it serves.
    request.actor = { ...request.actor, settingPrecondition: { key, version } };
  });
  app.addHook('onSend', async (request, reply, payload) => {
    const key = request.routeOptions.config?.setting;
    if (key && reply.statusCode === 200 && (request.method === 'GET' || WRITES.has(request.method)))
      reply.header('etag', etagOf(await settingVersion(db, key)));
    return payload;
  });
}
