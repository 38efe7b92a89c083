import { type DemoCase, packet } from '../script.ts';

/** Boilers, leaks and electrics: visits, missed visits, and the customers behind them. */
export const repairCases: DemoCase[] = [
  {
    ref: 'NW-48125',
    subject: 'No heating or hot water with a newborn, engineer did not turn up',
    customer: {
      externalId: 'C-14002',
      name: 'Kayleigh Brooks',
      email: 'kayleigh.brooks@example.co.uk',
      timezone: 'Europe/London',
      language: 'en-GB',
    },
    channel: 'voice',
    issueType: 'repair',
    start: { day: 14, at: '08:10' },
    openedBy: 'amara',
    talk: `
      0 customer: I've got a three week old baby and no heating or hot water since Saturday. Your engineer was meant to come yesterday between 8 and 1 and NOBODY came. Nobody called. I'm boiling kettles to bath her
      1 amara: I'm so sorry Kayleigh. That's awful with a newborn. Let me look at what happened to yesterday's visit
      3 customer: I don't want sorry I want someone here today
      5 amara: I understand. The visit was cancelled in our system because the engineer was off sick and it wasn't rebooked. That's our failure. I'm getting my supervisor on this now, they can authorise an emergency visit
      6 customer: how long
      8 amara: I'll stay on the line while I do it
      14 @s1: Kayleigh, this is Diana, I supervise the team. I've booked an emergency engineer, Mark, he'll be with you by 11 today. I'm also sending two electric heaters by courier this morning, no charge
      15 customer: ok. thank you. sorry for shouting
      16 @s1: You have nothing to apologise for. I'll call you at 1 to make sure it's fixed
      3@13:05 @s1: Called Kayleigh: boiler fixed (failed PCB), heaters arrived. Credited one month of cover. She's OK now
    `,
    acts: [
      [
        9,
        {
          handoff: 's1',
          scenario: 'agent-to-supervisor',
          by: 'amara',
          packet: packet({
            what: "No heating or hot water since Saturday in a home with a 3-week-old baby. Yesterday's 8-1 visit was cancelled internally (engineer sick) and never rebooked; no one told the customer.",
            tried: [
              'Checked the booking history: cancelled, not rebooked',
              'Apologised; customer is angry and asking for a visit today',
            ],
            emotion: 'angry',
            urgency: 'critical',
            next: [
              'Authorise an emergency visit today',
              'Offer temporary heaters',
              'Call the customer back after the visit',
            ],
            summary: 'Vulnerable household (newborn), missed visit never rebooked.',
          }),
        },
      ],
      [12, { accept: 's1' }],
      [200, { resolve: 's1' }],
      [260, { rate: '4' }],
    ],
  },
  {
    ref: 'NW-48160',
    subject: 'Leak under the kitchen sink, can I send photos?',
    customer: {
      externalId: 'C-11290',
      name: 'Samir Haddad',
      email: 'samir.haddad@example.com',
      timezone: 'Europe/London',
      language: 'en-GB',
    },
    channel: 'voice',
    issueType: 'repair',
    start: { day: 12, at: '09:05' },
    openedBy: 'amara',
    talk: `
      0 customer: hiya, there's water coming from under the kitchen sink, not loads but the cupboard floor is soaked. I've turned the stop tap off
      1 amara: Good call turning the stop tap off. Is it coming from the pipes or the waste?
      2 customer: no idea to be honest, it's all wet
      4 amara: Photos would help the plumber bring the right parts. I'm moving you to chat so you can send them, a colleague will pick it up in a few minutes and they'll have everything we said
      5 customer: ok
      12 lucas: Hi Samir, Lucas here from chat. I've got your call notes. Could you send a photo of the pipes under the sink, and one of the whole cupboard?
      15 customer: there you go
      18 lucas: Thanks, that's the compression joint on the cold feed, an easy fix. I've booked a plumber for 2-4pm today. You can keep the stop tap off till then
      19 customer: brilliant thank you both
    `,
    acts: [
      [
        5,
        {
          handoff: 'chat',
          scenario: 'voice-to-chat',
          by: 'amara',
          packet: packet({
            what: 'Slow leak under the kitchen sink, cupboard floor soaked; the customer has turned the stop tap off. Moving to chat so he can send photos.',
            tried: ['Stop tap off (customer)'],
            emotion: 'calm',
            urgency: 'high',
            need: ['photo'],
            next: ['Get photos of the pipes', 'Book a plumber today'],
          }),
        },
      ],
      [11, { accept: 'chat', by: 'lucas' }],
      [14, { doc: 'photo', name: 'under-sink-1.jpg' }],
      [15, { doc: 'photo', name: 'under-sink-2.jpg' }],
      [20, { resolve: 'chat' }],
    ],
  },
  {
    ref: 'NW-48210',
    subject: 'Complaint about the engineer who visited on Tuesday',
    customer: {
      externalId: 'C-02281',
      name: 'Deborah Lane',
      email: 'deborah.lane@example.co.uk',
      timezone: 'Europe/London',
      language: 'en-GB',
    },
    channel: 'email',
    issueType: 'complaint',
    start: { day: 10, at: '19:30' },
    talk: `
      0 customer: I want to make a formal complaint. The engineer who came on Tuesday to service my boiler was rude from the moment he arrived, left muddy footprints through my hall, and when I asked what he had checked he said "all of it, love" and left. The service took 15 minutes. I pay £28 a month for this.
      Deborah Lane
      1@08:40 sofia: Dear Mrs Lane, thank you for telling us and I'm sorry. This is not how our engineers should behave. I've passed your complaint to a supervisor, who will contact you today.
      1@10:15 @s1: Dear Mrs Lane, I'm Samuel, a supervisor at Northwind. I have spoken to the engineer's manager. We'll send a different engineer to carry out a full service at no cost, at a time that suits you, and I've credited £28 to your account. Again, I'm sorry.
      1@11:00 customer: Thank you for taking it seriously. Thursday morning would suit me.
    `,
    acts: [
      [
        '1@08:45',
        {
          handoff: 's1',
          scenario: 'agent-to-supervisor',
          by: 'sofia',
          packet: packet({
            what: 'Formal complaint: engineer rude, left mud through the hall, 15-minute annual service with no explanation of what was checked.',
            tried: ['Acknowledged the complaint by email'],
            emotion: 'angry',
            urgency: 'normal',
            next: [
              'Call or email the customer today',
              'Offer a full re-service by another engineer',
              'Raise conduct with the field manager',
            ],
            summary: 'Conduct complaint and a rushed annual service.',
          }),
        },
      ],
      ['1@08:49', { accept: 's1' }],
      ['1@11:10', { resolve: 's1' }],
    ],
  },
  {
    ref: 'NW-48181',
    subject: 'Same boiler fault, third visit in a month',
    customer: {
      externalId: 'C-06019',
      name: 'Anthony Russo',
      email: 'a.russo@example.com',
      timezone: 'Europe/London',
      language: 'en-GB',
    },
    channel: 'voice',
    issueType: 'repair',
    start: { day: 11, at: '10:20' },
    openedBy: 'amara',
    talk: `
      0 customer: Right. Boiler's showing F28 again. Third time this month. Two engineers have been, both said it's fixed, both times it's back within a week
      2 amara: That's really frustrating Mr Russo, I can see both visits, the first reset the ignition and the second replaced the electrode
      3 customer: and now it's doing it again. I want someone who actually knows what they're doing
      5 amara: I'm going to hand this to our Tier 2 team, they look at repeat faults and can send a senior engineer. I'll put the whole history in
      70 @t2: Hello Mr Russo, I'm from our Tier 2 team, looking into your repeat boiler fault
      73 customer: For the third time: F28 code, no heating, two visits this month, ignition reset then a new electrode, back within a week each time. It's all on your system already
      76 @t2: I'm sorry, you're right, it is all here and you shouldn't have had to say it again. I've booked our senior engineer Raj for tomorrow 8am, with a gas valve and a fan in the van in case those are the cause
      1@09:45 @t2: Raj found a partly blocked flue restricting the air flow, the real cause behind F28. Cleared and tested. I'll call you on Friday to check it's still running
      1@10:02 customer: Thank you. First time someone's got to the bottom of it
    `,
    acts: [
      [
        6,
        {
          handoff: 't2',
          scenario: 'tier1-to-tier2',
          by: 'amara',
          packet: packet({
            what: 'Boiler showing F28 (ignition failure) for the third time this month after two visits: ignition reset, then a new electrode. Fault back within a week each time.',
            tried: ['Reviewed both job sheets (J-54410, J-54988)'],
            emotion: 'frustrated',
            urgency: 'high',
            next: ['Send a senior engineer with likely parts', 'Find the root cause, not another reset'],
            summary: 'Repeat F28 fault, third visit; customer losing trust.',
          }),
        },
      ],
      [60, { accept: 't2' }],
      ['1@09:50', { resolve: 't2' }],
      ['1@11:30', { rate: '5' }],
    ],
  },
  {
    ref: 'NW-48340',
    subject: 'Electrics keep tripping, scorch mark on a socket',
    customer: {
      externalId: 'C-13377',
      name: 'Agnieszka Wójcik',
      email: 'aga.wojcik@example.pl',
      timezone: 'Europe/London',
      language: 'pl',
    },
    channel: 'voice',
    issueType: 'repair',
    start: { day: 6, at: '10:00' },
    openedBy: 'amara',
    talk: `
      0 customer: Hello, my electric trips all the time since yesterday, the switch in the box goes down. And one socket in kitchen has black mark
      1 amara: Thank you for calling. Please don't use that socket at all. Is anything plugged into it now?
      2 customer: the kettle. I unplug it now
      4 amara: Good. Can you send me a photo of the socket and of the fuse box? I'm passing this to our Tier 2 team as urgent so an electrician comes today
      9 customer: I send on email now
      45 @t2: Hello Agnieszka, an electrician will be with you between 12 and 2 today. Please keep that kitchen circuit switched off until then
      1@09:10 @t2: The electrician replaced the damaged socket and a loose neutral; the circuit tested fine. Case closed, but call us if it trips again
    `,
    acts: [
      [
        6,
        {
          handoff: 't2',
          scenario: 'tier1-to-tier2',
          by: 'amara',
          packet: packet({
            what: 'RCD tripping repeatedly since yesterday; one kitchen socket has a scorch mark. Possible fire risk.',
            tried: ['Told the customer to stop using the socket (kettle unplugged)'],
            emotion: 'concerned',
            urgency: 'critical',
            need: ['photo'],
            next: ['Electrician visit today', 'Keep the kitchen circuit off until then'],
            summary: 'Safety: scorched socket and tripping RCD.',
          }),
        },
      ],
      [10, { doc: 'photo', name: 'socket-scorch.jpg' }],
      [11, { doc: 'photo', name: 'consumer-unit.jpg' }],
      [30, { accept: 't2' }],
      ['1@09:15', { resolve: 't2' }],
    ],
  },
];
