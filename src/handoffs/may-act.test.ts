import { describe, expect, it } from 'vitest';
import { senderMay } from './may-act.ts';

describe('what a sender may do to their own handoff', () => {
  it('finishes, sends or cancels a draft; recalls a sent handoff nobody accepted; nothing else', () => {
    for (const a of ['packet', 'send', 'cancel']) expect(senderMay(a, 'draft'), a).toBe(true);
    expect(senderMay('cancel', 'sent')).toBe(true);
    for (const a of ['accept', 'bounce', 'resolve', 'reassign', 'pause', 'resume', 'send', 'packet'])
      expect(senderMay(a, 'sent'), a).toBe(false);
    for (const state of ['accepted', 'bounced', 'resolved', 'cancelled'])
      for (const a of ['cancel', 'resolve', 'send']) expect(senderMay(a, state), `${a} ${state}`).toBe(false);
  });
});
