import type { Database } from '../db/database.ts';
import { type Announcement, eventsChannel } from './events.commands.ts';

type Subscriber = (a: Announcement) => void;

/**
 * The process's one LISTEN on the events channel, fanned out to its real-time clients. Every
 * process listens, so a change committed through any process reaches clients of all of them.
 */
export function createHub(database: Database) {
  const subscribers = new Set<Subscriber>();
  let unlisten: (() => Promise<void>) | undefined;
  return {
    async start() {
      unlisten = await database.listen(eventsChannel, (payload) => {
        let a: Announcement;
        try {
          a = JSON.parse(payload);
          // One shape whichever database announced it (PostgreSQL's JSON writes +00:00, not Z).
          a.at = new Date(a.at).toISOString();
        } catch {
          return;
        }
        for (const s of subscribers) s(a);
      });
    },
    subscribe(fn: Subscriber) {
      subscribers.add(fn);
      return () => subscribers.delete(fn);
    },
    get size() {
      return subscribers.size;
    },
    async stop() {
      await unlisten?.();
      subscribers.clear();
    },
  };
}

export type Hub = ReturnType<typeof createHub>;
