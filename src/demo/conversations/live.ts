import { type DemoCase, packet } from '../script.ts';

/**
 * What is on the queues right now: anchored to the moment the demo loads (in the receiving team's
 * business minutes), so their SLA countdowns look the same whenever a newcomer starts Baton.
 */
export const liveCases: DemoCase[] = [
  {
    ref: 'NW-48480',
    subject: 'Refund promised two weeks ago still not here',
    customer: {
      externalId: 'C-13560',
      name: 'Callum Fraser',
      email: 'callum.fraser@example.co.uk',
      timezone: 'Europe/London',
      language: 'en-GB',
    },
    channel: 'web',
    issueType: 'billing',
    start: { businessAgo: 195, team: 'finance' },
    documents: [{ kind: 'receipt', name: 'boiler-part-receipt-149.pdf' }],
    talk: `
      -45 customer: I was told on the 3rd that the £149 I paid for a part under warranty would be refunded in 5-7 days. It's been two weeks. Receipt attached again
      -6 amara: Hi Callum, I'm sorry. I can see the refund was approved but never paid out. I'm sending it to Finance now as urgent, they'll confirm today
      140 customer: still waiting. I've already explained this to two of your people, the £149 for the warranty part. Does anyone actually read these?
    `,
    acts: [
      [
        0,
        {
          handoff: 'fin',
          scenario: 'billing-to-finance',
          by: 'amara',
          packet: packet({
            what: 'A £149 refund for a part covered by warranty was approved on the 3rd but never paid out; promised in 5-7 days, now two weeks.',
            tried: ['Found the approved refund with no payment run against it'],
            emotion: 'frustrated',
            urgency: 'high',
            onFile: ['receipt'],
            next: ['Pay the £149 refund today', 'Confirm to the customer by email'],
            summary: 'Approved refund stuck for two weeks; customer has chased twice.',
          }),
        },
      ],
    ],
  },
  {
    ref: 'NW-48486',
    subject: 'Invoices with the property address for my tax return',
    customer: {
      externalId: 'C-10664',
      name: 'Arjun Mehta',
      email: 'arjun.mehta@example.ca',
      timezone: 'America/Toronto',
      language: 'en-CA',
    },
    channel: 'email',
    issueType: 'billing',
    start: { ago: 40 },
    talk: `
      0 customer: Hi, I rent out a flat in Croydon (22B Chapel Walk) and live in Toronto. My accountant needs this year's invoices showing the property address, not my Canadian one. Can you reissue them?
      25 note/sofia: Drafting a Finance handoff, need to check how many invoices first
    `,
    acts: [
      [
        30,
        {
          handoff: 'fin',
          scenario: 'billing-to-finance',
          by: 'sofia',
          draft: true,
          packet: {
            whatHappened:
              "Overseas landlord needs this year's invoices reissued with the property address (22B Chapel Walk, Croydon) for his tax return.",
            attempted: ['Checked the account: billing address is in Toronto'],
            documents: { required: ['invoice'], onFile: [] },
          },
        },
      ],
    ],
  },
  {
    ref: 'NW-48483',
    subject: 'Chat bot could not help with a boiler error code',
    customer: {
      externalId: 'C-14881',
      name: 'Hyun-woo Park',
      email: 'hw.park@example.com',
      timezone: 'Europe/London',
      language: 'ko',
    },
    channel: 'bot',
    issueType: 'repair',
    start: { businessAgo: 3, team: 'support' },
    talk: `
      -4 customer: boiler says EA and no heat
      -4 bot: Here's how to reset your boiler: press and hold the reset button for 5 seconds.
      -3 customer: did that 3 times. still EA
      -2 bot: I'm sorry that didn't work. Would you like to talk to a person?
      -1 customer: yes
      2 customer: hello? anyone there
    `,
    acts: [
      [
        0,
        {
          handoff: 'human',
          scenario: 'bot-to-human',
          by: 'bot',
          packet: packet({
            what: 'Boiler shows EA (no flame detected), no heating. Customer reset it three times as the bot suggested.',
            tried: ['Bot reset instructions (3 resets)'],
            emotion: 'concerned',
            urgency: 'high',
            next: ['Check the gas supply with the customer', 'Book an engineer'],
          }),
        },
      ],
    ],
  },
  {
    ref: 'NW-48481',
    subject: 'Tenant cannot let the engineer in, I am abroad',
    customer: {
      externalId: 'C-12940',
      name: 'Fatoumata Diallo',
      email: 'f.diallo@example.fr',
      timezone: 'Europe/Paris',
      language: 'fr',
    },
    channel: 'email',
    issueType: 'appointment',
    start: { businessAgo: 70, team: 'tier2' },
    talk: `
      -60 customer: Bonjour, I own a flat in Manchester (Flat 4, 17 Wilmslow Road). My tenant works nights and cannot be there for the gas safety check on Thursday. The certificate expires next week. Can your engineer collect a key from the letting office? Merci
      -4 sofia: Bonjour Madame Diallo, thank you. Key collection needs a Tier 2 arrangement, I have passed it on with all the details so you will not need to repeat them.
    `,
    acts: [
      [
        0,
        {
          handoff: 't2',
          scenario: 'tier1-to-tier2',
          by: 'sofia',
          packet: packet({
            what: "Landlord abroad; tenant works nights and cannot give access for Thursday's gas safety check. Certificate expires next week. Landlord proposes key collection from the letting office.",
            tried: ['Checked the booking: Thursday AM, gas safety check'],
            emotion: 'concerned',
            urgency: 'high',
            need: ['contract'],
            next: [
              'Arrange key collection with the letting office',
              'Confirm the visit before the certificate expires',
            ],
            summary: 'Access problem for a gas safety check; legal deadline next week.',
          }),
        },
      ],
    ],
  },
  {
    ref: 'NW-48484',
    subject: 'Boiler condemned, quoted £2,900 despite my cover',
    customer: {
      externalId: 'C-06275',
      name: 'Craig Mitchell',
      email: 'craig.mitchell@example.co.uk',
      timezone: 'Europe/London',
      language: 'en-GB',
    },
    channel: 'chat',
    issueType: 'complaint',
    start: { ago: 16 },
    talk: `
      0 customer: your engineer just put a DO NOT USE sticker on my boiler and quoted me £2,900 for a new one. I have paid you for cover for 4 years. what exactly have I been paying for
      2 lucas: Hi Craig, I'm sorry, that's a horrible surprise. Let me look at the engineer's report
      5 customer: I've got two kids and no heating and you want 3 grand. absolutely disgraceful
      7 lucas: The report says the heat exchanger is cracked and the boiler is 17 years old. Your plan covers repairs but not replacement over 15 years, I know that's not what you want to hear
      8 customer: nobody ever told me that. I want to cancel everything and I want my money back. get me someone senior
      9 lucas: I'm getting a supervisor for you right now
    `,
    acts: [
      [
        10,
        {
          handoff: 'sup',
          scenario: 'agent-to-supervisor',
          by: 'lucas',
          packet: packet({
            what: 'Boiler condemned (cracked heat exchanger, 17 years old); replacement quoted at £2,900. The plan excludes replacement of boilers over 15 years; customer says he was never told and wants to cancel with a refund.',
            tried: ['Read the engineer report', 'Explained the age exclusion'],
            emotion: 'angry',
            urgency: 'critical',
            next: [
              'Call the customer now',
              'Review the exclusion disclosure at sale',
              'Offer temporary heating and replacement options',
            ],
            summary: 'Angry 4-year customer, no heating with children, churn and complaint risk.',
          }),
        },
      ],
    ],
  },
  {
    ref: 'NW-48485',
    subject: 'Tap dripping after the plumber visit, needs a video',
    customer: {
      externalId: 'C-11507',
      name: 'Olumide Adebayo',
      email: 'olumide.adebayo@example.com',
      timezone: 'Europe/London',
      language: 'en-GB',
    },
    channel: 'voice',
    issueType: 'repair',
    start: { businessAgo: 6, team: 'support' },
    openedBy: 'amara',
    talk: `
      -9 customer: hi, your plumber fixed my bathroom tap yesterday and now it drips when it's off. Not loads but constantly
      -7 amara: Sorry about that Olumide. A short video would help us see if it's the cartridge. I'll move you to chat so you can send it
      -6 customer: ok sure
    `,
    acts: [
      [
        0,
        {
          handoff: 'chat',
          scenario: 'voice-to-chat',
          by: 'amara',
          packet: packet({
            what: 'Bathroom mixer tap repaired yesterday (job J-56021) now drips constantly when off.',
            tried: ['Checked the job sheet: washer replaced, cartridge not'],
            emotion: 'calm',
            urgency: 'normal',
            need: ['video'],
            next: ['Get a short video of the tap', 'Book a return visit under the repair guarantee'],
          }),
        },
      ],
    ],
  },
  {
    ref: 'NW-48482',
    subject: 'Thermostat ignores my weekend schedule',
    customer: {
      externalId: 'C-13118',
      name: 'Sarah Jennings',
      email: 'sarah.jennings@example.com',
      timezone: 'Europe/London',
      language: 'en-GB',
    },
    channel: 'web',
    issueType: 'technical',
    start: { businessAgo: 150, team: 'engineering' },
    talk: `
      -30 customer: Since last week the thermostat runs the weekday schedule on Saturdays and Sundays too, so the heating comes on at 6am. The app shows the weekend schedule correctly
      -5 amara: Hi Sarah, thanks. I've checked your settings and they look right, so I've sent it to our engineers with the details
      100 customer: Any news? It did it again this morning
    `,
    acts: [
      [
        0,
        {
          handoff: 'eng',
          scenario: 'tech-to-engineering',
          by: 'amara',
          packet: packet({
            what: 'ST-2 thermostat applies the weekday schedule at weekends since last week, although the app shows the weekend schedule correctly.',
            tried: [
              'Checked the schedule in the admin console: weekend program saved',
              'Asked the customer to re-save the schedule',
            ],
            emotion: 'concerned',
            urgency: 'normal',
            next: ['Check how firmware 4.8.x reads the weekend program'],
          }),
        },
      ],
    ],
  },
];
