import { useEffect, useRef, useState } from 'react';

/**
 * Where a server-sent events stream stands: `connecting` until the server says it is ready (its first
 * event, `ready`), `live` while it is open, `reconnecting` after the connection dropped (the browser tries
 * again by itself, after the `retry` the server set), `closed` when the server refused it (the browser
 * gives up: a reload starts again).
 */
export type StreamState = 'connecting' | 'live' | 'reconnecting' | 'closed';

/**
 * Listens to a server-sent events stream of the API (same origin, the session cookie) while the component is
 * mounted: each named event's data, parsed as JSON, goes to its handler. `url` null: no stream. A change of
 * handlers does not reopen the stream; a change of `url` does.
 */
export function useEventStream(
  url: string | null,
  handlers: Record<string, (data: unknown) => void>,
): StreamState {
  const [state, setState] = useState<StreamState>('connecting');
  const current = useRef(handlers);
  current.current = handlers;
  const names = Object.keys(handlers).sort().join(',');

  useEffect(() => {
    if (!url) return;
    const source = new EventSource(url, { withCredentials: true });
    setState('connecting');
    source.addEventListener('ready', () => setState('live'));
    source.onerror = () => setState(source.readyState === EventSource.CLOSED ? 'closed' : 'reconnecting');
    for (const name of names ? names.split(',') : []) {
      source.addEventListener(name, (event) => {
        const text = (event as MessageEvent<string>).data;
        current.current[name]?.(text ? JSON.parse(text) : null);
      });
    }
    return () => source.close();
  }, [url, names]);

  return state;
}
