import { type DemoCase, packet } from '../script.ts';

/** The mobile app and the web portal: Tier 2 first, Engineering when it is a real fault. */
export const techCases: DemoCase[] = [
  {
    ref: 'NW-48118',
    subject: 'App logs me out straight after I log in',
    customer: {
      externalId: 'C-09953',
      name: 'James Whitaker',
      email: 'jwhitaker@example.com',
      timezone: 'Europe/London',
      language: 'en-GB',
    },
    channel: 'chat',
    issueType: 'technical',
    start: { day: 15, at: '13:30' },
    talk: `
      0 customer: your app is broken. i log in and it throws me straight back to the login screen. every time
      1 lucas: Hi James, sorry about that. Which phone and app version are you on? It's under Settings > About in the app
      3 customer: iphone 13, app says 5.2.0. cant get to settings because it kicks me out lol
      4 lucas: Fair point! Have you tried deleting and reinstalling the app?
      6 customer: yes twice. and restarted the phone. same thing
      8 lucas: Thanks, that rules out the usual fixes. I'm passing this to our Tier 2 team, they can look at your account's sessions. Could you send a screenshot of what you see?
      10 customer: screenshot sent. i need the app to book my boiler service, the website is awful on mobile
      1@09:20 @t2: Hi James, this is a fault on our side with version 5.2.0 and accounts that use Face ID. Engineering are on it; I'll update you as soon as the fix is out
      1@09:24 customer: ok thanks for letting me know
      3@14:05 @t2: Hi James, version 5.2.1 is now in the App Store and fixes the login loop. Could you update and let me know?
      3@15:30 customer: updated and its working. cheers
    `,
    acts: [
      [10, { doc: 'photo', name: 'login-loop-screenshot.png' }],
      [
        12,
        {
          handoff: 't2',
          scenario: 'tier1-to-tier2',
          by: 'lucas',
          packet: packet({
            what: 'App 5.2.0 on iPhone 13 returns to the login screen right after every successful login.',
            tried: ['Reinstalled the app (twice, by the customer)', 'Restarted the phone'],
            emotion: 'frustrated',
            urgency: 'normal',
            onFile: ['photo'],
            next: [
              'Check the account sessions and token refresh',
              'Escalate to Engineering if it is an app fault',
            ],
            summary: 'Login loop on iOS app 5.2.0, reinstall did not help.',
          }),
        },
      ],
      [50, { accept: 't2' }],
      [
        '1@09:10',
        {
          handoff: 'eng',
          scenario: 'tech-to-engineering',
          by: '@t2',
          packet: packet({
            what: 'iOS app 5.2.0: accounts with Face ID enabled are logged out straight after login. Reproduced on a test account; server logs show the refresh token rejected as "audience mismatch".',
            tried: [
              'Reproduced with a Face ID test account',
              'Cleared the sessions on the customer account',
              'Confirmed Android and web are not affected',
            ],
            emotion: 'frustrated',
            urgency: 'high',
            onFile: ['photo'],
            next: [
              'Fix the token audience for biometric logins',
              'Tell Tier 2 when a fixed build is released',
            ],
            summary: 'Login loop for Face ID users on iOS 5.2.0; refresh token audience mismatch.',
          }),
        },
      ],
      ['1@11:30', { accept: 'eng' }],
      ['3@12:00', { resolve: 'eng' }],
      ['3@15:45', { resolve: 't2' }],
      ['3@16:30', { rate: '2', comment: 'Three days and two teams for one answer.' }],
    ],
  },
  {
    ref: 'NW-48415',
    subject: "Mum's smart thermostat offline since the update, heating stuck at 16°C",
    customer: {
      externalId: 'C-03318',
      name: 'Patricia Nwosu',
      email: 'patricia.nwosu@example.co.uk',
      timezone: 'Europe/London',
      language: 'en-GB',
    },
    channel: 'voice',
    issueType: 'technical',
    start: { day: 3, at: '09:30' },
    openedBy: 'amara',
    talk: `
      0 customer: Hi, I'm calling about my mother's thermostat, the Northwind smart one. Since yesterday it says offline in the app and the house is stuck at 16 degrees. She's 84
      1 amara: Oh no, that's cold for her. Is the thermostat screen showing anything?
      2 customer: it says "updating 100%" and then nothing. I went round and turned it off and on at the switch
      4 amara: Thank you, that's exactly what I'd have asked. I can see it took last night's firmware update. In the meantime she can turn the heating up on the boiler itself, the dial on the front, I'll talk you through it
      9 customer: ok done, its firing up. but I need the thermostat back, she can't manage the boiler dials
      11 amara: Understood. I'm sending this to Tier 2 now as urgent and I've noted that your mum is vulnerable. Could you send a photo of the thermostat screen?
      14 customer: sending now
      1@08:40 @eng: Hello Patricia, I'm one of the engineers looking at your mother's thermostat. We can see it stopped half-way through the update; we're preparing a remote recovery and will call you before we try it
      1@08:45 customer: thank you, please call me not her
    `,
    acts: [
      [
        12,
        {
          handoff: 't2',
          scenario: 'tier1-to-tier2',
          by: 'amara',
          packet: packet({
            what: 'Smart thermostat (ST-2) offline since last night\'s firmware update, screen frozen on "updating 100%". Heating stuck at 16°C in an 84-year-old customer\'s home.',
            tried: [
              "Power-cycled the thermostat (customer's daughter)",
              'Talked her through manual boiler control as a workaround',
            ],
            emotion: 'concerned',
            urgency: 'critical',
            need: ['photo'],
            next: ['Recover the thermostat', 'Call the daughter Patricia, not the mother'],
            summary:
              'Vulnerable customer, thermostat bricked by firmware update; manual workaround in place.',
          }),
        },
      ],
      [15, { doc: 'photo', name: 'thermostat-updating-screen.jpg' }],
      [35, { accept: 't2' }],
      [
        95,
        {
          handoff: 'eng',
          scenario: 'tech-to-engineering',
          by: '@t2',
          packet: packet({
            what: 'ST-2 thermostat stuck after firmware 4.8.1; device shows "updating 100%", cloud shows last heartbeat at 02:14. Vulnerable customer, manual boiler control as workaround.',
            tried: [
              'Remote reboot from the admin console: no response',
              'Checked the device logs: update image verified, boot never completed',
            ],
            emotion: 'concerned',
            urgency: 'critical',
            onFile: ['photo'],
            next: [
              'Remote recovery of the firmware',
              'Ship a replacement if recovery fails',
              'Call Patricia before any action',
            ],
            summary: 'Firmware 4.8.1 left an ST-2 unbootable; possibly more devices affected.',
          }),
        },
      ],
      [140, { accept: 'eng' }],
      [
        '1@08:30',
        {
          reassign: 'eng',
          reason: 'Owner out sick today; the case is critical and needs someone on it now',
          by: 'mateo',
        },
      ],
      ['1@08:50', { resolve: 't2' }],
    ],
  },
  {
    ref: 'NW-48244',
    subject: 'Web portal gives an error when I pay my invoice',
    customer: {
      externalId: 'C-08820',
      name: 'Oliver Grant',
      email: 'oliver.grant@example.com',
      timezone: 'Europe/London',
      language: 'en-GB',
    },
    channel: 'web',
    issueType: 'technical',
    start: { day: 10, at: '10:15' },
    documents: [{ kind: 'invoice', name: 'INV-20644.pdf' }],
    talk: `
      0 customer: Trying to pay invoice 20644 on the portal and after I enter my card it says "Something went wrong (502)". Tried three times. Don't want to be charged three times either
      18 amara: Hi Oliver, thanks for letting us know, and don't worry, a failed attempt isn't charged. I'm asking our engineers to look at the payment page
      1@10:10 @fin: Hi Oliver, the portal is fine: your bank declined the card (code 05, "do not honour"). That usually clears after a quick call to your bank. I've sent you a secure payment link you can use once it's sorted
      1@13:30 customer: Bank had blocked it as fraud, sorted now, paid with your link. Cheers
    `,
    acts: [
      [
        20,
        {
          handoff: 'eng',
          scenario: 'tech-to-engineering',
          by: 'amara',
          packet: packet({
            what: 'Customer gets "Something went wrong (502)" on the portal payment page after entering his card, three tries.',
            tried: ['Confirmed no payment was taken'],
            emotion: 'concerned',
            urgency: 'normal',
            onFile: ['invoice'],
            next: ['Check the payment page for errors'],
          }),
        },
      ],
      [150, { accept: 'eng' }],
      [
        175,
        {
          bounce: 'eng',
          reason: 'wrong_team',
          note: 'Gateway log: all three attempts declined by the issuer (code 05). The portal shows a 502 for declines, which we will fix separately, but this payment is a billing matter.',
        },
      ],
      [
        190,
        {
          handoff: 'fin',
          scenario: 'billing-to-finance',
          by: 'amara',
          previous: 'eng',
          packet: packet({
            what: 'Invoice 20644 could not be paid on the portal: the issuer declined the card three times (code 05); the portal showed a misleading 502.',
            tried: [
              'Engineering checked the gateway log: declines, not a portal fault',
              'Confirmed no payment was taken',
            ],
            emotion: 'concerned',
            urgency: 'normal',
            onFile: ['invoice'],
            next: ['Send the customer a secure payment link', 'Explain the decline code'],
            summary: 'Card declined by the bank, not a portal fault.',
          }),
        },
      ],
      [230, { accept: 'fin' }],
      ['1@13:40', { resolve: 'fin' }],
      ['1@15:00', { rate: 'bad' }],
    ],
  },
  {
    ref: 'NW-48290',
    subject: 'App sends appointment reminders a day late',
    customer: {
      externalId: 'C-10479',
      name: 'Fiona MacLeod',
      email: 'fiona.macleod@example.scot',
      timezone: 'Europe/London',
      language: 'en-GB',
    },
    channel: 'email',
    issueType: 'technical',
    start: { day: 7, at: '16:20' },
    talk: `
      0 customer: Your app reminded me about my boiler service the day AFTER the engineer came. Luckily I was in. Thought you should know before it catches someone else out.
      8 lucas: Hi Fiona, thank you for taking the time to tell us. That's definitely not right, I've passed it to our engineering team with your booking details.
      2@10:20 @eng: Hi Fiona, sorry for the slow reply. You were right: reminders were scheduled in UTC instead of UK time for bookings made just before the clocks changed. A fix is going out today.
      2@10:45 customer: Thanks for letting me know!
    `,
    acts: [
      [
        10,
        {
          handoff: 'eng',
          scenario: 'tech-to-engineering',
          by: 'lucas',
          packet: packet({
            what: 'Appointment reminder push notification arrived a day after the appointment (booking made late October).',
            tried: ['Checked the booking and the notification log: reminder sent 24h late'],
            emotion: 'calm',
            urgency: 'low',
            next: ['Find why reminders are late', 'Check other bookings from the same week'],
          }),
        },
      ],
      ['2@10:00', { accept: 'eng' }],
      ['2@15:00', { resolve: 'eng' }],
      ['2@16:30', { rate: 'good' }],
    ],
  },
];
