import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One post that reached the receiver: the path it was sent to and its JSON body. */
export type SlackPost = { path: string; body: { text?: string; blocks?: unknown[] } };

export type SlackReceiver = {
  /** `http://127.0.0.1:<port>`: add a path per channel. */
  base: string;
  /** Posts answered 200, in order (a refused one is not kept). */
  posts: SlackPost[];
  /** The status to answer a path with instead of 200 (a channel removed, a server down). */
  refuse: (path: string) => number | null;
  /** Something to wait for before answering a path (a slow channel: a try kept in flight). */
  hold: (path: string) => Promise<void> | null;
  close(): Promise<void>;
};

/** A Slack-compatible incoming webhook on loopback, for tests of Slack notifications. */
export async function startSlackReceiver(): Promise<SlackReceiver> {
  const receiver: SlackReceiver = {
    base: '',
    posts: [],
    refuse: () => null,
    hold: () => null,
    close: async () => {},
  };
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (d) => {
      body += d;
    });
    req.on('end', async () => {
      const path = req.url ?? '';
      await receiver.hold(path);
      const refused = receiver.refuse(path);
      if (refused) return void res.writeHead(refused).end();
      receiver.posts.push({ path, body: body ? JSON.parse(body) : {} });
      res.writeHead(200).end('ok');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  receiver.base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  receiver.close = () => new Promise<void>((r) => server.close(() => r()));
  return receiver;
}
