import { describe, expect, it } from 'vitest';
import {
  chatCompletionsUrl,
  chatRequestBody,
  mergeAnswer,
  parseChatResponse,
  redactedTranscript,
} from './llm-prompt.ts';
import { createRedactor } from './redact.ts';
import { summarizeDialog, type Turn } from './summarize.ts';

const completion = (content: unknown) => ({ choices: [{ message: { role: 'assistant', content } }] });
const packet = { whatHappened: 'w', attempted: ['a'], nextSteps: ['n'], summary: 's' };

describe('chatCompletionsUrl', () => {
  it.each([
    ['http://localhost:11434/v1', 'http://localhost:11434/v1/chat/completions'],
    ['https://api.example.com/v1/', 'https://api.example.com/v1/chat/completions'],
    ['https://api.example.com/v1/chat/completions', 'https://api.example.com/v1/chat/completions'],
    [' https://x.example/openai/chat/completions/ ', 'https://x.example/openai/chat/completions'],
  ])('%s -> %s', (base, url) => {
    expect(chatCompletionsUrl(base)).toBe(url);
  });
});

describe('redactedTranscript', () => {
  it('labels the roles and redacts each turn with one map', () => {
    const r = createRedactor();
    const text = redactedTranscript(
      [
        { role: 'customer', text: 'Mail me at a@example.com\n please' },
        { role: 'bot', text: 'Noted a@example.com.' },
        { role: 'agent', text: 'Done.' },
      ],
      r,
    );
    expect(text).toBe('Customer: Mail me at [EMAIL_1] please\nBot: Noted [EMAIL_1].\nAgent: Done.');
  });

  it('keeps the first turn and the latest ones within the budget', () => {
    const turns: Turn[] = Array.from({ length: 50 }, (_, i) => ({
      role: i % 2 ? 'agent' : 'customer',
      text: `message ${i} ${'x'.repeat(80)}`,
    }));
    const text = redactedTranscript(turns, createRedactor(), 1000);
    expect(text.length).toBeLessThanOrEqual(1000 + 40);
    const lines = text.split('\n');
    expect(lines[0]).toMatch(/^Customer: message 0 /);
    expect(lines[1]).toMatch(/^\[\d+ earlier messages left out\]$/);
    expect(lines.at(-1)).toMatch(/^Agent: message 49 /);
  });
});

describe('chatRequestBody', () => {
  it('asks for a JSON object with the model', () => {
    const body = chatRequestBody('m', 'Customer: hi');
    expect(body).toMatchObject({ model: 'm', response_format: { type: 'json_object' } });
    expect(body.messages[0]!.content).toMatch(/whatHappened.*\n.*attempted/s);
    expect(body.messages[1]!.content).toBe('Conversation:\nCustomer: hi');
  });
});

describe('parseChatResponse', () => {
  it('accepts a packet, bare or fenced or inside a sentence', () => {
    for (const content of [
      JSON.stringify(packet),
      `\`\`\`json\n${JSON.stringify(packet)}\n\`\`\``,
      `Sure: ${JSON.stringify(packet)} Hope it helps.`,
    ])
      expect(parseChatResponse(completion(content))).toEqual({ ok: true, answer: packet });
  });

  it('trims the fields', () => {
    const answer = parseChatResponse(completion(JSON.stringify({ ...packet, summary: '  s \n' })));
    expect(answer).toMatchObject({ ok: true, answer: { summary: 's' } });
  });

  it.each([
    [{}, /not a chat completion/],
    [{ choices: [] }, /not a chat completion/],
    [completion(null), /not valid JSON/],
    [completion('no json here'), /not valid JSON/],
    [completion('{"summary": '), /not valid JSON/],
    [completion(JSON.stringify({ ...packet, summary: '' })), /schema \(summary/],
    [completion(JSON.stringify({ ...packet, nextSteps: [1] })), /schema \(nextSteps\.0/],
    [completion(JSON.stringify({ ...packet, attempted: Array(13).fill('a') })), /schema \(attempted/],
  ])('rejects %j', (body, reason) => {
    const parsed = parseChatResponse(body);
    expect(parsed.ok).toBe(false);
    expect(parsed.ok === false && parsed.reason).toMatch(reason);
  });
});

describe('mergeAnswer', () => {
  it('keeps the local lists when the answer has none, and the local analysis always', () => {
    const local = summarizeDialog([
      { role: 'customer', text: 'I was charged twice, this is unacceptable!' },
      { role: 'agent', text: "I've issued a refund." },
    ]);
    const merged = mergeAnswer(local, { ...packet, attempted: [], nextSteps: [] }, createRedactor());
    expect(merged.packet).toEqual({
      ...local.packet,
      whatHappened: 'w',
      summary: 's',
    });
    expect(merged.summary).toBe('s');
  });
});
