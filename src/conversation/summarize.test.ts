import { describe, expect, it } from 'vitest';
import { packetDraftSchema } from './conversation.types.ts';
import { summarizeDialog } from './summarize.ts';

const watch = [
  {
    role: 'customer' as const,
    text: '@AcmeSupport So neither my phone nor my watch are counting my steps, and the Health app ignores both. Any ideas? https://t.co/abc',
  },
  { role: 'agent' as const, text: '@123 Let’s look into this. Which software version are you running? ^JD' },
  { role: 'customer' as const, text: '@AcmeSupport I’ve restarted both and re-paired the watch already.' },
  {
    role: 'agent' as const,
    text: '@123 Thanks. Please DM us your serial number and we will check it further. ^JD',
  },
];

describe('summarizeDialog', () => {
  it('says what the customer reported and what the agent did, without Twitter noise', () => {
    const { summary } = summarizeDialog(watch);
    expect(summary).toMatch(
      /^Customer is complaining that neither their phone nor their watch are counting their steps/,
    );
    expect(summary).toMatch(/Agent asked the customer to DM us their serial number/);
    expect(summary).not.toMatch(/@|https?:|\^JD/);
  });

  it('pre-fills a valid packet', () => {
    const { summary, packet } = summarizeDialog(watch);
    expect(packetDraftSchema.parse(packet)).toEqual(packet);
    expect(packet.summary).toBe(summary);
    expect(packet.whatHappened).toMatch(/^Neither their phone nor their watch/);
    expect(packet.attempted).toEqual([
      'Customer: They have restarted both and re-paired the watch already',
      'Agent: Please DM us their serial number and we will check it further',
    ]);
    expect(packet.emotion).toBe('concerned');
    expect(packet.urgency).toBe('normal');
    expect(packet.nextSteps.length).toBeGreaterThan(0);
  });

  it('reads an angry, urgent customer and the documents', () => {
    const { packet } = summarizeDialog([
      { role: 'customer', text: 'There are 3 charges on my card I never made. This is FRAUD!!!' },
      {
        role: 'agent',
        text: 'I have blocked your card. Please send us a screenshot of your bank statement.',
      },
      { role: 'customer', text: 'Third time I explain this. Unacceptable, I want my money back NOW.' },
    ]);
    expect(packet.urgency).toBe('critical');
    expect(['frustrated', 'angry']).toContain(packet.emotion);
    expect(packet.documents).toEqual({ required: ['screenshot', 'bank_statement'], onFile: [] });
    expect(packet.nextSteps).toContain('Get the screenshot from the customer');
    expect(packet.nextSteps).toContain("Reply to the customer's latest message");
  });

  it('says when the customer confirms the fix', () => {
    const { summary, packet } = summarizeDialog([
      { role: 'customer', text: 'My router keeps dropping the connection every evening.' },
      { role: 'agent', text: 'Please restart the router and update its firmware.' },
      { role: 'customer', text: 'That worked, thanks!' },
    ]);
    expect(summary).toMatch(/Customer confirmed the issue is resolved\.$/);
    expect(packet.nextSteps).toContain('Confirm the fix with the customer and close the case');
  });

  it('copes with empty and agent-only conversations', () => {
    expect(summarizeDialog([]).summary).toBe('No conversation to summarise.');
    const agentOnly = summarizeDialog([{ role: 'bot', text: 'Hi! How can I help you today?' }]);
    expect(agentOnly.packet.whatHappened).toBe('The customer has not described the problem yet.');
    expect(agentOnly.packet.emotion).toBe('calm');
  });
});
