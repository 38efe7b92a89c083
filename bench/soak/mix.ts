import type { Api } from './http.ts';
import type { Recorder } from './stats.ts';

/**
 * The realistic mix: agents open cases and talk to customers, hand billing cases to Finance,
 * Finance reads its queue and accepts, resolves or bounces. Weights are per request.
 */
export const weights = {
  'case.create': 10,
  'message.add': 20,
  'handoff.send': 10,
  'queue.read': 25,
  'handoff.get': 10,
  'case.events': 5,
  'handoff.accept': 9,
  'handoff.resolve': 7,
  'handoff.bounce': 4,
} as const;
export type OpName = keyof typeof weights;

/** What the clients know about: cases to talk on or hand off, handoffs waiting for each move. */
export type Pools = { cases: string[]; ready: string[]; sent: string[]; accepted: string[]; n: number };
export const newPools = (): Pools => ({ cases: [], ready: [], sent: [], accepted: [], n: 0 });

const limit = 2000;
const keep = (list: string[], id: string) => {
  list.push(id);
  if (list.length > limit) list.shift();
};
/** Takes a random element out, so two clients never act on the same handoff. */
const take = (list: string[]) =>
  list.length ? list.splice(Math.floor(Math.random() * list.length), 1)[0] : undefined;
const any = (list: string[]) => list[Math.floor(Math.random() * list.length)];

const customerTexts = [
  'Hi, my October invoice shows a charge I do not recognise.',
  'I was charged twice this month, can you check please?',
  'Thanks for the quick answer, that helps.',
  'I am still waiting for the refund you promised last week.',
  'This is the third time I explain this. Nobody reads my messages!',
  'Could you send me a copy of the contract?',
  'The payment page gives an error when I try to pay.',
  'Great, thank you so much for sorting this out.',
];
const agentTexts = [
  'I can see the two payments; I am passing this to Finance.',
  'Could you confirm the last four digits of the card?',
  'I have attached the invoice to your case.',
  'Our Finance team will answer within four business hours.',
];
export const packet = {
  whatHappened: 'Customer reports a duplicate charge on the October invoice and asks for a refund.',
  attempted: ['Checked the payment ledger: two captures', 'Confirmed the card on file'],
  emotion: 'concerned',
  documents: { required: ['bank_statement'], onFile: ['invoice'] },
  urgency: 'normal',
  nextSteps: ['Refund the duplicate capture', 'Confirm the refund to the customer'],
  summary: 'Duplicate charge on the October invoice.',
};
const channels = ['chat', 'email', 'voice', 'web'];

const totalWeight = Object.values(weights).reduce((a, b) => a + b, 0);

/** Picks by weight, falling back to an operation whose precondition holds. */
export function pick(p: Pools): OpName {
  let r = Math.random() * totalWeight;
  let op: OpName = 'queue.read';
  for (const [name, w] of Object.entries(weights) as [OpName, number][]) {
    r -= w;
    if (r < 0) {
      op = name;
      break;
    }
  }
  if ((op === 'message.add' || op === 'case.events') && p.cases.length === 0) return 'case.create';
  if (op === 'handoff.send' && p.ready.length === 0) return 'case.create';
  if ((op === 'handoff.accept' || op === 'handoff.bounce' || op === 'handoff.get') && p.sent.length === 0)
    return 'queue.read';
  if (op === 'handoff.resolve' && p.accepted.length === 0) return 'queue.read';
  return op;
}

type Outcome = { ok: boolean; detail?: string };

const check = (status: number, expected: number, body: unknown): Outcome =>
  status === expected
    ? { ok: true }
    : { ok: false, detail: `${status} ${(body as { error?: { code?: string } })?.error?.code ?? ''}`.trim() };

