import { type DemoCase, packet } from '../script.ts';

/** The last few days: work still in progress, and the everyday questions Tier 1 answers alone. */
export const recentCases: DemoCase[] = [
  {
    ref: 'NW-48444',
    subject: 'Portal will not accept my sort code for the direct debit',
    customer: {
      externalId: 'C-14702',
      name: 'Yusuf Demir',
      email: 'yusuf.demir@example.com.tr',
      timezone: 'Europe/Istanbul',
      language: 'tr',
    },
    channel: 'email',
    issueType: 'technical',
    start: { day: 1, at: '14:40' },
    talk: `
      0 customer: Hello, I am trying to set up direct debit on your website for my flat in Bristol. It says "invalid sort code" for 08-92-99, which is my bank's correct sort code (Co-operative Bank). I live in Istanbul so I cannot easily call. Please help.
      20 lucas: Dear Mr Demir, thank you. Your sort code is valid, so this looks like a fault on our side. I've passed it to our Tier 2 team to confirm, and we'll reply by email.
      55 @t2: Dear Mr Demir, I can confirm the portal wrongly rejects sort codes starting with 08. Our engineers are fixing it. Meanwhile I can set up the direct debit for you by email if you reply with your account number.
      80 customer: Thank you, I prefer to wait for the website, I do not like to send account numbers by email.
    `,
    acts: [
      [
        22,
        {
          handoff: 't2',
          scenario: 'tier1-to-tier2',
          by: 'lucas',
          packet: packet({
            what: 'Direct debit form on the portal rejects sort code 08-92-99 (Co-operative Bank) as invalid. Customer lives in Istanbul, email only.',
            tried: ['Checked the sort code: valid'],
            emotion: 'calm',
            urgency: 'normal',
            next: ['Confirm the portal fault', 'Offer another way to set up the direct debit'],
          }),
        },
      ],
      [45, { accept: 't2' }],
      [
        100,
        {
          handoff: 'eng',
          scenario: 'tech-to-engineering',
          by: '@t2',
          packet: packet({
            what: 'Portal direct debit form rejects every sort code that starts with 08 (the validation strips the leading zero). Reproduced with 08-92-99 and 08-60-01.',
            tried: [
              'Reproduced on the portal with two valid 08 sort codes',
              'Offered the customer a manual mandate (declined)',
            ],
            emotion: 'calm',
            urgency: 'normal',
            next: [
              'Fix the sort code validation',
              'Tell Tier 2 when it is live so they can tell the customer',
            ],
            summary: 'Portal validation bug blocks direct debits for 08 sort codes.',
          }),
        },
      ],
    ],
  },
  {
    ref: 'NW-48450',
    subject: 'Returning the smart thermostat I bought, refund?',
    customer: {
      externalId: 'C-14455',
      name: 'Laura Bennett',
      email: 'laura.bennett@example.co.uk',
      timezone: 'Europe/London',
      language: 'en-GB',
    },
    channel: 'web',
    issueType: 'billing',
    start: { day: 1, at: '16:40' },
    documents: [{ kind: 'receipt', name: 'order-ST2-55810.pdf' }],
    talk: `
      0 customer: I bought an ST-2 thermostat 20 days ago, it's not compatible with my heat pump after all. It's unopened. Can I return it for a refund? Order receipt attached
      32 amara: Hi Laura, yes, unopened items can be returned within 30 days. I'll email you a returns label, and the refund goes through once it's back with us
      34 note/amara: Started a Finance handoff for the refund, to finish once the parcel is scanned
    `,
    acts: [
      [
        35,
        {
          handoff: 'fin',
          scenario: 'billing-to-finance',
          by: 'amara',
          draft: true,
          packet: {
            whatHappened:
              "Unopened ST-2 thermostat (order 55810, £129) returned within 30 days: not compatible with the customer's heat pump.",
            documents: { required: [], onFile: ['receipt'] },
            urgency: 'low',
          },
        },
      ],
    ],
  },
  {
    ref: 'NW-48200',
    subject: 'Upgrade from HomeCover to HomeCover Plus',
    customer: {
      externalId: 'C-08841',
      name: 'Michael Osei',
      email: 'michael.osei@example.com',
      timezone: 'Europe/London',
      language: 'en-GB',
    },
    channel: 'web',
    issueType: 'plan',
    start: { day: 11, at: '20:40' },
    talk: `
      0 customer: What's the difference between HomeCover and HomeCover Plus, and can I upgrade mid-year?
      1@08:15 sofia: Hi Michael, Plus adds plumbing and drains and the electrics to what you have, for £7 a month more. You can upgrade any time, the new price starts from your next payment. Shall I switch you?
      1@09:02 customer: Yes please go ahead
      1@09:10 sofia: Done! You're on HomeCover Plus from today. Your new schedule is in the portal
    `,
  },
  {
    ref: 'NW-48410',
    subject: 'Book my annual boiler service',
    customer: {
      externalId: 'C-10977',
      name: 'Daniel Okoro',
      email: 'daniel.okoro@example.co.uk',
      timezone: 'Europe/London',
      language: 'en-GB',
    },
    channel: 'chat',
    issueType: 'appointment',
    start: { day: 3, at: '13:25' },
    talk: `
      0 customer: hey can i book my annual service, any sat mornings?
      1 lucas: Hi Daniel! Saturdays are popular, the first free one is the 12th, 8am to 12pm. Or a weekday from next Tuesday
      2 customer: the 12th is fine
      3 lucas: Booked: Saturday the 12th, 8am to 12pm. You'll get a text the day before with the engineer's name
      3 customer: legend thanks
    `,
  },
];
