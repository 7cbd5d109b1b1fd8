import { createReadStream } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';

/**
 * The lines of a JSON-lines file, read in chunks so that a table of any size streams through in bounded
 * memory. Only '\n' ends a line: JSON escapes every control character inside strings, so a value can never
 * contain one (unlike readline, which also splits on a bare '\r').
 */
export async function* readLines(file: string): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8');
  let rest = '';
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) {
    rest += decoder.write(chunk as Buffer);
    let start = 0;
    for (let end = rest.indexOf('\n'); end !== -1; end = rest.indexOf('\n', start)) {
      if (end > start) yield rest.slice(start, end);
      start = end + 1;
    }
    rest = rest.slice(start);
  }
  rest += decoder.end();
  if (rest.length) yield rest;
}
