import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { sendError } from './send-error.ts';

describe('an outgoing request’s failure in words', () => {
  it('says the cause fetch keeps, a timeout, or the error itself', async () => {
    // A port nothing listens on: bound, then closed.
    const server = createServer();
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const { port } = server.address() as AddressInfo;
    await new Promise<void>((r) => server.close(() => r()));
    const refused = await fetch(`http://127.0.0.1:${port}/`).catch((e: unknown) => e);
    expect((refused as Error).message).toBe('fetch failed');
    expect(sendError(refused)).toBe(`connect ECONNREFUSED 127.0.0.1:${port}`);
    // A port fetch will not use at all (9, discard): said so, not "fetch failed".
    expect(sendError(await fetch('http://127.0.0.1:9/').catch((e: unknown) => e))).toBe('bad port');
    const timeout = new DOMException('The operation was aborted due to timeout', 'TimeoutError');
    expect(sendError(timeout)).toBe('no answer in time (timed out)');
    expect(sendError(new Error('HTTP 500'))).toBe('HTTP 500');
    expect(sendError('odd')).toBe('odd');
  });
});
