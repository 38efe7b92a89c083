import { type DemoCase, packet } from '../script.ts';

/** Smart thermostats, uploads and bookings: more of the technical queue. */
export const deviceCases: DemoCase[] = [
  {
    ref: 'NW-48152',
    subject: 'The photos I uploaded for my claim have disappeared',
    customer: {
      externalId: 'C-06641',
      name: 'Gareth Evans',
      email: 'gareth.evans@example.cymru',
      timezone: 'Europe/London',
      language: 'cy-GB',
    },
    channel: 'web',
    issueType: 'technical',
    start: { day: 13, at: '15:20' },
    documents: [{ kind: 'photo', name: 'claim-CL-7781-photos.zip' }],
    talk: `
      0 customer: I uploaded 4 photos of my boiler pressure gauge and the leak under it on Sunday for my claim. Today the claim page says "no documents". Where have they gone??
      9 lucas: Hi Gareth, sorry about this. I'll get our engineers to look at what happened to the uploads.
      1@10:05 lucas: Hi Gareth, a quick question from our engineers: which browser did you use, and roughly what time on Sunday did you upload?
      1@10:31 customer: Chrome on my laptop, about 8pm Sunday. They showed up fine at the time
      1@14:10 @e2: Hello Gareth, we found it: uploads made on Sunday evening were lost during maintenance. I'm sorry, could you upload the photos again?
      1@14:40 customer: I've already told your colleague twice what the photos were. The pressure gauge reading 0.4 bar and water dripping from the valve under the boiler. How many times do I have to explain this? I'll upload them again but this is ridiculous
      1@15:02 @e2: Thank you Gareth, all four are through and attached to your claim now. I've added a note so the claims team don't ask you again
    `,
    acts: [
      [
        10,
        {
          handoff: 'e1',
          scenario: 'tech-to-engineering',
          by: 'lucas',
          packet: packet({
            what: 'Customer says his uploaded photos are gone.',
            tried: ['Looked at the claim page: no documents'],
            emotion: 'concerned',
            urgency: 'normal',
            next: ['Find the photos'],
          }),
        },
      ],
      ['1@09:45', { accept: 'e1' }],
      [
        '1@09:55',
        {
          bounce: 'e1',
          reason: 'missing_context',
          note: 'Need the claim number, browser, and the time of the upload to search the storage logs. Nothing to go on yet.',
        },
      ],
      [
        '1@10:35',
        {
          handoff: 'e2',
          scenario: 'tech-to-engineering',
          by: 'lucas',
          previous: 'e1',
          packet: packet({
            what: 'Four photos uploaded to claim CL-7781 on Sunday around 20:00 from Chrome on a laptop appeared at the time and are now missing from the claim page.',
            tried: [
              'Checked the claim page: "no documents"',
              'Asked the customer for browser and upload time',
            ],
            emotion: 'frustrated',
            urgency: 'normal',
            onFile: ['photo'],
            next: [
              'Search the storage logs for claim CL-7781 uploads on Sunday evening',
              'Restore them or tell us to ask the customer',
            ],
            summary: 'Claim photos vanished after upload on Sunday evening.',
          }),
        },
      ],
      ['1@11:20', { accept: 'e2' }],
      [
        '1@14:05',
        {
          ask: 'photo',
          by: '@e2',
          reason:
            'Uploads from the Sunday maintenance window were lost; the originals must be uploaded again.',
        },
      ],
      ['1@14:55', { doc: 'photo', name: 'gauge-and-valve-x4.zip' }],
      ['1@15:05', { resolve: 'e2' }],
      ['1@16:30', { rate: '2' }],
    ],
  },
  {
    ref: 'NW-48230',
    subject: 'Cannot pair the new thermostat with the app',
    customer: {
      externalId: 'C-13905',
      name: 'Ingrid Larsen',
      email: 'ingrid.larsen@example.no',
      timezone: 'Europe/London',
      language: 'nb',
    },
    channel: 'chat',
    issueType: 'technical',
    start: { day: 8, at: '10:40' },
    talk: `
      0 customer: Hello, I have the new thermostat installed yesterday, but the app doesn't find it when I try to pair. Blue light is blinking
      1 lucas: Hi Ingrid! Blue blinking means it's waiting to pair, so that's a good start. Is your phone on the same wifi as the thermostat?
      3 customer: yes, same. I tried 5 times
      5 lucas: Is your wifi a 5GHz-only network by any chance? The thermostat only talks 2.4GHz
      7 customer: I don't know what that means honestly
      9 lucas: No problem, I'll get one of our Tier 2 specialists to walk you through it, they can see the thermostat from our side
      40 @t2: Hi Ingrid, I'm from Tier 2. I can see your router only offers 5GHz at the moment. Shall we switch on the 2.4GHz band together? It takes two minutes
      41 customer: yes please
      58 @t2: Now try pairing again from the app
      60 customer: IT WORKED. thank you so much
    `,
    acts: [
      [
        10,
        {
          handoff: 't2',
          scenario: 'tier1-to-tier2',
          by: 'lucas',
          packet: packet({
            what: 'New ST-2 thermostat, blue light blinking (pairing mode), the app cannot find it after 5 tries.',
            tried: [
              'Confirmed phone and thermostat on the same wifi',
              'Suspect a 5GHz-only network; customer not comfortable with router settings',
            ],
            emotion: 'calm',
            urgency: 'normal',
            next: ['Walk the customer through enabling 2.4GHz', 'Pair the thermostat'],
          }),
        },
      ],
      [38, { accept: 't2' }],
      [62, { resolve: 't2' }],
      [120, { rate: '5', comment: 'Quick and friendly, thanks.' }],
    ],
  },
  {
    ref: 'NW-48360',
    subject: 'Thermostat keeps dropping off wifi',
    customer: {
      externalId: 'C-12250',
      name: 'Marcus Reid',
      email: 'marcus.reid@example.com',
      timezone: 'Europe/London',
      language: 'en-GB',
    },
    channel: 'chat',
    issueType: 'technical',
    start: { day: 5, at: '18:10' },
    talk: `
      0 customer: thermostat goes offline every evening around 7. back online by morning. annoying because i use the app to put the heating on when im on the way home
      2 lucas: Hi Marcus, that pattern is interesting. Does anything else on your wifi drop in the evening?
      4 customer: not that i noticed
      6 lucas: I've sent the details to our engineers so they can check the device logs overnight. I'll come back to you tomorrow
      1@08:35 customer: actually dont worry. rebooted the router last night, new firmware installed itself and the thermostat stayed online all night. all good
      1@08:50 lucas: Great news Marcus, thanks for letting me know. If it drops again just reply here and I'll pick it back up
    `,
    acts: [
      [
        8,
        {
          handoff: 'eng',
          scenario: 'tech-to-engineering',
          by: 'lucas',
          packet: packet({
            what: 'ST-2 thermostat drops off wifi every evening around 19:00 and is back by morning; nothing else on the network seems to drop.',
            tried: ['Checked the device heartbeat: gaps every evening from 19:02'],
            emotion: 'calm',
            urgency: 'low',
            next: ['Check the device logs for the evening disconnects'],
          }),
        },
      ],
      ['1@08:52', { cancel: 'eng', by: 'lucas' }],
    ],
  },
  {
    ref: 'NW-48109',
    subject: 'App booked two engineers for the same slot',
    customer: {
      externalId: 'C-04472',
      name: 'Chen Wei',
      email: 'chen.wei@example.com',
      timezone: 'Europe/London',
      language: 'en-GB',
    },
    channel: 'chat',
    issueType: 'technical',
    start: { day: 13, at: '11:00' },
    talk: `
      0 customer: hi, I booked an annual service in the app and got two confirmation emails, two different engineers, same Thursday slot
      2 sofia: Hi Chen, thanks for flagging it. I can see two bookings created a second apart. I've cancelled the second one, so it's just Daniel on Thursday
      3 customer: great. did I get charged twice?
      5 sofia: No, the service is included in your plan, nothing was charged. I'm sending the double booking to our engineers so it doesn't happen to anyone else
      6 customer: 👍
      2@16:00 note/@eng: Note for the customer file: the booking button could be tapped twice on slow connections; fixed in app 5.2.2.
    `,
    acts: [
      [5, { doc: 'photo', name: 'two-confirmations.png' }],
      [
        7,
        {
          handoff: 'eng',
          scenario: 'tech-to-engineering',
          by: 'sofia',
          packet: packet({
            what: 'The app created two bookings (two engineers, same slot) one second apart from a single booking.',
            tried: ['Cancelled the duplicate booking', 'Confirmed no charge was taken'],
            emotion: 'calm',
            urgency: 'low',
            onFile: ['photo'],
            next: ['Stop double submissions of the booking form'],
          }),
        },
      ],
      [200, { accept: 'eng' }],
      ['2@16:05', { resolve: 'eng' }],
      ['2@16:45', { rate: '4' }],
    ],
  },
  {
    ref: 'NW-48430',
    subject: 'Invoices page blank in Safari',
    customer: {
      externalId: 'C-14620',
      name: 'Benjamin Hughes',
      email: 'ben.hughes@example.com',
      timezone: 'Europe/London',
      language: 'en-GB',
    },
    channel: 'web',
    issueType: 'technical',
    start: { day: 2, at: '14:00' },
    talk: `
      0 customer: The "My invoices" page on your website is just blank for me. Safari on a Mac. Works on my wife's Windows laptop. I need last year's invoices for my tax return
      25 amara: Hi Benjamin, thanks for the detail, it helps a lot. I've emailed you last year's invoices as PDFs so you're not held up, and I've asked our engineers to fix the page in Safari
      40 customer: Brilliant, got them, thanks Amara
      1@10:15 @eng: Reproduced on Safari 17: a date format the page does not parse. Working on a fix.
    `,
    acts: [
      [
        27,
        {
          handoff: 'eng',
          scenario: 'tech-to-engineering',
          by: 'amara',
          packet: packet({
            what: 'The "My invoices" portal page renders blank in Safari on macOS; works in Edge on Windows.',
            tried: [
              "Emailed last year's invoices to the customer as PDFs (workaround)",
              'Reproduced in Safari on a support Mac',
            ],
            emotion: 'calm',
            urgency: 'normal',
            next: ['Fix the invoices page in Safari', 'Let support know when it is released'],
          }),
        },
      ],
      ['1@10:00', { accept: 'eng' }],
      ['1@10:14', { doc: 'photo', name: 'safari-console-error.png', by: '@eng' }],
    ],
  },
];
