import type { AvailabilityChange } from '../../../src/events/events.commands.ts';
import { get } from '../api/client.ts';
import type { LiveEvent } from '../api/types.ts';

export type { AvailabilityChange };

/**
 * The live stream, shared by every tab of one signed-in person. One tab (the holder of a Web Lock)
 * keeps the EventSource open and relays each event to the others over a BroadcastChannel, so ten
 * open tabs use one connection (browsers allow six per host over HTTP/1.1). When that tab closes,
 * the lock passes to another, which opens the stream and asks everyone to re-fetch.
 */
export type LiveMessage =
  | { kind: 'event'; event: LiveEvent }
  /** Someone arrived in or left a case room: a signal only, never an event of the case's log. */
  | { kind: 'presence'; caseId: string }
  /** The person's own notifications changed: one came, or one was read in another tab. */
  | { kind: 'inbox' }
  /** The person's own record changed (a lead set their status): the session is read again. */
  | { kind: 'me' }
  /**
   * The organisation's people, teams, calendars or scenarios changed: the session's reference data
   * is read again; or only someone's status did (`availability`), which is applied as it is.
   */
  | { kind: 'reference'; availability?: AvailabilityChange }
  | { kind: 'resync' }
  | { kind: 'status'; connected: boolean };
type ChannelMessage = LiveMessage | { kind: 'hello' };
type Listener = (m: LiveMessage) => void;

export type LiveStream = {
  subscribe(fn: Listener): () => void;
  /** Asks this tab's pages to read again what they show, as after a reconnect. */
  resync(): void;
  close(): void;
  readonly connected: boolean;
};

export function openLiveStream(channelName: string): LiveStream {
  const listeners = new Set<Listener>();
  let connected = false;
  let source: EventSource | undefined;
  let closed = false;
  let releaseLock: (() => void) | undefined;
  // A tab that followed another tab's stream may have missed events in the hand-over.
  let followed = false;
  const channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel(channelName) : undefined;

  const deliver = (m: LiveMessage) => {
    if (m.kind === 'status') connected = m.connected;
    for (const fn of listeners) fn(m);
  };
  const emit = (m: LiveMessage) => {
    deliver(m);
    channel?.postMessage(m);
  };
  channel?.addEventListener('message', (e: MessageEvent<ChannelMessage>) => {
    // A tab that just opened asks for the connection status; the tab holding the stream answers.
    if (e.data.kind === 'hello') {
      if (source) channel.postMessage({ kind: 'status', connected } satisfies LiveMessage);
      return;
    }
    followed = true;
    deliver(e.data);
  });
  channel?.postMessage({ kind: 'hello' } satisfies ChannelMessage);

  const connect = () => {
    let opened = 0;
    source = new EventSource('/api/v1/stream');
    source.addEventListener('ready', () => {
      emit({ kind: 'status', connected: true });
      // A reconnect may have missed events: everyone re-fetches what it shows.
      if (opened++ > 0) emit({ kind: 'resync' });
    });
    source.addEventListener('case-event', (e) => {
      try {
        const event = JSON.parse((e as MessageEvent<string>).data) as LiveEvent;
        emit(
          event.type === 'presence.changed'
            ? { kind: 'presence', caseId: event.caseId }
            : { kind: 'event', event },
        );
      } catch {
        // a malformed event is skipped; the next one still arrives
      }
    });
    source.addEventListener('inbox', () => emit({ kind: 'inbox' }));
    source.addEventListener('me', () => emit({ kind: 'me' }));
    source.addEventListener('reference', (e) => {
      let availability: AvailabilityChange | undefined;
      try {
        availability = (JSON.parse((e as MessageEvent<string>).data) as { availability?: AvailabilityChange })
          .availability;
      } catch {
        // Unreadable: read everything again, which is always right.
      }
      emit({ kind: 'reference', ...(availability ? { availability } : {}) });
    });
    source.addEventListener('error', () => emit({ kind: 'status', connected: false }));
    // The server ended the stream because the session no longer signs it in (signed out elsewhere,
    // idle, a second step now required): one request lets the app say which, as any other would.
    source.addEventListener('signed-out', () => {
      source?.close();
      emit({ kind: 'status', connected: false });
      void get('/api/v1/me').catch(() => undefined);
    });
  };

  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  if (locks && channel) {
    locks
      .request(channelName, () => {
        if (closed) return;
        connect();
        if (followed) emit({ kind: 'resync' });
        return new Promise<void>((resolve) => {
          releaseLock = resolve;
        });
      })
      .catch(() => undefined);
  } else {
    connect();
  }

  return {
    subscribe(fn) {
      listeners.add(fn);
      return () => listeners.delete(fn);
    },
    resync() {
      deliver({ kind: 'resync' });
    },
    close() {
      closed = true;
      source?.close();
      releaseLock?.();
      channel?.close();
      listeners.clear();
    },
    get connected() {
      return connected;
    },
  };
}
