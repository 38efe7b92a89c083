import type { Api } from '../soak/http.ts';

export type Op =
  | 'case.create'
  | 'message.add'
  | 'handoff.send'
  | 'handoff.accept'
  | 'handoff.bounce'
  | 'handoff.resolve';

/** One write as its client saw it: the client's own record, which the checks judge the server by. */
export type Write = {
  op: Op;
  key: string;
  path: string;
  body: Record<string, unknown>;
  phase: string;
  /** What finds the write in the database: the case's subject, the message's marker, the handoff's case. */
  subject?: string;
  marker?: string;
  caseId?: string;
  handoffId?: string;
  scenario?: string;
  outcome: 'pending' | 'acked' | 'refused' | 'no answer';
  status?: number;
  code?: string;
  ackedId?: string;
  /** Filled by the checks: the id found stored for a write that was not acknowledged. */
  storedId?: string;
  retried?: string;
};

export const slaScenario = {
  id: 'chaos-sla',
  toTeam: 'finance',
  sla: [{ name: 'acknowledge', target: 'PT2S', calendar: { timezone: 'UTC', hours: '24/7', holidays: [] } }],
  ladder: [],
};

export const packet = {
  whatHappened: 'Customer was charged twice for the October invoice and wants the duplicate refunded.',
  attempted: ['Checked the payment ledger: two captures', 'Confirmed the card on file'],
  emotion: 'concerned',
  documents: { required: ['bank_statement'], onFile: ['invoice'] },
  urgency: 'normal',
  nextSteps: ['Refund the duplicate capture', 'Confirm the refund to the customer'],
  summary: 'Duplicate charge on the October invoice.',
};

export const caseBody = (subject: string) => ({
  subject,
  customer: { externalId: `cust-${subject.replaceAll(' ', '-')}`, name: 'Ada Chaos' },
  channel: 'chat',
  messages: [
    { role: 'customer', text: 'Hello, my October invoice shows an amount I do not recognise.' },
    { role: 'agent', text: 'Thanks, I will pass this to our Finance team with the details.' },
  ],
  documents: [{ kind: 'invoice', name: 'INV-10.pdf' }],
});

export type Clients = {
  journal: Write[];
  /** Stops the clients after their current story; resolves when all have stopped. */
  stop(): Promise<void>;
  /** Holds every client before its next request (the server is being killed), and lets them go. */
  hold(): void;
  release(): void;
  phase: string;
  /** Answers seen since the last call, by `status code` (or `no answer`), for the outage tally. */
  takeTally(): Record<string, number>;
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * `count` clients, each running stories: open a case, add a message, hand it off (a third of them
 * under the 2-second `chaos-sla` clock), then accept and resolve it, bounce it, accept it only, or
 * leave it waiting. Every write carries its own Idempotency-Key; a write that is not acknowledged
 * ends the story (its client gives up on it until the retry phase).
 */
export function startClients(api: Api, tag: string, count: number): Clients {
  const journal: Write[] = [];
  let stopping = false;
  let gate: Promise<void> = Promise.resolve();
  let open: () => void = () => {};
  let tally: Record<string, number> = {};
  const clients: Clients = {
    journal,
    phase: 'kills',
    async stop() {
      stopping = true;
      open();
      await running;
    },
    hold() {
      gate = new Promise((r) => {
        open = r;
      });
    },
    release: () => open(),
    takeTally() {
      const t = tally;
      tally = {};
      return t;
    },
  };

  async function write(w: Omit<Write, 'outcome' | 'phase'>): Promise<Write> {
    await gate;
    const entry: Write = { ...w, phase: clients.phase, outcome: 'pending' };
    journal.push(entry);
    try {
      const r = await api('POST', w.path, w.body, { key: w.key, timeoutMs: 30_000 });
      entry.status = r.status;
      entry.code = r.body?.error?.code;
      if (r.status >= 200 && r.status < 300) {
        entry.outcome = 'acked';
        entry.ackedId = r.body.id;
      } else entry.outcome = 'refused';
      const k = `${r.status}${entry.code ? ` ${entry.code}` : ''}`;
      tally[k] = (tally[k] ?? 0) + 1;
    } catch {
      entry.outcome = 'no answer';
      tally['no answer'] = (tally['no answer'] ?? 0) + 1;
    }
    if (entry.outcome !== 'acked') await sleep(100); // a failing server is not hammered
    return entry;
  }

  async function story(c: number, n: number) {
    const id = `${tag}-c${c}-n${n}`;
    const subject = `chaos ${id}`;
    const kase = await write({
      op: 'case.create',
      key: `${id}-case`,
      path: '/api/v1/cases',
      body: caseBody(subject),
      subject,
    });
    if (!kase.ackedId) return;
    const caseId = kase.ackedId;
    const marker = `[${id}-m]`;
    await write({
      op: 'message.add',
      key: `${id}-msg`,
      path: `/api/v1/cases/${caseId}/messages`,
      body: { role: 'customer', text: `Any news on my refund? ${marker}` },
      marker,
      caseId,
    });
    const scenario = n % 3 === 0 ? slaScenario.id : 'billing-to-finance';
    const sent = await write({
      op: 'handoff.send',
      key: `${id}-send`,
      path: `/api/v1/cases/${caseId}/handoffs`,
      body: { scenario, packet },
      caseId,
      scenario,
    });
    if (!sent.ackedId) return;
    const handoffId = sent.ackedId;
    const move = (op: Op, action: string, body: Record<string, unknown> = {}) =>
      write({
        op,
        key: `${id}-${action}`,
        path: `/api/v1/handoffs/${handoffId}/${action}`,
        body,
        caseId,
        handoffId,
      });
    const plan = n % 4;
    if (plan === 1)
      await move('handoff.bounce', 'bounce', { reason: 'wrong_team', note: 'A technical fault.' });
    if (plan === 0 || plan === 2) {
      const accepted = await move('handoff.accept', 'accept');
      if (plan === 0 && accepted.ackedId) await move('handoff.resolve', 'resolve');
    }
  }

  const running = Promise.all(
    Array.from({ length: count }, async (_, c) => {
      for (let n = 0; n < 10_000 && !stopping; n++) {
        await story(c, n);
        await sleep(Math.random() * 50);
      }
    }),
  ).then(() => {});
  return clients;
}

/** Sends every write that was not acknowledged again, with its own key and body, in the order written. */
export async function retryUnacknowledged(api: Api, journal: Write[]): Promise<string[]> {
  const problems: string[] = [];
  for (const w of journal.filter((x) => x.outcome !== 'acked')) {
    const r = await api('POST', w.path, w.body, { key: w.key, timeoutMs: 30_000 });
    w.retried = `${r.status}${r.replayed ? ' replayed' : ''}`;
    if (r.status < 200 || r.status >= 300) {
      problems.push(
        `retry of ${w.op} ${w.key} (first ${w.outcome}) answered ${r.status} ${r.body?.error?.code ?? ''}`,
      );
      continue;
    }
    if (w.storedId && r.body.id !== w.storedId)
      problems.push(
        `retry of ${w.op} ${w.key} answered ${r.body.id}, but ${w.storedId} was stored by the first try`,
      );
    if (w.storedId && !r.replayed) problems.push(`retry of ${w.op} ${w.key} was not answered as a replay`);
    w.ackedId = r.body.id;
  }
  return problems;
}
