import pino from 'pino';

/** Paths that must never reach a log line: credentials, session material and health details. */
export const redactedLogPaths = [
  'req.headers.cookie',
  'req.headers.authorization',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  'password',
  'body.password',
  'token',
  '*.password',
  '*.passwordHash',
  '*.token',
];

/** A private calendar feed's URL is its credential: the token in it is masked in every logged URL. */
export function maskUrl(url: string): string {
  return url.replace(/(\/api\/obligations\/feed\/)[^/?#]+/, '$1[redacted]');
}

type LoggedRequest = {
  method: string;
  url: string;
  host?: string;
  ip?: string;
  socket?: { remotePort?: number };
};

export function loggerOptions(level: string): pino.LoggerOptions {
  return {
    level,
    redact: { paths: redactedLogPaths, censor: '[redacted]' },
    // Fastify's request serializer, with the URL masked.
    serializers: {
      req: (request: LoggedRequest) => ({
        method: request.method,
        url: maskUrl(request.url),
        host: request.host,
        remoteAddress: request.ip,
        remotePort: request.socket?.remotePort,
      }),
    },
  };
}

/**
 * The process's own logger (start-up, migrations, demo, jobs). Lines are written as they happen: a first
 * start spends long stretches in synchronous work, and its progress lines must not wait for it to end.
 */
export function createLogger(level: string) {
  return pino(loggerOptions(level), pino.destination({ dest: 1, sync: true }));
}
