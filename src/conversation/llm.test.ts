import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type FakeLlm, goodPacket, startFakeLlm } from './llm.testing.ts';
import { LLM_TIMEOUT_MS, summarizeWithLlm } from './llm.ts';
import { personKnownValues } from './redact.ts';
import { summarizeDialog, type Turn } from './summarize.ts';

const pii = {
  email: 'maria.lopez@example.com',
  phone: '+44 20 7946 0958',
  card: '4111 1111 1111 1111',
  iban: 'GB82 WEST 1234 5698 7654 32',
  name: 'Maria Lopez',
};

const turns: Turn[] = [
  {
    role: 'customer',
    text: `Hi, I'm ${pii.name}. I was charged twice for my October invoice on card ${pii.card}. This is the third time I ask!!`,
  },
  { role: 'agent', text: 'I checked the payment ledger: there are two captures of 89.00 on 3 Oct.' },
  {
    role: 'customer',
    text: `Refund it to ${pii.iban} please, and email ${pii.email} or call ${pii.phone}. I've sent the invoice already.`,
  },
];

let fake: FakeLlm;
const llm = () => ({ url: fake.url, model: 'fake-model', apiKey: 'sk-test-123' });

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

describe('summarizeWithLlm', () => {
  it('never calls out without configuration', async () => {
    const result = await summarizeWithLlm(turns, undefined);
    expect(result).toEqual({ ...summarizeDialog(turns), source: 'local' });
    expect(fake.requests).toHaveLength(0);
  });

  it('uses the answer, re-personalised, and keeps emotion, urgency and documents local', async () => {
    const local = summarizeDialog(turns);
    const result = await summarizeWithLlm(turns, llm());
    expect(result.source).toBe('llm');
    expect(result.fallbackReason).toBeUndefined();
    expect(result.summary).toBe(goodPacket.summary.replace('[EMAIL_1]', pii.email));
    expect(result.packet).toEqual({
      ...local.packet,
      whatHappened: goodPacket.whatHappened,
      attempted: goodPacket.attempted,
      nextSteps: ['Refund the duplicate capture', `Confirm the refund to ${pii.email}`],
      summary: result.summary,
    });
  });

  it('sends only redacted text, to /chat/completions, with the key and the model', async () => {
    await summarizeWithLlm(turns, llm(), { known: personKnownValues(pii.name, pii.email) });
    expect(fake.requests).toHaveLength(1);
    const [req] = fake.requests;
    expect(req!.method).toBe('POST');
    expect(req!.path).toBe('/v1/chat/completions');
    expect(req!.headers.authorization).toBe('Bearer sk-test-123');
    expect(req!.body?.model).toBe('fake-model');
    for (const value of [...Object.values(pii), '4111111111111111', '79460958', 'Lopez'])
      expect(req!.raw).not.toContain(value);
    const user = req!.body?.messages?.at(-1)?.content ?? '';
    expect(user).toContain('[CARD_1]');
    expect(user).toContain('[IBAN_1]');
    expect(user).toContain('[EMAIL_1]');
    expect(user).toContain('[PHONE_1]');
    expect(user).toContain('[NAME_1]');
    expect(user).toContain('89.00 on 3 Oct');
  });

  it('keeps a URL that already ends in /chat/completions and sends no key when none is set', async () => {
    const result = await summarizeWithLlm(turns, {
      url: `${fake.url}/chat/completions`,
      model: 'fake-model',
    });
    expect(result.source).toBe('llm');
    expect(fake.requests[0]!.path).toBe('/v1/chat/completions');
    expect(fake.requests[0]!.headers.authorization).toBeUndefined();
  });

  it('reads a packet wrapped in a code fence', async () => {
    fake.answer(() => ({ content: `Here it is:\n\`\`\`json\n${JSON.stringify(goodPacket)}\n\`\`\`` }));
    expect((await summarizeWithLlm(turns, llm())).source).toBe('llm');
  });

  const failures: [string, () => object, RegExp][] = [
    ['a 500', () => ({ status: 500, raw: '{"error":"boom"}' }), /HTTP 500/],
    ['a 401', () => ({ status: 401, raw: '{"error":"bad key"}' }), /HTTP 401/],
    ['a body that is not JSON', () => ({ raw: '<html>oops' }), /not valid JSON/],
    ['a response that is not a chat completion', () => ({ raw: '{"result":"hi"}' }), /not a chat completion/],
    [
      'a message that is not JSON',
      () => ({ content: 'Sure! The customer was charged twice.' }),
      /not valid JSON/,
    ],
    [
      'a packet missing fields',
      () => ({ content: JSON.stringify({ summary: 'x', whatHappened: 'y' }) }),
      /schema \(attempted/,
    ],
    [
      'a packet with the wrong types',
      () => ({ content: JSON.stringify({ ...goodPacket, attempted: 'everything' }) }),
      /schema/,
    ],
  ];

  it.each(failures)('falls back to the local summary on %s', async (_name, reply, reason) => {
    fake.answer(reply);
    const result = await summarizeWithLlm(turns, llm());
    expect(result).toMatchObject({ ...summarizeDialog(turns), source: 'local' });
    expect(result.fallbackReason).toMatch(reason);
    expect(fake.requests).toHaveLength(1);
  });

  it('falls back when the answer comes after the timeout', async () => {
    fake.answer(() => ({ content: JSON.stringify(goodPacket), delayMs: 1500 }));
    const result = await summarizeWithLlm(turns, llm(), { timeoutMs: 200 });
    expect(result).toMatchObject({ source: 'local', fallbackReason: 'no answer within 200 ms' });
    expect(result.summary).toBe(summarizeDialog(turns).summary);
    expect(LLM_TIMEOUT_MS).toBe(8000);
  });

  it('falls back when nothing listens', async () => {
    const result = await summarizeWithLlm(turns, { url: 'http://127.0.0.1:9/v1', model: 'm' });
    expect(result.source).toBe('local');
    expect(result.fallbackReason).toMatch(/request failed/);
  });

  it('sends nothing for an empty conversation', async () => {
    const result = await summarizeWithLlm([], llm());
    expect(result.source).toBe('local');
    expect(fake.requests).toHaveLength(0);
  });
});
