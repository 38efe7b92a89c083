import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { cases } from '../../src/cases/cases.table.ts';
import { loadConfig } from '../../src/config.ts';
import { adminToken, describeOnDatabases, fullPacket, newCase } from '../support/harness.ts';

// Request bodies as a real socket delivers them. In production @hono/node-server hands the app a
// lightweight request whose body is read straight from the socket; the other tests call
// `app.request()` with a web Request, which takes other paths (a body without Content-Length).

type Answer = {
  status: number;
  // biome-ignore lint/suspicious/noExplicitAny: parsed JSON of any route, read as the harness does
  body: any;
  headers: Record<string, string | string[] | undefined>;
};

describeOnDatabases('request bodies over HTTP', (h) => {
  let port = 0;
  let close: () => void = () => {};
  const limit = loadConfig({}).bodyLimit;

  beforeAll(async () => {
    await new Promise<void>((resolve) => {
      const server = serve({ fetch: h().runtime.app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => {
        port = (info as AddressInfo).port;
        resolve();
      });
      close = () => server.close();
    });
  });
  afterAll(() => close());

  /** Sends `chunks` as the body: with a Content-Length when `chunked` is false, else chunk by chunk. */
  function send(
    method: string,
    path: string,
    chunks: string[],
    opts: { chunked?: boolean; headers?: Record<string, string> } = {},
  ): Promise<Answer> {
    const length = chunks.reduce((n, c) => n + Buffer.byteLength(c), 0);
    return new Promise((resolve, reject) => {
      const req = httpRequest(
        {
          host: '127.0.0.1',
          port,
          method,
          path,
          headers: {
            authorization: `Bearer ${adminToken}`,
            'content-type': 'application/json',
            ...(opts.chunked ? { 'transfer-encoding': 'chunked' } : { 'content-length': String(length) }),
            ...opts.headers,
          },
        },
        (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (d) => {
            text += d;
          });
          res.on('end', () =>
            resolve({ status: res.statusCode!, body: JSON.parse(text), headers: res.headers }),
          );
        },
      );
      // The server may answer 413 before reading everything, and the socket may close under the
      // rest of the upload: the answer, not the write, says how the request went.
      req.on('error', (error: NodeJS.ErrnoException) =>
        error.code === 'EPIPE' || error.code === 'ECONNRESET' ? undefined : reject(error),
      );
      for (const c of chunks) req.write(c);
      req.end();
    });
  }
  const casesNamed = async (subject: string) =>
    (await h().database.db.select().from(cases).where(eq(cases.subject, subject))).length;

  it('reads a body sent with a Content-Length, and a chunked one, into the route', async () => {
    const whole = await send('POST', '/api/v1/cases', [JSON.stringify(newCase({ subject: 'Sized body' }))]);
    expect(whole.status).toBe(201);
    expect(whole.body.subject).toBe('Sized body');
    const text = JSON.stringify(newCase({ subject: 'Chunked body' }));
    const chunked = await send('POST', '/api/v1/cases', [text.slice(0, 20), text.slice(20)], {
      chunked: true,
    });
    expect(chunked.status).toBe(201);
    expect(chunked.body.subject).toBe('Chunked body');

    const handoff = await send('POST', `/api/v1/cases/${whole.body.id}/handoffs`, [
      JSON.stringify({ scenario: 'billing-to-finance', packet: fullPacket }),
    ]);
    expect(handoff.status).toBe(201);
    expect(handoff.body.state).toBe('sent');
  });

  it('refuses a body over the limit, by its Content-Length or as it streams, writing nothing', async () => {
    const subject = 'Too large';
    const big = JSON.stringify(
      newCase({ subject, messages: [{ role: 'customer', text: 'x'.repeat(limit) }] }),
    );
    for (const chunked of [false, true]) {
      const res = await send('POST', '/api/v1/cases', [big.slice(0, 1000), big.slice(1000)], { chunked });
      expect(res.status).toBe(413);
      expect(res.body.error).toMatchObject({ code: 'payload_too_large', limit });
    }
    expect(await casesNamed(subject)).toBe(0);
  });

  it('refuses NUL characters and malformed JSON in a streamed body, naming the field', async () => {
    const nul = await send('POST', '/api/v1/cases', [JSON.stringify(newCase({ subject: 'a\u0000b' }))]);
    expect(nul.status).toBe(400);
    expect(nul.body.error).toMatchObject({ code: 'validation_failed', field: 'subject' });
    const broken = await send('POST', '/api/v1/cases', ['{"subject": "Broken"']);
    expect(broken.status).toBe(400);
    expect(broken.body.error.code).toBe('invalid_json');
    expect(await casesNamed('Broken')).toBe(0);
  });

  it('refuses half of a surrogate pair anywhere in a body, naming the field, and keeps whole pairs', async () => {
    // JSON.stringify writes a lone surrogate as the escape `\ud800`; PostgreSQL's JSON refuses it.
    for (const [body, field] of [
      [newCase({ subject: 'x\uDFFFy' }), 'subject'],
      [newCase({ customer: { externalId: 'c-1', name: '\uD800' } }), 'customer.name'],
      [{ scenario: '\uD800', packet: {} }, 'scenario'],
    ] as const) {
      const path = 'scenario' in body ? '/api/v1/cases/case_none/handoffs' : '/api/v1/cases';
      const res = await send('POST', path, [JSON.stringify(body)]);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error).toMatchObject({ code: 'validation_failed', field });
      expect(res.body.error.message).toContain('surrogate');
    }
    // An emoji written as an escaped pair, as some clients send it, is a whole pair.
    const escaped = JSON.stringify(newCase({ subject: 'Pair ok 😀' })).replace('😀', '\\ud83d\\ude00');
    expect(escaped).toContain('\\ud83d');
    const pair = await send('POST', '/api/v1/cases', [escaped]);
    expect(pair.status).toBe(201);
    expect(pair.body.subject).toBe('Pair ok 😀');
  });

  it('replays a retried POST by its Idempotency-Key, and sets the request id and security headers', async () => {
    const body = [JSON.stringify(newCase({ subject: 'Sent twice' }))];
    const headers = { 'idempotency-key': `socket-${h().kind}` };
    const first = await send('POST', '/api/v1/cases', body, { headers });
    const again = await send('POST', '/api/v1/cases', body, { headers });
    expect(first.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(await casesNamed('Sent twice')).toBe(1);
    expect(first.headers['x-request-id']).toMatch(/\S/);
    expect(first.headers['x-content-type-options']).toBe('nosniff');
    const traced = await send('POST', '/api/v1/cases', [JSON.stringify(newCase({ subject: 'Traced' }))], {
      headers: { 'x-request-id': 'trace-42' },
    });
    expect(traced.headers['x-request-id']).toBe('trace-42');
  });
});
