import { describe, expect, it } from 'vitest';
import { dialogSentences } from './dialog.ts';
import { attemptedSteps, nextSteps, prefillPacket, whatHappened } from './prefill.ts';

const turns = [
  {
    role: 'customer' as const,
    text: "I can't log in to my account since yesterday. I've reset my password twice.",
  },
  { role: 'bot' as const, text: 'Please try clearing your browser cache.' },
  {
    role: 'agent' as const,
    text: "I've unlocked your account. We'll email you a new login link within 24 hours.",
  },
];
const sentences = dialogSentences(turns);

describe('prefill', () => {
  it('tells what happened in the third person', () => {
    expect(whatHappened(sentences)).toBe(
      "They can't log in to their account since yesterday. They have reset their password twice.",
    );
  });

  it('lists what the customer, the bot and the agent tried', () => {
    expect(attemptedSteps(sentences)).toEqual([
      'Customer: They have reset their password twice',
      'Bot: Please try clearing their browser cache',
      'Agent: We have unlocked their account',
    ]);
  });

  it('turns promises and missing documents into next steps', () => {
    expect(nextSteps(sentences, ['id_document'])).toEqual([
      "Keep the promise made: We'll email them a new login link within 24 hours",
      'Get the ID document from the customer',
    ]);
  });

  it('builds the whole packet', () => {
    const packet = prefillPacket(turns, sentences, 'summary text');
    expect(packet).toMatchObject({
      urgency: 'high',
      summary: 'summary text',
      documents: { required: [], onFile: [] },
    });
  });
});
