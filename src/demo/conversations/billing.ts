import { type DemoCase, packet } from '../script.ts';

/** Direct debits, invoices, refunds: most of what reaches Finance. */
export const billingCases: DemoCase[] = [
  {
    ref: 'NW-48102',
    subject: 'HomeCover Plus direct debit taken twice in October',
    customer: {
      externalId: 'C-10231',
      name: 'Margaret Ellison',
      email: 'm.ellison@example.co.uk',
      timezone: 'Europe/London',
      language: 'en-GB',
    },
    channel: 'voice',
    issueType: 'billing',
    start: { day: 15, at: '09:12' },
    openedBy: 'amara',
    talk: `
      0 customer: Hello, yes, I'm ringing because you've taken my HomeCover payment twice this month. £24.50 on the 1st and the same again on the 3rd. I'm on a pension, that's not nothing
      1 amara: I'm sorry about that Mrs Ellison, let me pull your account up. Can you confirm the first line of your address for me?
      2 customer: 14 Mill Lane, Harrogate
      4 amara: Thank you. I can see both collections on your HomeCover Plus plan, the second one looks like the bank file was run twice on our side. I can't refund it from here, our Finance team does that
      5 customer: and how long is that going to take? my gas bill comes out next week
      7 amara: Finance pick these up within four working hours, and I'll pass them everything so you won't have to explain it again. Could you email us your bank statement showing both payments?
      8 customer: my grandson can scan it for me this afternoon. thank you love
      190 customer: Statement attached as promised. Margaret
      1@10:32 @fin: Dear Mrs Ellison, the duplicate payment of £24.50 has been refunded to your account today and should show within 3 working days. Apologies for the trouble. Kind regards, Northwind Finance
      1@11:05 customer: Thank you very much, that was quick
    `,
    acts: [
      [
        9,
        {
          handoff: 'fin',
          scenario: 'billing-to-finance',
          by: 'amara',
          packet: packet({
            what: 'HomeCover Plus direct debit of £24.50 collected twice (1st and 3rd of the month). The second collection matches a re-run of the bank file.',
            tried: [
              'Verified the customer by address',
              'Checked the payment history: two collections of £24.50',
              'Asked the customer for a bank statement',
            ],
            emotion: 'concerned',
            urgency: 'normal',
            need: ['bank_statement'],
            next: ['Refund the duplicate £24.50', 'Confirm the refund to the customer by email'],
            summary:
              'Pensioner charged twice for HomeCover Plus this month; wants the duplicate back before her gas bill.',
          }),
        },
      ],
      [70, { accept: 'fin' }],
      [189, { doc: 'bank_statement', name: 'ellison-statement-october.pdf' }],
      ['1@10:30', { resolve: 'fin' }],
      ['1@12:00', { rate: '4' }],
    ],
  },
  {
    ref: 'NW-48131',
    subject: 'Invoiced £312 for a boiler repair my plan covers',
    customer: {
      externalId: 'C-07712',
      name: 'Robert Hargreaves',
      email: 'rob.hargreaves@example.com',
      timezone: 'Europe/London',
      language: 'en-GB',
    },
    channel: 'voice',
    issueType: 'billing',
    start: { day: 14, at: '10:05' },
    openedBy: 'amara',
    documents: [{ kind: 'invoice', name: 'INV-20931.pdf' }],
    talk: `
      0 customer: Hi. I've had an invoice for £312 for the boiler repair last week. I've had boiler cover with you for five years, the whole point is I don't get bills like this
      2 amara: I'm sorry to hear that Mr Hargreaves. Let me have a look... I can see the visit and the invoice. Do you know what part was replaced?
      3 customer: the engineer said the diverter valve. he said it was covered. then this turns up
      6 amara: OK. I'll send this over to Finance so they can look into it
      7 customer: fine. how long
      8 amara: They usually get back within the day
      1@09:40 customer: Hello, I called yesterday about the £312 invoice. Nobody has called me back and I've just had an email saying the payment will be taken on Friday
      1@09:42 sofia: Good morning Mr Hargreaves, I'm Sofía, I lead the support team. I can see yesterday's call, I'm sorry it went back and forth
      1@09:44 customer: so I have to explain it all again? Boiler repaired last Tuesday, diverter valve, engineer told me it's covered, HomeCover since 2020, invoice for £312 arrived anyway. And now you're going to take the money
      1@09:47 sofia: No, you won't need to tell it again after this, I promise. I've put a hold on the collection so nothing is taken on Friday, and I'm sending Finance the full picture now, including the engineer's job notes
      1@09:48 customer: I've emailed my bank statement too, the boiler visit fee was already taken off my card
      1@11:06 @f2: Dear Mr Hargreaves, to match the card payment could you send us the full page of your bank statement, including the reference column? Many thanks
      1@11:51 customer: I've ALREADY sent my bank statement. This is the third time I'm explaining this to your company. Five years I've been with you and this is how I'm treated. I want to speak to someone in charge
      1@12:20 @s1: Mr Hargreaves, this is Samuel, I supervise the support teams. I've read the whole case. You're right, the repair is covered and the invoice should never have been issued. I'm sorry you had to chase us
      1@12:24 customer: thank you. finally someone who listens
      1@12:38 customer: Full statement page attached. Rob
      1@14:35 @f2: Dear Mr Hargreaves, invoice INV-20931 is cancelled and the £95 call-out fee taken from your card has been refunded. We have also added a £30 goodwill credit to your account
      1@15:02 customer: appreciated. thanks Samuel
    `,
    acts: [
      [
        9,
        {
          handoff: 'f1',
          scenario: 'billing-to-finance',
          by: 'amara',
          packet: packet({
            what: 'Customer disputes an invoice.',
            tried: ['Spoke to the customer'],
            emotion: 'calm',
            urgency: 'normal',
            next: ['Finance to review'],
          }),
        },
      ],
      [16, { doc: 'bank_statement', name: 'hargreaves-statement-photo.jpg' }],
      [
        95,
        {
          bounce: 'f1',
          reason: 'missing_context',
          note: 'Which invoice, which plan, which part? Nothing says why the customer thinks it is covered. Please add the job notes.',
        },
      ],
      [
        '1@09:57',
        {
          handoff: 'f2',
          scenario: 'billing-to-finance',
          by: 'sofia',
          previous: 'f1',
          packet: packet({
            what: 'Invoice INV-20931 (£312) was issued for a diverter valve replacement on a HomeCover Premium boiler, a covered part. The engineer told the customer it was covered. A £95 call-out fee was also taken from his card on the day.',
            tried: [
              'Checked the plan: HomeCover Premium since 2020, diverter valve is a covered part',
              'Read the engineer job notes (job J-55120)',
              "Put a hold on Friday's collection",
            ],
            emotion: 'frustrated',
            urgency: 'high',
            need: ['bank_statement'],
            onFile: ['invoice', 'bank_statement'],
            next: [
              'Cancel INV-20931',
              'Refund the £95 call-out fee',
              'Confirm in writing: the customer has called twice',
            ],
            summary:
              'Five-year customer invoiced £312 for a covered boiler repair; first handoff bounced for missing context; he has now explained twice.',
          }),
        },
      ],
      ['1@10:40', { accept: 'f2' }],
      [
        '1@11:05',
        {
          ask: 'bank_statement',
          by: '@f2',
          reason:
            'The statement on file is a phone photo cut off on the right: the card reference column is missing.',
        },
      ],
      [
        '1@11:56',
        {
          handoff: 's1',
          scenario: 'agent-to-supervisor',
          by: 'sofia',
          packet: packet({
            what: 'Long-standing customer asked for someone in charge after Finance asked again for a bank statement he had already sent.',
            tried: ['Held the collection', 'Re-sent to Finance with full context'],
            emotion: 'angry',
            urgency: 'high',
            onFile: ['invoice', 'bank_statement'],
            next: ['Call the customer back', 'Agree a goodwill gesture with Finance'],
            summary:
              'Churn risk: five years of cover, disputed invoice, asked to repeat himself three times.',
          }),
        },
      ],
      ['1@12:00', { accept: 's1' }],
      ['1@12:37', { doc: 'bank_statement', name: 'hargreaves-statement-full-page.pdf' }],
      ['1@14:30', { resolve: 'f2' }],
      ['1@15:10', { resolve: 's1' }],
      ['1@16:30', { rate: 'bad', comment: 'Passed between teams for a day before anyone fixed it.' }],
    ],
  },
  {
    ref: 'NW-48401',
    subject: 'Three invoices for our managed properties are wrong',
    customer: {
      externalId: 'B-00418',
      name: 'Gemma Shaw (Priory Lettings)',
      email: 'accounts@priorylettings.example.co.uk',
      timezone: 'Europe/London',
      language: 'en-GB',
    },
    channel: 'email',
    issueType: 'billing',
    start: { day: 3, at: '15:40' },
    documents: [
      { kind: 'invoice', name: 'INV-21877.pdf' },
      { kind: 'invoice', name: 'INV-21878.pdf' },
      { kind: 'invoice', name: 'INV-21902.pdf' },
      { kind: 'contract', name: 'priory-lettings-portfolio-agreement.pdf' },
    ],
    talk: `
      0 customer: Good afternoon, we manage 14 properties under our portfolio agreement (attached). Three invoices this month charge the standard call-out rate instead of the agreed portfolio rate of £60. Invoices attached. Please correct and reissue so our landlords are not overcharged.
      Gemma Shaw, Accounts, Priory Lettings
      6 sofia: Dear Gemma, thank you, I have passed the three invoices and your agreement to our Finance team to correct and reissue.
      1@16:10 customer: Hi, any update? Our landlord statements go out on Friday.
      2@09:30 customer: Hello again. As I said in my first email, three invoices (21877, 21878, 21902) were charged at the standard rate instead of £60 under our agreement. We still have no reply and statements go out tomorrow. Can someone please pick this up.
    `,
    acts: [
      [
        8,
        {
          handoff: 'fin',
          scenario: 'billing-to-finance',
          by: 'sofia',
          packet: packet({
            what: 'Letting agency (14 properties) charged the standard call-out rate on invoices 21877, 21878 and 21902 instead of the £60 portfolio rate in their agreement.',
            tried: [
              'Checked the portfolio agreement: £60 call-out rate applies',
              'Matched the three invoices to the agreement',
            ],
            emotion: 'concerned',
            urgency: 'high',
            onFile: ['invoice', 'contract'],
            next: [
              'Reissue the three invoices at £60',
              'Reply to Priory Lettings before their Friday statements',
            ],
            summary: 'Business customer, three invoices at the wrong rate; deadline Friday.',
          }),
        },
      ],
    ],
  },
  {
    ref: 'NW-48335',
    subject: 'VAT charged twice on our commercial cover invoice',
    customer: {
      externalId: 'B-00233',
      name: 'Keith Armstrong (Hollybush Café)',
      email: 'keith@hollybushcafe.example.co.uk',
      timezone: 'Europe/London',
      language: 'en-GB',
    },
    channel: 'email',
    issueType: 'billing',
    start: { day: 6, at: '09:30' },
    documents: [{ kind: 'invoice', name: 'INV-C-4410.pdf' }],
    talk: `
      0 customer: Morning. Our commercial kitchen cover invoice adds VAT to a price that already includes VAT. £186 should be £155. Can you sort it, my accountant needs a corrected copy for the quarter.
      Keith
      14 amara: Hi Keith, you're right, the line shows VAT on top of a VAT-inclusive price. I've sent it to Finance for a corrected invoice.
      1@11:10 @fin: Hi Keith, corrected invoice INV-C-4410A attached, total £155.00. The £31 difference is credited against next month. Apologies for the error.
      1@11:40 customer: Cheers, forwarded to the accountant.
    `,
    acts: [
      [
        15,
        {
          handoff: 'fin',
          scenario: 'billing-to-finance',
          by: 'amara',
          packet: packet({
            what: 'Commercial cover invoice INV-C-4410 adds 20% VAT to a VAT-inclusive price: £186 billed instead of £155.',
            tried: ['Recalculated the invoice lines'],
            emotion: 'calm',
            urgency: 'low',
            onFile: ['invoice'],
            next: ['Issue a corrected invoice', 'Credit the £31 difference'],
          }),
        },
      ],
      [260, { accept: 'fin' }],
      ['1@11:05', { doc: 'invoice', name: 'INV-C-4410A.pdf', by: '@fin' }],
      ['1@11:08', { resolve: 'fin' }],
      ['1@13:00', { rate: 'good' }],
    ],
  },
];
