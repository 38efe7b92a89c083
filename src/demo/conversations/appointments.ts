import { type DemoCase, packet } from '../script.ts';

/** Bookings and the chat bot: what the bot solves alone, and what it hands to a person. */
export const appointmentCases: DemoCase[] = [
  {
    ref: 'NW-48099',
    subject: "Need to move tomorrow's appointment",
    customer: {
      externalId: 'C-10118',
      name: 'Naomi Clarke',
      email: 'naomi.clarke@example.co.uk',
      timezone: 'Europe/London',
      language: 'en-GB',
    },
    channel: 'bot',
    issueType: 'appointment',
    start: { day: 15, at: '08:02' },
    talk: `
      0 bot: Hi, I'm Nova, Northwind's assistant. How can I help today?
      0 customer: need to change my appointment tomorrow
      1 bot: I can help with that. Appointments within 24 hours can't be moved online, but I can cancel it or connect you to a person. What would you like?
      1 customer: i dont want to cancel, i want to MOVE it. my daughter is in hospital
      2 bot: I'm sorry to hear that. Would you like me to connect you with a member of our team?
      2 customer: yes a real person please
      5 lucas: Hi Naomi, Lucas here. I've read your chat, no need to repeat anything. I hope your daughter is OK. I've moved your boiler service to next Wednesday, same time, 8am to 1pm. Does that work?
      6 customer: yes thank you. that's a weight off
    `,
    acts: [
      [
        3,
        {
          handoff: 'human',
          scenario: 'bot-to-human',
          by: 'bot',
          packet: packet({
            what: "Customer wants to move tomorrow's boiler service (within 24 hours, which the bot cannot do); her daughter is in hospital.",
            tried: ['Offered cancellation (declined)'],
            emotion: 'concerned',
            urgency: 'normal',
            next: ['Reschedule the appointment'],
            summary: 'Bot could not move a same-day-plus-one appointment; personal circumstances.',
          }),
        },
      ],
      [4, { accept: 'human', by: 'lucas' }],
      [7, { resolve: 'human' }],
      [30, { rate: '5' }],
    ],
  },
  {
    ref: 'NW-48380',
    subject: 'Bot keeps sending me the same FAQ link',
    customer: {
      externalId: 'C-09031',
      name: 'Ravi Patel',
      email: 'ravi.patel@example.ae',
      timezone: 'Asia/Dubai',
      language: 'en-GB',
    },
    channel: 'bot',
    issueType: 'plan',
    start: { day: 4, at: '12:15' },
    talk: `
      0 customer: does my plan cover the boiler at my rental flat in Leeds? I'm abroad for work
      0 bot: You can find out what each plan covers here: northwind.example/plans
      1 customer: I know what the plans cover. I want to know if MY plan covers the flat at 3 Park Row
      1 bot: You can find out what each plan covers here: northwind.example/plans
      2 customer: agent
      2 bot: Connecting you to a member of our team now.
      4 @human: Hi Ravi, sorry about the loop. Your HomeCover policy is for 3 Park Row, Leeds, and it includes the boiler and controls, with a £0 excess. You're covered
      5 customer: perfect that's all I needed. maybe fix your bot 😅
      6 @human: Ha, I'll pass that on! Have a good day
    `,
    acts: [
      [
        3,
        {
          handoff: 'human',
          scenario: 'bot-to-human',
          by: 'bot',
          packet: packet({
            what: 'Customer abroad asks whether his plan covers the boiler at his rental flat (3 Park Row, Leeds). The bot answered twice with the generic plans link.',
            tried: ['Sent the plans FAQ link (twice)'],
            emotion: 'frustrated',
            urgency: 'low',
            next: ['Check the policy for 3 Park Row and answer'],
          }),
        },
      ],
      [4, { accept: 'human' }],
      [7, { resolve: 'human' }],
    ],
  },
  {
    ref: 'NW-48470',
    subject: 'Reset my app password',
    customer: {
      externalId: 'C-14790',
      name: 'Sophie Marchetti',
      timezone: 'Europe/London',
      language: 'en-GB',
    },
    channel: 'bot',
    issueType: 'account',
    start: { day: 1, at: '21:15' },
    talk: `
      0 customer: forgot my password for the app
      0 bot: No problem. I've sent a reset link to the email on your account (s•••••@example.com). It's valid for 30 minutes.
      3 customer: got it, thanks
      3 bot: You're welcome! Anything else?
      4 customer: no thats it
    `,
  },
  {
    ref: 'NW-48350',
    subject: 'Engineer running late, is he still coming?',
    customer: {
      externalId: 'C-11733',
      name: 'Zoe Adams',
      email: 'zoe.adams@example.com',
      timezone: 'Europe/London',
      language: 'en-GB',
    },
    channel: 'chat',
    issueType: 'appointment',
    start: { day: 5, at: '12:40' },
    talk: `
      0 customer: my slot was 8-12 and its 12:40. is anyone coming or not?? I have to pick my son up at 3
      1 sofia: Hi Zoe, I'm sorry for the wait. Let me check where your engineer is
      3 sofia: He's on his way from a job that overran, his van is 15 minutes away. He'll be with you by 1:15 at the latest and the job is about an hour
      4 customer: ok. would have been nice to get a text
      5 sofia: You're right, you should have had one. I've added a note to text you if he's late in future
      160 customer: all done, he was nice. thanks
    `,
  },
  {
    ref: 'NW-48270',
    subject: 'Boiler pressure keeps dropping, moving from phone to chat',
    customer: {
      externalId: 'C-08106',
      name: 'Peter Lindqvist',
      email: 'peter.lindqvist@example.se',
      timezone: 'Europe/Stockholm',
      language: 'sv',
    },
    channel: 'voice',
    issueType: 'repair',
    start: { day: 7, at: '11:30' },
    openedBy: 'amara',
    talk: `
      0 customer: Hello, the pressure on my boiler drops to almost zero every two days. I top it up and it drops again
      2 amara: That usually means a small leak somewhere or the expansion vessel. I'd like to send you a short video guide and see photos of the gauge, chat is easier for that, I'll move you over
      3 customer: fine, but I'm in a meeting soon so quickly please
      30 lucas: Hi Peter, Lucas from chat. I've picked up your case from the phone team. Could you send a photo of the pressure gauge and the pipes under the boiler?
      33 customer: Sent. And as I told your colleague on the phone, it drops to almost zero every two days
      36 lucas: Thanks Peter, sorry you had to say it again. I've booked an engineer for Thursday morning to check the expansion vessel; until then top it up to 1.2 bar when it drops
      38 customer: OK. Thursday is fine
    `,
    acts: [
      [
        4,
        {
          handoff: 'c1',
          scenario: 'voice-to-chat',
          by: 'amara',
          packet: packet({
            what: 'Boiler pressure issue, continuing in chat.',
            tried: ['Phone call'],
            emotion: 'calm',
            urgency: 'normal',
            next: ['Continue in chat'],
          }),
        },
      ],
      [12, { accept: 'c1', by: 'lucas' }],
      [
        14,
        {
          bounce: 'c1',
          reason: 'missing_context',
          by: 'lucas',
          note: 'No symptoms, no callback number, nothing on what was agreed on the call. What do I tell the customer?',
        },
      ],
      [
        22,
        {
          handoff: 'c2',
          scenario: 'voice-to-chat',
          by: 'amara',
          previous: 'c1',
          packet: packet({
            what: 'Boiler pressure drops to near zero every two days; the customer tops it up each time. Likely a slow leak or the expansion vessel.',
            tried: [
              'Explained the likely causes on the call',
              'Promised a video guide and asked for gauge photos',
            ],
            emotion: 'calm',
            urgency: 'normal',
            need: ['photo'],
            next: [
              'Get photos of the gauge and pipes',
              'Book an engineer',
              'Customer is short of time: keep it quick',
            ],
            summary: 'Pressure loss; customer busy, moved to chat for photos.',
          }),
        },
      ],
      [28, { accept: 'c2', by: 'lucas' }],
      [32, { doc: 'photo', name: 'pressure-gauge.jpg' }],
      [40, { resolve: 'c2' }],
      [90, { rate: '3' }],
    ],
  },
];
