import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { verifyDelivery } from '../../src/integrations/signature.ts';

/**
 * How the receiver answers: `up` 204, `down` 503 (a receiver having an outage), `hang` takes the
 * event in and never answers (the sender dies before it hears back).
 */
export type ReceiverMode = 'up' | 'down' | 'hang';

/** One request: the event's id and type, whether its signature holds, its body, and the path it was sent to. */
export type Arrival = { id: string; type: string; signed: boolean; body: string; path: string };

export type Receiver = {
  url: string;
  mode: ReceiverMode;
  /** Every request that reached the receiver, in order. */
  arrivals: Arrival[];
  /** How many times each event id was acted on: once per id when `dedupe` is on. */
  processed: Map<string, number>;
  close(): Promise<void>;
};

/**
 * A webhook receiver on loopback, as a helpdesk integration would write it. With `dedupe` it acts on
 * an X-Baton-Event-Id it has not seen before and answers a repeat with 200 without acting again.
 */
export async function startReceiver(secret: string, opts: { dedupe: boolean }): Promise<Receiver> {
  const receiver: Receiver = {
    url: '',
    mode: 'up',
    arrivals: [],
    processed: new Map(),
    close: async () => {},
  };
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (d) => {
      body += d;
    });
    req.on('end', () => {
      const id = String(req.headers['x-baton-event-id']);
      const signature = String(req.headers['x-baton-signature'] ?? '');
      const signed = verifyDelivery(secret, body, signature, Math.floor(Date.now() / 1000));
      const type = String(req.headers['x-baton-event-type']);
      receiver.arrivals.push({ id, type, signed, body, path: req.url ?? '' });
      if (receiver.mode === 'down') {
        res.writeHead(503).end();
        return;
      }
      const seen = receiver.processed.has(id);
      if (!(opts.dedupe && seen)) receiver.processed.set(id, (receiver.processed.get(id) ?? 0) + 1);
      if (receiver.mode === 'hang') return; // acted on, but the answer never leaves
      res.writeHead(seen ? 200 : 204).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  receiver.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  receiver.close = () =>
    new Promise<void>((r) => {
      server.closeAllConnections();
      server.close(() => r());
    });
  return receiver;
}
