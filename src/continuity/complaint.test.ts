import { describe, expect, it } from 'vitest';
import { complaintSignals, isComplaint } from './complaint.ts';

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

  it('tells complaints, escalation requests and churn threats apart', () => {
    expect(complaintSignals('This is the worst customer service I have ever had')).toEqual(['complaint']);
    expect(complaintSignals('I want to lodge a complaint about your engineer')).toEqual(['complaint']);
    expect(complaintSignals('Put me through to your manager please')).toEqual(['escalation_request']);
    expect(complaintSignals('Can I talk to a supervisor? Nobody is helping')).toEqual(['escalation_request']);
    expect(complaintSignals("I'm cancelling my subscription today")).toEqual(['churn_threat']);
    expect(complaintSignals("Sort this out or I'm taking my business elsewhere")).toEqual(['churn_threat']);
    expect(
      complaintSignals('This is unacceptable. Escalate this to a manager or I will close my account'),
    ).toEqual(['complaint', 'escalation_request', 'churn_threat']);
  });

  it('does not fire on messages that only look like a signal', () => {
    for (const t of [
      'Can you check my invoice?',
      'Thanks, that worked!',
      'My boiler is making a noise',
      'How do I cancel an appointment?',
      'Can I speak to someone about upgrading?',
      'Could I talk to a manager about adding users to our plan?',
      "I'm cancelling my old card, here are the new card details",
      'Please cancel my appointment on Friday, I will rebook',
      "I don't want to cancel my account, I just want the bill fixed",
      "I'm not complaining, just asking when the engineer comes",
      'No complaints about the engineer, he was great',
      'My manager asked me to send you the invoice',
      'We are moving house next month, please update the address',
      'Can I end the call and ring back later?',
    ]) {
      expect(complaintSignals(t), t).toEqual([]);
    }
  });
});
