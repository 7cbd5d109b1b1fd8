import type { ChannelListener, Database } from '../../db/connect.ts';

/** What a subscriber hears on a channel: each payload, and whether signals arrive (see `Database.listen`). */
export type SignalSubscriber = { message(payload: string): void; state?(live: boolean): void };

/**
 * Change signals from the database (LISTEN/NOTIFY on PostgreSQL, in process on PGlite) for any part of the
 * system: a table's trigger announces a change on a channel in the transaction that makes it, so every process
 * hears it when (and only if) the change commits. One listening connection per channel and process, however
 * many subscribers; the first subscriber starts it, `stop` ends them all.
 */
export function createSignalsService(database: Pick<Database, 'listen'>) {
  type Channel = { subscribers: Set<SignalSubscriber>; live: boolean; ready: Promise<() => Promise<void>> };
  const channels = new Map<string, Channel>();

  function open(name: string): Channel {
    const channel: Channel = { subscribers: new Set(), live: false, ready: Promise.resolve(async () => {}) };
    const listener: ChannelListener = {
      message(payload) {
        for (const s of [...channel.subscribers]) s.message(payload);
      },
      state(live) {
        channel.live = live;
        for (const s of [...channel.subscribers]) s.state?.(live);
      },
    };
    // Heard once each, on a connection of its own: subscribers pass each signal on.
    channel.ready = database.listen(name, listener, { ownCommits: false });
    channels.set(name, channel);
    return channel;
  }

  return {
    /**
     * Hears `channel` until the returned function is called. Resolves once the channel is listened to (its
     * first attempt); the subscriber learns at once whether signals arrive.
     */
    async subscribe(channel: string, subscriber: SignalSubscriber): Promise<() => void> {
      const c = channels.get(channel) ?? open(channel);
      c.subscribers.add(subscriber);
      await c.ready;
      subscriber.state?.(c.live);
      return () => void c.subscribers.delete(subscriber);
    },

    /** Stops listening on every channel (the process is closing). */
    async stop() {
      const open = [...channels.values()];
      channels.clear();
      for (const c of open) {
        c.subscribers.clear();
        await (await c.ready)();
      }
    },
  };
}

export type SignalsService = ReturnType<typeof createSignalsService>;
