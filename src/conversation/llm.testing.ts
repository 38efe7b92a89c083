/**
 * A fake OpenAI-compatible endpoint on 127.0.0.1 for the tests of the LLM path: it records every
 * request and answers as the test tells it (a packet, bad JSON, an error status, slowly).
 */
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  raw: string;
  /** The parsed request body, when it is JSON. */
  body: { model?: string; messages?: { role: string; content: string }[] } | null;
}

export interface FakeReply {
  status?: number;
  /** The message content of a chat completion; ignored when `raw` is given. */
  content?: string;
  /** The whole response body as it is. */
  raw?: string;
  delayMs?: number;
}

export const goodPacket = {
  whatHappened: 'The customer was charged twice for the October invoice and wants the duplicate back.',
  attempted: ['Agent: Checked the payment ledger and found two captures'],
  nextSteps: ['Refund the duplicate capture', 'Confirm the refund to [EMAIL_1]'],
  summary: 'Double charge on the October invoice; the agent confirmed two captures. Reply to [EMAIL_1].',
};

export const chatCompletion = (content: string) =>
  JSON.stringify({
    id: 'chatcmpl-fake',
    object: 'chat.completion',
    choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }],
  });

export async function startFakeLlm() {
  const requests: FakeRequest[] = [];
  const timers = new Set<NodeJS.Timeout>();
  let reply: (req: FakeRequest) => FakeReply = () => ({ content: JSON.stringify(goodPacket) });
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      let body: FakeRequest['body'] = null;
      try {
        body = JSON.parse(raw);
      } catch {}
      const request = { method: req.method ?? '', path: req.url ?? '', headers: req.headers, raw, body };
      requests.push(request);
      const r = reply(request);
      const send = () => {
        timers.delete(timer);
        res.writeHead(r.status ?? 200, { 'content-type': 'application/json' });
        res.end(r.raw ?? chatCompletion(r.content ?? ''));
      };
      const timer = setTimeout(send, r.delayMs ?? 0);
      timers.add(timer);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    requests,
    /** Sets how the next requests are answered. */
    answer(fn: (req: FakeRequest) => FakeReply) {
      reply = fn;
    },
    async close() {
      for (const t of timers) clearTimeout(t);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export type FakeLlm = Awaited<ReturnType<typeof startFakeLlm>>;
