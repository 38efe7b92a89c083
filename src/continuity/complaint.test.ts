import { describe, expect, it } from 'vitest';
import { isComplaint } from './complaint.ts';

describe('complaint detection', () => {
  it('spots complaints and threats to leave', () => {
    for (const t of [
      'I want to make a formal complaint.',
      'I will be contacting the ombudsman',
      'Let me speak to a manager now',
      'Please cancel my account, I am done',
      'This is unacceptable service',
      'I am switching to another provider',
    ]) {
      expect(isComplaint(t), t).toBe(true);
    }
  });
  it('leaves ordinary requests alone', () => {
    for (const t of [
      'Can you check my invoice?',
      'Thanks, that worked!',
      'My boiler is making a noise',
      'How do I cancel an appointment?',
    ]) {
      expect(isComplaint(t), t).toBe(false);
    }
  });
});
