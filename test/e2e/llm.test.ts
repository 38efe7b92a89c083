import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type FakeLlm, goodPacket, startFakeLlm } from '../../src/conversation/llm.testing.ts';
import { describeOnDatabases, newCase } from '../support/harness.ts';

const pii = {
  email: 'maria.lopez@example.com',
  phone: '+44 20 7946 0958',
  card: '4111 1111 1111 1111',
  name: 'Maria Lopez',
};

const messages = [
  {
    role: 'customer',
    text: `Hi, I was charged twice for my October invoice, card ${pii.card}. Email me at ${pii.email}.`,
  },
  { role: 'agent', text: 'I can see two payments. I will pass this to our Finance team.' },
  { role: 'customer', text: `Or call me on ${pii.phone}. Regards, Maria` },
];

let fake: FakeLlm;
beforeAll(async () => {
  fake = await startFakeLlm();
});
afterAll(async () => {
  await fake.close();
});
beforeEach(() => {
  fake.requests.length = 0;
  fake.answer(() => ({ content: JSON.stringify(goodPacket) }));
});

describeOnDatabases('GET /cases/{id}/prefill with the optional LLM', (h) => {
  const configure = (on: boolean) => {
    h().runtime.services.config.llm = on
      ? { url: fake.url, model: 'fake-model', apiKey: 'sk-e2e' }
      : undefined;
  };
  afterEach(() => configure(false));

  it('calls nothing and answers as before without configuration', async () => {
    const c = await h().request('POST', '/api/v1/cases', newCase({ messages }));
    await h().request('POST', `/api/v1/cases/${c.body.id}/messages`, {
      role: 'customer',
      text: 'This is RIDICULOUS, third time I explain, still waiting!!!',
    });
    const res = await h().request('GET', `/api/v1/cases/${c.body.id}/prefill`);
    expect(res.status).toBe(200);
    expect(Object.keys(res.body)).toEqual(['summary', 'packet', 'proposal']);
    expect(fake.requests).toHaveLength(0);
  });

  it('summarises through the endpoint with only redacted text sent', async () => {
    const c = await h().request('POST', '/api/v1/cases', newCase({ messages }));
    const local = (await h().request('GET', `/api/v1/cases/${c.body.id}/prefill`)).body;
    configure(true);
    const res = await h().request('GET', `/api/v1/cases/${c.body.id}/prefill`);
    expect(res.status).toBe(200);
    expect(res.body.source).toBe('llm');
    expect(res.body.fallbackReason).toBeUndefined();
    expect(res.body.summary).toBe(goodPacket.summary.replace('[EMAIL_1]', pii.email));
    expect(res.body.packet).toMatchObject({
      whatHappened: goodPacket.whatHappened,
      attempted: goodPacket.attempted,
      emotion: local.packet.emotion,
      urgency: local.packet.urgency,
      documents: local.packet.documents,
    });
    expect(res.body.packet.documents.onFile).toContain('invoice');

    expect(fake.requests).toHaveLength(1);
    const [req] = fake.requests;
    expect(req!.headers.authorization).toBe('Bearer sk-e2e');
    for (const value of [...Object.values(pii), 'Maria', 'Lopez']) expect(req!.raw).not.toContain(value);
    expect(req!.raw).toContain('[CARD_1]');
  });

  it('falls back to the local summary and says why', async () => {
    const c = await h().request('POST', '/api/v1/cases', newCase({ messages }));
    const local = (await h().request('GET', `/api/v1/cases/${c.body.id}/prefill`)).body;
    configure(true);
    fake.answer(() => ({ status: 500, raw: '{"error":"overloaded"}' }));
    const res = await h().request('GET', `/api/v1/cases/${c.body.id}/prefill`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ ...local, source: 'local', fallbackReason: 'the endpoint answered HTTP 500' });
  });
});

const bin = join(import.meta.dirname, '../../bin/baton.js');

/** Runs `baton` without blocking, so the fake endpoint in this process can answer it. */
function run(args: string[], input: string, env: Record<string, string> = {}) {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('BATON_LLM_')));
  const child = spawn(process.execPath, [bin, ...args], { env: { ...clean, ...env } });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c) => {
    stdout += c;
  });
  child.stderr.on('data', (c) => {
    stderr += c;
  });
  child.stdin.end(input);
  return new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) =>
    child.on('close', (status) => resolve({ status, stdout, stderr })),
  );
}

describe('baton summarize --llm', () => {
  const input = [
    { id: 'd1', turns: messages },
    { id: 'd2', turns: [{ role: 'customer', text: 'Can I change my delivery address?' }] },
  ]
    .map((d) => JSON.stringify(d))
    .concat(['{oops'])
    .join('\n');
  const env = () => ({ BATON_LLM_URL: fake.url, BATON_LLM_MODEL: 'fake-model', BATON_LLM_API_KEY: 'sk-cli' });
  const lines = (stdout: string) =>
    stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));

  it('sends nothing without --llm, even when configured', async () => {
    const result = await run(['summarize', '--in', '-'], input, env());
    expect(result.status, result.stderr).toBe(0);
    expect(fake.requests).toHaveLength(0);
  });

  it('uses the endpoint, keeps the output contract and the input order', async () => {
    const local = await run(['summarize', '--in', '-'], input);
    const result = await run(['summarize', '--llm', '--in', '-'], input, env());
    expect(result.status, result.stderr).toBe(0);
    const out = lines(result.stdout);
    expect(out.map((o) => o.id)).toEqual(['d1', 'd2', null]);
    expect(Object.keys(out[0])).toEqual(['id', 'summary', 'packet']);
    expect(out[0].summary).toBe(goodPacket.summary.replace('[EMAIL_1]', pii.email));
    expect(out[0].packet.emotion).toBe(lines(local.stdout)[0].packet.emotion);
    expect(out[2]).toEqual({ id: null, error: 'invalid JSON' });
    expect(fake.requests).toHaveLength(2);
    for (const req of fake.requests) {
      expect(req.headers.authorization).toBe('Bearer sk-cli');
      for (const value of Object.values(pii)) expect(req.raw).not.toContain(value);
    }
  });

  it('prints exactly the local output when the endpoint fails, and says so on standard error', async () => {
    fake.answer(() => ({ status: 503, raw: '' }));
    const local = await run(['summarize', '--in', '-'], input);
    const result = await run(['summarize', '--llm', '--in', '-'], input, env());
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toBe(local.stdout);
    expect(result.stderr).toMatch(/d1: local summary \(the endpoint answered HTTP 503\)/);
  });

  it('exits 2 when --llm is asked for without configuration', async () => {
    const result = await run(['summarize', '--llm', '--in', '-'], input);
    expect(result.status, result.stderr).toBe(2);
    expect(result.stderr).toMatch(/BATON_LLM_URL/);
    expect(result.stdout).toBe('');
  });
});
