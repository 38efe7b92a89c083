import { type DemoCase, packet } from '../script.ts';

/** Fees, price rises, refunds and disputed invoices. */
export const financeCases: DemoCase[] = [
  {
    ref: 'NW-48177',
    subject: 'Charged a £95 call-out fee when the engineer never came',
    customer: {
      externalId: 'C-11840',
      name: 'Aisha Rahman',
      email: 'aisha.rahman@example.com',
      timezone: 'Europe/London',
      language: 'en-GB',
    },
    channel: 'chat',
    issueType: 'billing',
    start: { day: 12, at: '14:10' },
    talk: `
      0 customer: hi i need to speak to someone about a charge
      1 lucas: Hi Aisha, I'm Lucas. What's the charge you're seeing?
      2 customer: £95 callout fee. the engineer NEVER CAME. i took a day off work and waited from 8 til 6 and nobody turned up, not even a phone call
      4 lucas: I'm really sorry, that's a wasted day off. I can see the booking for Monday and no visit logged against it, so you should not have been charged
      5 customer: so take it off then
      7 lucas: Refunds go through our Finance team, I'm sending it to them now with the booking details so they don't need anything else from you. Can you upload the payment receipt from your email?
      9 customer: done
      10 customer: and i want to know why no one rang me
      12 lucas: That's fair. I've raised the missed visit with the scheduling team too. Finance will confirm the refund by email today
      98 @fin: Hi Aisha, the £95 call-out fee has been refunded to the card ending 4471. You should see it in 3-5 working days. Sorry again for the missed visit
      120 customer: ok thanks. still annoyed about the day off tbh
    `,
    acts: [
      [9, { doc: 'receipt', name: 'northwind-receipt-95.pdf' }],
      [
        11,
        {
          handoff: 'fin',
          scenario: 'billing-to-finance',
          by: 'lucas',
          packet: packet({
            what: 'A £95 call-out fee was charged for a visit on Monday that never happened: no engineer attended and no visit is logged.',
            tried: [
              'Checked the booking: slot 8:00-18:00, no visit logged',
              'Got the payment receipt from the customer',
            ],
            emotion: 'frustrated',
            urgency: 'normal',
            onFile: ['receipt'],
            next: ['Refund the £95 call-out fee', 'Email the customer the refund confirmation'],
            summary: 'No-show engineer, customer charged anyway; took a day off work.',
          }),
        },
      ],
      [60, { accept: 'fin' }],
      [97, { resolve: 'fin' }],
      [150, { rate: '5' }],
    ],
  },
  {
    ref: 'NW-48190',
    subject: 'Boiler cover renewal went from £18 to £31 a month',
    customer: {
      externalId: 'C-05127',
      name: 'Eleanor Whitfield',
      email: 'eleanor.whitfield@example.co.uk',
      timezone: 'Europe/London',
      language: 'en-GB',
    },
    channel: 'email',
    issueType: 'billing',
    start: { day: 11, at: '08:47' },
    documents: [{ kind: 'contract', name: 'renewal-letter-2026.pdf' }],
    talk: `
      0 customer: Hello, my renewal letter (attached) says my boiler cover goes from £18.00 to £31.40 a month. That is a 74% increase. Nothing about my boiler has changed, and I have never made a claim. Please explain or I will be looking elsewhere.
      Eleanor Whitfield
      52 sofia: Dear Ms Whitfield, thank you for writing to us, and I understand the shock of a rise like that. I'm asking the right team to review your renewal price today and we'll come back to you by email.
      1@10:15 @t2: Dear Ms Whitfield, I've reviewed your renewal. As a claim-free customer since 2019 you qualify for our loyalty rate: your new price is £19.90 a month, fixed for 12 months. I've applied it already, there is nothing you need to do.
      1@11:02 customer: Thank you, that's much more reasonable. I'll stay.
    `,
    acts: [
      [
        55,
        {
          handoff: 'f1',
          scenario: 'billing-to-finance',
          by: 'sofia',
          packet: packet({
            what: 'Renewal price rose from £18.00 to £31.40 a month; claim-free customer since 2019 threatens to leave.',
            tried: ['Checked the renewal letter: standard price uplift applied'],
            emotion: 'frustrated',
            urgency: 'normal',
            onFile: ['contract'],
            next: ['Review the renewal price', 'Reply to the customer by email'],
          }),
        },
      ],
      [
        150,
        {
          bounce: 'f1',
          reason: 'not_ours',
          note: 'No billing error here: the uplift is the standard renewal price. Retention offers are made by Tier 2, not Finance.',
        },
      ],
      [
        170,
        {
          handoff: 't2',
          scenario: 'tier1-to-tier2',
          by: 'sofia',
          previous: 'f1',
          packet: packet({
            what: 'Renewal price rose from £18.00 to £31.40 a month (74%). Claim-free since 2019; she will leave unless the price is reviewed.',
            tried: [
              'Checked the renewal letter',
              'Finance confirmed the price is correct: a retention question',
            ],
            emotion: 'frustrated',
            urgency: 'normal',
            onFile: ['contract'],
            next: [
              'Offer the loyalty rate if eligible',
              'Reply by email before the renewal date (end of the month)',
            ],
            summary: 'Retention: long-standing claim-free customer, renewal shock.',
          }),
        },
      ],
      [230, { accept: 't2' }],
      ['1@10:20', { resolve: 't2' }],
      ['1@12:00', { rate: '3' }],
    ],
  },
  {
    ref: 'NW-48420',
    subject: 'Direct debit failed after I changed banks, now a £25 fee',
    customer: {
      externalId: 'C-13302',
      name: 'Tomasz Nowak',
      email: 'tomasz.nowak@example.pl',
      timezone: 'Europe/London',
      language: 'pl',
    },
    channel: 'chat',
    issueType: 'billing',
    start: { day: 1, at: '11:20' },
    talk: `
      0 customer: Hello. I change my bank last month and now I have letter from you with £25 fee for failed payment
      1 sofia: Hi Tomasz, thanks for getting in touch. Did you set up the new direct debit with us, or only move it at the bank?
      3 customer: bank said they move everything automatic. the switch service
      5 sofia: The switch service usually moves it, but your payment was requested two days before the switch finished, so it bounced. That's not really your fault
      6 customer: so you remove fee?
      8 sofia: I can't remove fees myself but I'm asking Finance to waive it, and I've updated your direct debit to the new account. Could you upload a statement showing the switch date?
      11 customer: ok i send now. thank you
      200 @fin: Hello Tomasz, I'm from Finance and I'm looking at the fee now. I'll confirm tomorrow morning at the latest.
    `,
    acts: [
      [
        9,
        {
          handoff: 'fin',
          scenario: 'billing-to-finance',
          by: 'sofia',
          packet: packet({
            what: 'Direct debit of £27.80 failed because it was requested during a bank switch; a £25 failed-payment fee was added.',
            tried: [
              'Updated the direct debit mandate to the new bank account',
              'Checked the switch dates against the collection date',
            ],
            emotion: 'concerned',
            urgency: 'normal',
            need: ['bank_statement'],
            next: ['Waive the £25 failed-payment fee', 'Re-collect the missed £27.80 on the new mandate'],
            summary: 'Bank switch timing caused a failed DD; customer asks for the fee to be waived.',
          }),
        },
      ],
      [12, { doc: 'bank_statement', name: 'statement-switch-confirmation.pdf' }],
      [160, { accept: 'fin' }],
    ],
  },
  {
    ref: 'NW-48310',
    subject: 'Refund after cancelling my plan has not arrived',
    customer: {
      externalId: 'C-12077',
      name: 'Siobhan Gallagher',
      email: 'siobhan.g@example.ie',
      timezone: 'Europe/Dublin',
      language: 'en-IE',
    },
    channel: 'web',
    issueType: 'billing',
    start: { day: 6, at: '16:05' },
    talk: `
      0 customer: I cancelled my appliance cover on the 2nd and was told I'd get £41.20 back within 5 working days. It's been 8. Where is it?
      20 lucas: Hi Siobhan, I can see the cancellation and the refund instruction. I'll get Finance to trace it for you.
      1@08:52 customer: Ignore me!! It's just landed, my bank took forever. Sorry for the hassle
      1@09:01 lucas: No hassle at all, glad it arrived. I'll close this off. Have a good day
    `,
    acts: [
      [
        22,
        {
          handoff: 'fin',
          scenario: 'billing-to-finance',
          by: 'lucas',
          packet: packet({
            what: 'Refund of £41.20 after cancelling appliance cover on the 2nd not received after 8 working days.',
            tried: ['Confirmed the cancellation and the refund instruction in the account'],
            emotion: 'concerned',
            urgency: 'low',
            next: ['Trace the refund payment', 'Tell the customer when it will arrive'],
          }),
        },
      ],
      ['1@09:00', { cancel: 'fin', by: 'lucas' }],
    ],
  },
  {
    ref: 'NW-48255',
    subject: 'Reembolso a una tarjeta caducada / refund to an expired card',
    customer: {
      externalId: 'C-14415',
      name: 'Lucía Fernández',
      email: 'lucia.fernandez@example.es',
      timezone: 'Europe/Madrid',
      language: 'es',
    },
    channel: 'chat',
    issueType: 'billing',
    start: { day: 9, at: '15:10' },
    talk: `
      0 customer: Hola, do you have someone who speaks Spanish? my english is not so good for this
      1 sofia: ¡Hola Lucía! Sí, soy Sofía, te atiendo en español. ¿En qué te puedo ayudar?
      2 customer: Gracias!! Cancelé el seguro de la caldera de mi piso en Londres y el reembolso fue a mi tarjeta antigua, que ya está caducada. El banco dice que lo devuelven a vosotros
      5 sofia: Entendido. Veo el reembolso de £63.00 del día 4 a la tarjeta que termina en 9012. Si el banco lo rechaza, vuelve a nosotros y Finanzas puede enviarlo por transferencia
      6 customer: vale, y qué necesitáis?
      7 sofia: Solo un extracto bancario con el IBAN de la cuenta nueva. Lo paso a Finanzas ahora mismo con todo el contexto
      10 customer: Te lo subo ahora. Muchas gracias de verdad
      1@11:20 @fin: Hello Lucía, the returned £63.00 has been sent by bank transfer to the account on your statement. It should arrive within 2 working days. (Sofía will confirm in Spanish.)
      1@11:30 sofia: Lucía, Finanzas ya ha hecho la transferencia de £63.00. Llegará en 2 días hábiles. ¡Un saludo!
      1@12:02 customer: Perfecto, mil gracias Sofía!!
    `,
    acts: [
      [
        9,
        {
          handoff: 'fin',
          scenario: 'billing-to-finance',
          by: 'sofia',
          packet: packet({
            what: 'Refund of £63.00 (boiler cover cancellation) went to an expired card ending 9012; the bank is returning it to us. Customer prefers Spanish.',
            tried: [
              'Confirmed the refund and the card it went to',
              'Asked for a statement with the new account details',
            ],
            emotion: 'calm',
            urgency: 'normal',
            need: ['bank_statement'],
            next: [
              'Re-send the £63.00 by bank transfer',
              'Tell Sofía so she can confirm to the customer in Spanish',
            ],
            summary: 'Refund bounced on an expired card; pay by transfer instead.',
          }),
        },
      ],
      [11, { doc: 'bank_statement', name: 'extracto-nueva-cuenta.pdf' }],
      [75, { accept: 'fin' }],
      ['1@11:15', { resolve: 'fin' }],
      ['1@13:00', { rate: '4' }],
    ],
  },
];
