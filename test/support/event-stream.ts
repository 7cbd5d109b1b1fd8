import type { Readable } from 'node:stream';
import type { StewardApp } from '../../server/app.ts';

/** One server-sent event: its name and its data (parsed JSON, or undefined without data). */
export type StreamEvent = { event: string; data: unknown };

/**
 * An open text/event-stream answer, read event by event through app.inject: `next()` resolves to the next
 * event (comments and the retry line are skipped), `close()` goes away as a browser that closes its page.
 * A refusal is read whole: `status` and `body` (the problem document), and no events.
 */
export type OpenStream = {
  status: number;
  headers: Record<string, string | string[] | number | undefined>;
  body: unknown;
  next(): Promise<StreamEvent>;
  close(): void;
};

export async function openEventStream(
  app: StewardApp,
  url: string,
  headers: Record<string, string>,
  query?: Record<string, string>,
): Promise<OpenStream> {
  const response = await app.inject({ method: 'GET', url, headers, query, payloadAsStream: true });
  const stream = response.stream() as Readable;
  const type = String(response.headers['content-type'] ?? '');
  if (!type.startsWith('text/event-stream')) {
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(Buffer.from(chunk));
    const text = Buffer.concat(chunks).toString('utf8');
    return {
      status: response.statusCode,
      headers: response.headers,
      body: /json/.test(type) && text ? JSON.parse(text) : text,
      next: () => Promise.reject(new Error(`No stream: ${response.statusCode} ${text.slice(0, 200)}`)),
      close() {},
    };
  }
  const events: StreamEvent[] = [];
  const waiting: { resolve(e: StreamEvent): void; reject(e: Error): void }[] = [];
  let buffer = '';
  let ended = false;
  const deliver = (e: StreamEvent) => {
    const w = waiting.shift();
    if (w) w.resolve(e);
    else events.push(e);
  };
  const finish = () => {
    ended = true;
    for (const w of waiting.splice(0)) w.reject(new Error('The stream ended'));
  };
  stream.on('data', (chunk: Buffer) => {
    buffer += chunk.toString('utf8');
    let at = buffer.indexOf('\n\n');
    while (at >= 0) {
      const block = buffer.slice(0, at);
      buffer = buffer.slice(at + 2);
      at = buffer.indexOf('\n\n');
      let event: string | undefined;
      let data: string | undefined;
      for (const line of block.split('\n')) {
        if (line.startsWith('event: ')) event = line.slice(7);
        else if (line.startsWith('data: ')) data = line.slice(6);
      }
      if (event) deliver({ event, data: data === undefined ? undefined : JSON.parse(data) });
    }
  });
  stream.on('end', finish);
  stream.on('error', finish);
  stream.on('close', finish);
  return {
    status: response.statusCode,
    headers: response.headers,
    body: undefined,
    next() {
      const e = events.shift();
      if (e) return Promise.resolve(e);
      if (ended) return Promise.reject(new Error('The stream ended'));
      return new Promise((resolve, reject) => waiting.push({ resolve, reject }));
    },
    close() {
      // As a client going away: the server's response closes under it.
      response.raw.res.destroy();
    },
  };
}
