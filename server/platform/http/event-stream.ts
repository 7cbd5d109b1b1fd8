import { PassThrough } from 'node:stream';
import type { FastifyInstance, FastifyReply } from 'fastify';

declare module 'fastify' {
  interface FastifyInstance {
    /** The event streams open on this app, ended before it closes (an open one would hold the close). */
    eventStreams: Set<EventStream>;
  }
}

/** Keeps the app's open event streams, and ends them when the app begins to close. */
export function registerEventStreams(app: FastifyInstance) {
  app.decorate('eventStreams', new Set<EventStream>());
  app.addHook('preClose', async () => {
    for (const stream of [...app.eventStreams]) stream.end();
  });
}

/** How often an open stream sends a comment, so that proxies and browsers keep an idle connection. */
export const HEARTBEAT_MS = 15_000;

export type EventStream = {
  /** Sends one event (`event:`, and `data:` as JSON, null when none); nothing once the stream has closed. */
  send(event: string, data?: unknown): void;
  /** Runs `fn` once the stream closes: the client went away, or the server ended it. */
  onClose(fn: () => void): void;
  /** Ends the stream from the server's side. */
  end(): void;
  /** The body to answer with: `reply.send(stream.body)`. */
  body: PassThrough;
};

/**
 * A server-sent events stream (text/event-stream) on a reply: a heartbeat comment every `heartbeatMs`, and the
 * close handlers run once when the client goes away or the stream ends. The route answers with `body`, so the
 * app's hooks (security headers, request id) apply as to any other answer.
 */
export function openEventStream(reply: FastifyReply, heartbeatMs = HEARTBEAT_MS): EventStream {
  const body = new PassThrough();
  const open = reply.server.eventStreams;
  const closers: (() => void)[] = [() => open.delete(stream)];
  let closed = false;
  const heartbeat = setInterval(() => body.write(': heartbeat\n\n'), heartbeatMs);
  const close = () => {
    if (closed) return;
    closed = true;
    clearInterval(heartbeat);
    for (const fn of closers.splice(0)) fn();
  };
  body.on('close', close);
  body.on('finish', close);
  reply.raw.on('close', () => {
    close();
    body.destroy();
  });
  reply
    .header('content-type', 'text/event-stream; charset=utf-8')
    .header('cache-control', 'no-store')
    // A proxy that buffers answers (nginx) passes this one through as it comes.
    .header('x-accel-buffering', 'no');
  // A client that reconnects waits this long first (milliseconds).
  body.write('retry: 3000\n\n');
  const stream: EventStream = {
    body,
    send(event, data) {
      if (closed) return;
      // Every event carries a data line: a browser's EventSource drops an event without one.
      body.write(`event: ${event}\ndata: ${JSON.stringify(data ?? null)}\n\n`);
    },
    onClose(fn) {
      if (closed) fn();
      else closers.push(fn);
    },
    end() {
      if (!closed) body.end();
    },
  };
  open.add(stream);
  return stream;
}