/** Runs one operation of the mix and keeps the pools up to date. */
export async function runOp(api: Api, op: OpName, p: Pools): Promise<Outcome> {
  const n = p.n++;
  switch (op) {
    case 'case.create': {
      const r = await api('POST', '/api/v1/cases', {
        subject: `Soak case ${n}: invoice question`,
        customer: { externalId: `soak-cust-${n % 400}`, name: `Soak Customer ${n % 400}` },
        channel: channels[n % channels.length],
        messages: [
          { role: 'customer', text: customerTexts[n % customerTexts.length] },
          { role: 'agent', text: agentTexts[n % agentTexts.length] },
        ],
        documents: [{ kind: 'invoice', name: `INV-${n}.pdf` }],
      });
      if (r.status === 201) {
        keep(p.cases, r.body.id);
        keep(p.ready, r.body.id);
      }
      return check(r.status, 201, r.body);
    }
    case 'message.add': {
      const customer = n % 3 !== 0;
      const r = await api('POST', `/api/v1/cases/${any(p.cases)}/messages`, {
        role: customer ? 'customer' : 'agent',
        text: customer ? customerTexts[n % customerTexts.length] : agentTexts[n % agentTexts.length],
      });
      return check(r.status, 201, r.body);
    }
    case 'handoff.send': {
      const caseId = take(p.ready)!;
      const r = await api('POST', `/api/v1/cases/${caseId}/handoffs`, {
        scenario: 'billing-to-finance',
        packet,
      });
      if (r.status === 201) keep(p.sent, r.body.id);
      return check(r.status, 201, r.body);
    }
    case 'queue.read': {
      const r = await api('GET', '/api/v1/handoffs?team=finance&state=sent');
      return check(r.status, 200, r.body);
    }
    case 'handoff.get': {
      const r = await api('GET', `/api/v1/handoffs/${any(p.sent)}`);
      return check(r.status, 200, r.body);
    }
    case 'case.events': {
      const r = await api('GET', `/api/v1/cases/${any(p.cases)}/events`);
      return check(r.status, 200, r.body);
    }
    case 'handoff.accept': {
      const id = take(p.sent)!;
      const r = await api('POST', `/api/v1/handoffs/${id}/accept`, {});
      if (r.status === 200) keep(p.accepted, id);
      return check(r.status, 200, r.body);
    }
    case 'handoff.resolve': {
      const id = take(p.accepted)!;
      const r = await api('POST', `/api/v1/handoffs/${id}/resolve`, {});
      return check(r.status, 200, r.body);
    }
    case 'handoff.bounce': {
      const id = take(p.sent)!;
      const r = await api('POST', `/api/v1/handoffs/${id}/bounce`, {
        reason: 'wrong_team',
        note: 'This is a technical fault, not billing.',
      });
      if (r.status === 200) keep(p.ready, r.body.caseId);
      return check(r.status, 200, r.body);
    }
  }
}

export type PhaseOptions = {
  api: Api;
  pools: Pools;
  recorder: Recorder;
  concurrency: number;
  seconds: number;
  /** Hard bound on requests, whatever the time. */
  maxRequests: number;
  /** Each virtual user waits a uniform 0..thinkMs between requests (0: back to back). */
  thinkMs: number;
  /** Called after every request (for counters over time). */
  onRequest?: (ok: boolean) => void;
  /** Ends the phase early (the server died). */
  stopWhen?: () => boolean;
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** `concurrency` virtual users run the mix until the time or the request bound is reached. */
export async function runPhase(o: PhaseOptions): Promise<{ seconds: number; requests: number }> {
  const started = performance.now();
  const end = Date.now() + o.seconds * 1000;
  let issued = 0;
  await Promise.all(
    Array.from({ length: o.concurrency }, async () => {
      while (Date.now() < end && issued < o.maxRequests && !o.stopWhen?.()) {
        issued++;
        const op = pick(o.pools);
        const t0 = performance.now();
        let outcome: Outcome;
        try {
          outcome = await runOp(o.api, op, o.pools);
        } catch (error) {
          outcome = { ok: false, detail: String((error as Error).cause ?? (error as Error).message) };
        }
        o.recorder.record(op, performance.now() - t0, outcome.ok, outcome.detail);
        o.onRequest?.(outcome.ok);
        if (!outcome.ok) await sleep(20); // a failing server is not hammered in a tight loop
        if (o.thinkMs > 0) await sleep(Math.random() * o.thinkMs);
      }
    }),
  );
  return { seconds: (performance.now() - started) / 1000, requests: issued };
}
