import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { AppError, type FieldError } from './errors.ts';

export const PROBLEM_TYPE_BASE = 'https://steward.example/problems/';

export type Problem = {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance: string;
  requestId: string;
  errors?: FieldError[];
  [extra: string]: unknown;
};

type ProblemInput = {
  type: string;
  title: string;
  status: number;
  detail: string;
  errors?: FieldError[];
} & Record<string, unknown>;

function send(reply: FastifyReply, request: FastifyRequest, problem: ProblemInput) {
  const body: Problem = { ...problem, instance: request.url.split('?')[0], requestId: String(request.id) };
  return reply.status(problem.status).type('application/problem+json').send(body);
}

const camel = (column: string) => column.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

/** Every path under `prefix` where `value` holds exactly `wanted`. */
function pathsOf(value: unknown, wanted: string, prefix: string, out: string[] = [], depth = 0): string[] {
  if (depth > 16 || out.length > 10) return out;
  if (value === wanted) out.push(prefix);
  else if (Array.isArray(value))
    for (const [i, v] of value.entries()) pathsOf(v, wanted, `${prefix}.${i}`, out, depth + 1);
  else if (value !== null && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) pathsOf(v, wanted, `${prefix}.${k}`, out, depth + 1);
  return out;
}

/**
 * The request fields that hold the ids a foreign key did not find (PostgreSQL 23503, whose detail reads
 * `Key (site_id)=(…) is not present in table "sites".`): where the body (or query) carries that value,
 * preferring a field named after the column (`siteId`, `actionIds`), else the column's name in camelCase.
 */
export function missingReferences(
  detail: string | undefined,
  request: { body?: unknown; query?: unknown },
): FieldError[] {
  const match = /Key \(([^)]+)\)=\((.*)\) is not present in table "([^"]+)"/.exec(detail ?? '');
  if (!match) return [];
  const columns = match[1].split(',').map((c) => c.trim());
  const values = match[2].split(',').map((v) => v.trim());
  const table = match[3];
  return columns.map((column, i) => {
    const name = camel(column);
    const found = [
      ...pathsOf(request.body, values[i] ?? '', 'body'),
      ...pathsOf(request.query, values[i] ?? '', 'querystring'),
    ];
    const named = found.find((p) => p.split('.').some((s) => s === name || s === `${name}s`));
    return {
      path: named ?? found[0] ?? `body.${name}`,
      message: `No ${table.replace(/_/g, ' ').replace(/s$/, '')} has this id (or it is outside your scope)`,
    };
  });
}

/** Postgres error codes a bad request can provoke; anything else is a server fault. */
function fromDatabaseError(
  error: { code?: string; detail?: string; constraint?: string },
  request: { body?: unknown; query?: unknown },
) {
  switch (error.code) {
    case '23505':
      return {
        status: 409,
        type: 'conflict',
        title: 'Conflict',
        detail: 'A record with the same unique value already exists.',
      };
    case '23503':
      return {
        status: 422,
        type: 'validation',
        title: 'Invalid input',
        detail: 'A referenced record does not exist.',
        errors: missingReferences(error.detail, request),
      };
    case '23514':
    case '22021':
    // A NUL character (\u0000) inside JSON: jsonb cannot store it.
    case '22P05':
    case '22007':
    case '22008':
    case '22P02':
    case '22003':
    case '22001':
      return {
        status: 422,
        type: 'validation',
        title: 'Invalid input',
        detail: 'A value is out of range or malformed.',
      };
    default:
      return undefined;
  }
}

/**
 * Error and not-found handlers. With `spaFallback`, a GET outside /api for a path without a file extension
 * answers with the web app's index page (its client-side routes); Fastify allows one not-found handler.
 */
export function registerProblemHandlers(app: FastifyInstance, options: { spaFallback?: boolean } = {}) {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof AppError) {
      if (error.status === 429 && typeof error.extra.retryAfterSeconds === 'number') {
        reply.header('retry-after', String(error.extra.retryAfterSeconds));
      }
      return send(reply, request, {
        type: PROBLEM_TYPE_BASE + error.type,
        title: error.title,
        status: error.status,
        detail: error.message,
        ...error.extra,
      });
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const errors = error.validation.map((v) => ({
        path: [error.validationContext, ...String(v.instancePath).split('/').filter(Boolean)].join('.'),
        message: v.message ?? 'Invalid value',
      }));
      return send(reply, request, {
        type: `${PROBLEM_TYPE_BASE}validation`,
        title: 'Invalid input',
        status: 400,
        detail: `The request ${error.validationContext ?? 'input'} is invalid: ${errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`,
        errors,
      });
    }
    const db = fromDatabaseError(error as { code?: string; detail?: string }, request);
    if (db) return send(reply, request, { ...db, type: PROBLEM_TYPE_BASE + db.type });
    if (isResponseSerializationError(error)) {
      request.log.error({ err: error }, 'response did not match its contract');
    }
    const status =
      error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
    if (status === 500) request.log.error({ err: error }, 'unhandled error');
    return send(reply, request, {
      type: status === 500 ? `${PROBLEM_TYPE_BASE}internal` : `${PROBLEM_TYPE_BASE}bad-request`,
      title: status === 500 ? 'Internal error' : 'Bad request',
      status,
      detail:
        status === 500
          ? 'Something went wrong on our side. The request id identifies it in the logs.'
          : error.message,
    });
  });

  app.setNotFoundHandler((request, reply) => {
    const pathname = request.url.split('?')[0];
    if (
      options.spaFallback &&
      request.method === 'GET' &&
      !pathname.startsWith('/api/') &&
      !/\.[A-Za-z0-9]+$/.test(pathname)
    ) {
      return reply.sendFile('index.html');
    }
    return notFound(request, reply);
  });
}

/**
 * Errors Fastify raises before routing (a malformed percent-encoding, an over-long path parameter):
 * answered as problem documents like every other refusal.
 */
export function sendFrameworkError(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  const status =
    error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 400;
  return send(reply, request, {
    type: `${PROBLEM_TYPE_BASE}bad-request`,
    title: 'Bad request',
    status,
    detail: error.message,
  });
}

function notFound(request: FastifyRequest, reply: FastifyReply) {
  return send(reply, request, {
    type: `${PROBLEM_TYPE_BASE}not-found`,
    title: 'Not found',
    status: 404,
    detail: `No route ${request.method} ${request.url.split('?')[0]}.`,
  });
}
