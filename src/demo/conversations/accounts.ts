import { type DemoCase, packet } from '../script.ts';

/** Accounts and plans: moving house, cancelling, bereavement, personal data. */
export const accountCases: DemoCase[] = [
  {
    ref: 'NW-48095',
    subject: 'Moving house, can I take my cover with me?',
    customer: {
      externalId: 'C-07350',
      name: 'Emily Foster',
      email: 'emily.foster@example.co.uk',
      timezone: 'Europe/London',
      language: 'en-GB',
    },
    channel: 'chat',
    issueType: 'account',
    start: { day: 15, at: '11:15' },
    talk: `
      0 customer: Hi! We're moving on the 28th. Can I move my HomeCover to the new house or do I have to cancel and start again?
      1 sofia: Congratulations on the move! You can usually move it, but the new boiler needs checking first. Is it a gas combi?
      3 customer: yes, a Worcester, about 6 years old I think
      5 sofia: Perfect. Moves with a boiler check go through our Tier 2 team, they'll set it up and book the check. I'll send them your details
      6 customer: great thanks
      90 @t2: Hi Emily, all set: your cover moves to 8 Orchard Close from the 28th, and a free boiler check is booked for the 2nd. Your new contract is in the portal
      95 customer: Amazing, thank you both 😊
    `,
    acts: [
      [
        6,
        {
          handoff: 't2',
          scenario: 'tier1-to-tier2',
          by: 'sofia',
          packet: packet({
            what: 'Customer moving on the 28th to 8 Orchard Close; wants to transfer HomeCover. New boiler: Worcester gas combi, about 6 years old.',
            tried: ['Confirmed the boiler type and age'],
            emotion: 'calm',
            urgency: 'low',
            next: ['Transfer the plan to the new address from the 28th', 'Book the boiler check'],
          }),
        },
      ],
      [40, { accept: 't2' }],
      [88, { doc: 'contract', name: 'homecover-8-orchard-close.pdf', by: '@t2' }],
      [89, { resolve: 't2' }],
      [120, { rate: '5' }],
    ],
  },
  {
    ref: 'NW-48105',
    subject: 'Cancelling within 14 days, please refund',
    customer: {
      externalId: 'C-14233',
      name: 'Jonathan Pike',
      email: 'jon.pike@example.com',
      timezone: 'Europe/London',
      language: 'en-GB',
    },
    channel: 'email',
    issueType: 'billing',
    start: { day: 14, at: '13:00' },
    talk: `
      0 customer: I took out appliance cover 9 days ago and have changed my mind. I'd like to cancel and get the £14.99 back.
      30 lucas: Hi Jonathan, no problem, you're within the 14-day cooling-off period. Could you send us the policy schedule from your welcome email so we cancel the right plan? You have two with us.
      95 customer: Attached.
      150 @fin: Hi Jonathan, your appliance cover is cancelled and £14.99 has been refunded to your card. Your boiler cover is unaffected.
    `,
    acts: [
      [31, { ask: 'contract', by: 'lucas' }],
      [94, { doc: 'contract', name: 'appliance-cover-schedule.pdf' }],
      [
        100,
        {
          handoff: 'fin',
          scenario: 'billing-to-finance',
          by: 'lucas',
          packet: packet({
            what: 'Cancellation within the 14-day cooling-off period of appliance cover (policy AC-77120); the first payment of £14.99 is to be refunded in full.',
            tried: [
              'Confirmed the start date (9 days ago)',
              'Got the policy schedule to pick the right plan of two',
            ],
            emotion: 'calm',
            urgency: 'normal',
            onFile: ['contract'],
            next: ['Cancel AC-77120 and refund £14.99', 'Keep the boiler cover running'],
          }),
        },
      ],
      [130, { accept: 'fin' }],
      [148, { resolve: 'fin' }],
      [200, { rate: 'good' }],
    ],
  },
  {
    ref: 'NW-48145',
    subject: "Closing my late father's account",
    customer: {
      externalId: 'C-01207',
      name: 'Claire Donnelly',
      email: 'claire.donnelly@example.co.uk',
      timezone: 'Europe/London',
      language: 'en-GB',
    },
    channel: 'voice',
    issueType: 'account',
    start: { day: 13, at: '10:30' },
    openedBy: 'amara',
    talk: `
      0 customer: Hello. I'm calling because my father, Brian Donnelly, passed away two weeks ago and I need to close his boiler cover. I'm his executor
      1 amara: I'm very sorry for your loss, Claire. I'll take care of this with you. I'll just need a copy of the death certificate and we'll do the rest
      3 customer: I can email it today. He paid yearly, I think in March
      5 amara: Then part of this year's payment will come back to the estate. Our bereavement team in Tier 2 will handle everything from here, and you won't have to go through it again
      6 customer: thank you, that's kind
      1@10:25 @t2: Dear Claire, thank you for sending the certificate. Your father's cover has been closed from the date of his passing. Our Finance team will refund £96.40 to the estate account
      2@15:10 @fin: Dear Claire, the refund of £96.40 has been paid to the estate account. With our condolences, Northwind Finance
    `,
    acts: [
      [
        7,
        {
          handoff: 't2',
          scenario: 'tier1-to-tier2',
          by: 'amara',
          packet: packet({
            what: 'Bereavement: Brian Donnelly died two weeks ago; his daughter Claire (executor) asks to close his boiler cover. Paid annually in March.',
            tried: ['Explained the pro-rata refund', 'Asked for the death certificate'],
            emotion: 'calm',
            urgency: 'normal',
            need: ['death_certificate'],
            next: ['Close the policy from the date of death', 'Arrange the pro-rata refund to the estate'],
            summary: 'Bereavement closure; handle gently, one contact for Claire.',
          }),
        },
      ],
      [50, { accept: 't2' }],
      [185, { doc: 'death_certificate', name: 'certificate-b-donnelly.pdf' }],
      ['1@10:15', { doc: 'bank_statement', name: 'estate-account-letter.pdf' }],
      [
        '1@10:20',
        {
          handoff: 'fin',
          scenario: 'billing-to-finance',
          by: '@t2',
          packet: packet({
            what: 'Policy of the late Brian Donnelly closed from the date of death; pro-rata refund of £96.40 of the annual premium is due to the estate.',
            tried: ['Closed the policy', 'Calculated the pro-rata refund'],
            emotion: 'calm',
            urgency: 'normal',
            onFile: ['death_certificate', 'bank_statement'],
            next: ['Pay £96.40 to the estate account'],
            summary: 'Bereavement refund to the estate.',
          }),
        },
      ],
      ['1@10:30', { resolve: 't2' }],
      ['1@13:30', { accept: 'fin' }],
      ['2@15:00', { resolve: 'fin' }],
      ['2@16:30', { rate: '4' }],
    ],
  },
  {
    ref: 'NW-48225',
    subject: 'Subject access request: all personal data you hold',
    customer: {
      externalId: 'C-09902',
      name: 'Henrik Sørensen',
      email: 'henrik.sorensen@example.dk',
      timezone: 'Europe/Copenhagen',
      language: 'da',
    },
    channel: 'email',
    issueType: 'account',
    start: { day: 9, at: '09:10' },
    talk: `
      0 customer: Under UK GDPR I request a copy of all personal data Northwind holds about me, including call recordings.
      Henrik Sørensen
      40 lucas: Dear Mr Sørensen, thank you, we've received your request and passed it on.
      1@09:30 lucas: Dear Mr Sørensen, our Data Protection Officer handles these requests directly. I've forwarded your email to privacy@northwind.example; they will reply within one month as the law requires.
      1@09:45 customer: Noted, thank you.
    `,
    acts: [
      [
        42,
        {
          handoff: 't2',
          scenario: 'tier1-to-tier2',
          by: 'lucas',
          packet: packet({
            what: 'Subject access request under UK GDPR: all personal data including call recordings.',
            tried: ['Acknowledged receipt'],
            emotion: 'calm',
            urgency: 'normal',
            next: ['Compile the customer data'],
          }),
        },
      ],
      [
        90,
        {
          bounce: 't2',
          reason: 'not_ours',
          note: 'Subject access requests go to the Data Protection Officer (privacy@), who has a one-month legal deadline. Forward it there.',
        },
      ],
    ],
  },
  {
    ref: 'NW-48300',
    subject: 'Charged for a visit I never booked?',
    customer: {
      externalId: 'C-12588',
      name: 'Beatriz Santos',
      email: 'beatriz.santos@example.pt',
      timezone: 'Europe/Lisbon',
      language: 'pt-PT',
    },
    channel: 'chat',
    issueType: 'appointment',
    start: { day: 8, at: '14:00' },
    talk: `
      0 customer: Hi, I got an email confirming a visit on Friday that I never booked and it says £95. I don't want it
      3 lucas: Hi Beatriz, let me check. I'll get our Finance team to look at the £95
      1@09:20 @t2: Hi Beatriz, the Friday visit was booked in error against your account: it belonged to a neighbour with a similar address. I've cancelled it and nothing was ever charged; the £95 in the email was just the quote
      1@09:31 customer: phew ok. thanks!
    `,
    acts: [
      [
        4,
        {
          handoff: 'fin',
          scenario: 'billing-to-finance',
          by: 'lucas',
          packet: packet({
            what: 'Customer received a booking confirmation for a £95 visit on Friday she did not book.',
            tried: ['Found the booking on her account'],
            emotion: 'concerned',
            urgency: 'normal',
            next: ['Check the £95 charge'],
          }),
        },
      ],
      [
        70,
        {
          bounce: 'fin',
          reason: 'wrong_team',
          note: 'Nothing was charged: £95 is the quote on an unwanted booking. This is a booking error for Tier 2, not a billing matter.',
        },
      ],
      [
        80,
        {
          handoff: 't2',
          scenario: 'tier1-to-tier2',
          by: 'lucas',
          previous: 'fin',
          packet: packet({
            what: "A visit on Friday (£95 quote) was booked on the customer's account; she did not book it. Nothing was charged (Finance checked).",
            tried: ['Finance confirmed no payment was taken'],
            emotion: 'concerned',
            urgency: 'normal',
            next: [
              'Find who booked the visit and cancel it',
              'Confirm to the customer that nothing is charged',
            ],
          }),
        },
      ],
      [150, { accept: 't2' }],
      ['1@09:25', { resolve: 't2' }],
      ['1@11:00', { rate: '2', comment: 'I had to explain the whole thing again to the second person.' }],
    ],
  },
];
