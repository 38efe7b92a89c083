/** A live `GET /api/v1/stream` reader, as the web app keeps one open per signed-in person. */
// biome-ignore lint/suspicious/noExplicitAny: the parsed `data:` line of any event
export type StreamEvent = { event: string; data: any; receivedAt: number };

export type EventStream = {
  /** Resolves once the server has sent its `ready` event. */
  ready: Promise<void>;
  /** Resolves when the stream ends (closed, aborted, server gone). */
  ended: Promise<void>;
  events: StreamEvent[];
  close(): void;
  /** Waits until `match` holds for some received event; resolves to it, or undefined after `ms`. */
  waitFor(match: (e: StreamEvent) => boolean, ms: number): Promise<StreamEvent | undefined>;
};

export function openEventStream(
  baseUrl: string,
  token: string,
  opts: {
    keep?: boolean;
    onEvent?: (e: StreamEvent) => void;
    /** How to ask for the stream: `fetch` by default; a test hands in its app's own `request`. */
    fetch?: (url: string, init: RequestInit) => Promise<Response>;
  } = {},
): EventStream {
  const controller = new AbortController();
  const events: StreamEvent[] = [];
  const waiters = new Set<(e: StreamEvent) => void>();
  let markReady: () => void = () => {};
  let failReady: (error: unknown) => void = () => {};
  const ready = new Promise<void>((resolve, reject) => {
    markReady = resolve;
    failReady = reject;
  });
  ready.catch(() => {});
  const emit = (e: StreamEvent) => {
    if (e.event === 'ready') markReady();
    if (opts.keep !== false) events.push(e);
    opts.onEvent?.(e);
    for (const w of waiters) w(e);
  };
  let reader: ReadableStreamDefaultReader<Uint8Array> | undefined;
  const ended = (async () => {
    const res = await (opts.fetch ?? fetch)(new URL('/api/v1/stream', baseUrl).href, {
      headers: { authorization: `Bearer ${token}`, accept: 'text/event-stream' },
      signal: controller.signal,
    });
    if (res.status !== 200 || !res.body) throw new Error(`stream answered ${res.status}`);
    const decoder = new TextDecoder();
    let buffer = '';
    reader = res.body.getReader();
    for (;;) {
      const { value: chunk, done } = await reader.read();
      if (done) break;
      buffer += decoder.decode(chunk, { stream: true });
      let cut = buffer.indexOf('\n\n');
      while (cut >= 0) {
        const block = buffer.slice(0, cut);
        buffer = buffer.slice(cut + 2);
        let event = 'message';
        let data = '';
        for (const line of block.split('\n')) {
          if (line.startsWith('event:')) event = line.slice(6).trim();
          else if (line.startsWith('data:')) data += line.slice(5).trim();
        }
        let parsed: unknown = data;
        try {
          parsed = data ? JSON.parse(data) : null;
        } catch {}
        emit({ event, data: parsed, receivedAt: Date.now() });
        cut = buffer.indexOf('\n\n');
      }
    }
  })()
    .catch((error) => failReady(error))
    .finally(() => failReady(new Error('stream ended before ready')));
  return {
    ready,
    ended,
    events,
    // Aborting ends a stream read over a socket; one read from an app in process ends when cancelled.
    close: () => {
      controller.abort();
      reader?.cancel().catch(() => {});
    },
    waitFor(match, ms) {
      const seen = events.find(match);
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve) => {
        const timer = setTimeout(() => {
          waiters.delete(check);
          resolve(undefined);
        }, ms);
        const check = (e: StreamEvent) => {
          if (!match(e)) return;
          clearTimeout(timer);
          waiters.delete(check);
          resolve(e);
        };
        waiters.add(check);
      });
    },
  };
}
