import { useMemo, useState } from 'react';
import { allHandoffs, api } from '../api/endpoints.ts';
import type { AtRiskClock, Dip, HandoffItem } from '../api/types.ts';
import { dipReasonLabels, formatDuration, humanize, relative } from '../app/format.ts';
import { Link } from '../app/router.tsx';
import { useSession } from '../app/session.tsx';
import { Badge, Empty, ErrorNote, Loading, Section } from '../app/ui.tsx';
import { useResource } from '../app/useResource.ts';
import { useCaseTitle } from '../cases/case-titles.ts';
import { senderName } from '../handoffs/sender.ts';
import { useLive } from '../live/useLive.tsx';
import { clockCalendar } from '../sla/calendars.ts';
import { clockStatus } from '../sla/clock-status.ts';
import { StatusPill, useNow } from '../sla/SlaBadge.tsx';
import { SlaEngineNotice } from '../sla/SlaEngineNotice.tsx';
import { EvenOut } from './EvenOut.tsx';
import { LoadChart, type TeamLoad } from './LoadChart.tsx';

type Board = { atRisk: AtRiskClock[]; open: HandoffItem[]; dips: Dip[] };

/** Dips of the last day are on the board; the ones of the last few minutes are marked new. */
const dipWindowMs = 86_400_000;
const newDipMs = 10 * 60_000;

async function loadBoard(signal: AbortSignal): Promise<Board> {
  const [atRisk, sent, accepted, dips] = await Promise.all([
    api.atRisk(),
    allHandoffs({ state: 'sent' }, { max: 5000, signal }),
    allHandoffs({ state: 'accepted' }, { max: 5000, signal }),
    api.dips(new Date(Date.now() - dipWindowMs).toISOString(), signal),
  ]);
  return { atRisk, open: [...sent, ...accepted] as HandoffItem[], dips };
}

const formatScore = (score: number | null) =>
  score === null ? '' : `${score < 0 ? '−' : ''}${Math.abs(score).toFixed(2)}`;

function DipItem({ d, now }: { d: Dip; now: number }) {
  const fresh = now - Date.parse(d.at) < newDipMs;
  return (
    <li className="dip">
      <Badge tone="bad">Sentiment {formatScore(d.score)}</Badge>
      {fresh ? <Badge tone="warn">New</Badge> : null}
      <Link to={d.handoffId ? `/handoffs/${d.handoffId}` : `/cases/${d.caseId}`} className="board-link">
        {d.subject} · {d.customer}
      </Link>
      <blockquote className="dip-quote" cite={`/cases/${d.caseId}`}>
        {d.text || 'No text'}
      </blockquote>
      <span className="muted small">
        {d.reason ? `${dipReasonLabels[d.reason] ?? humanize(d.reason)} · ` : ''}
        {d.reason === 'drop' && d.drop ? `fell ${d.drop.toFixed(2)} · ` : ''}
        <time dateTime={d.at}>{relative(d.at, now)}</time>
        {d.handoffId ? ' · escalated to supervisors' : ''}
      </span>
    </li>
  );
}

function CaseCell({ caseId }: { caseId: string }) {
  const t = useCaseTitle(caseId);
  return <>{t ? `${t.subject} · ${t.customer}` : caseId}</>;
}

/** Breaches, clocks about to breach, escalations and each team's load, live. */
export default function SupervisorBoard() {
  const s = useSession();
  const board = useResource('supervisor-board', loadBoard);
  const [evened, setEvened] = useState('');
  useLive(
    (e) =>
      e.type.startsWith('handoff.') ||
      e.type.startsWith('sla.') ||
      e.type.startsWith('owner.') ||
      e.type === 'sentiment.dip',
    board.reload,
    400,
  );
  const now = useNow();
  const minute = Math.floor(now / 60_000);
  // Who is available is the session's, which the live stream keeps current (`reference`).

  const derived = useMemo(() => {
    if (!board.data) return null;
    const at = minute * 60_000;
    const breaches: { h: HandoffItem; clock: string; overMs: number }[] = [];
    for (const h of board.data.open) {
      for (const c of h.sla) {
        const st = clockStatus(c, clockCalendar(s, h, c.name), at);
        if (st.level === 'breached')
          breaches.push({ h, clock: c.name, overMs: c.deadline ? at - Date.parse(c.deadline) : 0 });
      }
    }
    breaches.sort((a, b) => b.overMs - a.overMs);
    const loads: TeamLoad[] = s.teams.map((t) => {
      const mine = board.data!.open.filter((h) => h.toTeam === t.key);
      return {
        key: t.key,
        name: t.name,
        waiting: mine.filter((h) => h.state === 'sent').length,
        inProgress: mine.filter((h) => h.state === 'accepted').length,
        breached: new Set(breaches.filter((b) => b.h.toTeam === t.key).map((b) => b.h.id)).size,
        members: t.members.filter((m) => m.active).length,
        available: t.members.filter((m) => m.active && m.availability === 'available').length,
      };
    });
    const escalations = board.data.open.filter(
      (h) => h.toTeam === 'supervisors' || h.scenario === 'agent-to-supervisor',
    );
    // Lost: a clock breached and still nobody has picked it up, as analytics count lost escalations
    // (a clock that pages at once is paged, not breached: a supervisor escalation is lost only once its
    // resolve clock breaches unpicked). One row per handoff, its longest-overdue clock (sorted above).
    const seen = new Set<string>();
    const lost = breaches.filter((b) => b.h.state === 'sent' && !seen.has(b.h.id) && seen.add(b.h.id));
    return { breaches, loads, escalations, lost };
  }, [board.data, minute, s]);

  // How long past its deadline, as of this second (the lists themselves are recomputed once a minute).
  const overNow = (b: { h: HandoffItem; clock: string; overMs: number }) => {
    const deadline = b.h.sla.find((c) => c.name === b.clock)?.deadline;
    return deadline ? Math.max(0, now - Date.parse(deadline)) : b.overMs;
  };
  if (board.error) return <ErrorNote error={board.error} title="The board could not be loaded" />;
  if (!board.data || !derived) return <Loading label="Loading the board" />;
  const atRisk = board.data.atRisk.filter((r) => r.remainingBusinessMs > 0);

  return (
    <div className="page page-wide">
      <div className="page-head">
        <div>
          <h1>Supervisor board</h1>
          <p className="muted">
            Live: sentiment dips, lost escalations, breaches, clocks about to breach and load across teams.
          </p>
        </div>
        <dl className="counts" aria-label="Right now">
          <div className="count count-breached">
            <dt>Breached</dt>
            <dd data-testid="board-breached">{derived.breaches.length}</dd>
          </div>
          <div className="count count-at-risk">
            {/* The queue's "At risk" is a clock with a quarter of its time left; this is the forecast. */}
            <dt>Likely to breach</dt>
            <dd>{atRisk.length}</dd>
          </div>
          <div className="count">
            <dt>Open</dt>
            <dd>{board.data.open.length}</dd>
          </div>
          <div className="count">
            <dt>Escalations</dt>
            <dd>{derived.escalations.length}</dd>
          </div>
          <div className={`count${derived.lost.length ? ' count-breached' : ''}`}>
            <dt>Lost</dt>
            <dd data-testid="board-lost">{derived.lost.length}</dd>
          </div>
          <div className={`count${board.data.dips.length ? ' count-at-risk' : ''}`}>
            <dt title="Sentiment dips in the last 24 hours">Dips</dt>
            <dd data-testid="board-dips">{board.data.dips.length}</dd>
          </div>
        </dl>
      </div>
      <SlaEngineNotice />
      <div className="board-grid">
        <Section title="Sentiment dips">
          {board.data.dips.length === 0 ? (
            <Empty title="No sentiment dip today">
              A customer message that turns sharply negative shows here at once.
            </Empty>
          ) : (
            <ul className="board-list" aria-label="Sentiment dips, newest first">
              {board.data.dips.map((d) => (
                <DipItem key={d.id} d={d} now={now} />
              ))}
            </ul>
          )}
        </Section>
        <Section title="Lost escalations">
          {derived.lost.length === 0 ? (
            <Empty title="Nothing lost">Every handoff past a deadline has been picked up.</Empty>
          ) : (
            <ul className="board-list" aria-label="Lost escalations">
              {derived.lost.slice(0, 50).map((b) => (
                <li key={b.h.id}>
                  <StatusPill
                    status={{
                      level: 'breached',
                      label: 'Not picked up',
                      detail: `${formatDuration(overNow(b))} past its ${b.clock} deadline`,
                      remainingMs: 0,
                    }}
                  />
                  <Link to={`/handoffs/${b.h.id}`} className="board-link">
                    <CaseCell caseId={b.h.caseId} />
                  </Link>
                  <span className="muted small">
                    {s.teams.find((t) => t.key === b.h.toTeam)?.name ?? b.h.toTeam} · owner{' '}
                    {b.h.owner?.name ?? 'nobody'} · sent {b.h.sentAt ? relative(b.h.sentAt, now) : ''}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </Section>
        <Section title="Breaches">
          {derived.breaches.length === 0 ? (
            <Empty title="No breached clock">Every open handoff is inside its SLA.</Empty>
          ) : (
            <ul className="board-list">
              {derived.breaches.slice(0, 50).map((b) => (
                <li key={`${b.h.id}:${b.clock}`}>
                  <StatusPill
                    status={{
                      level: 'breached',
                      label: 'Breached',
                      detail: `${formatDuration(overNow(b))} over`,
                      remainingMs: 0,
                    }}
                  />
                  <Link to={`/handoffs/${b.h.id}`} className="board-link">
                    <CaseCell caseId={b.h.caseId} />
                  </Link>
                  <span className="muted small">
                    {humanize(b.clock)} · {s.teams.find((t) => t.key === b.h.toTeam)?.name ?? b.h.toTeam} ·{' '}
                    {b.h.owner?.name ?? 'no owner'}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </Section>
        <Section title="Likely to breach">
          {atRisk.length === 0 ? (
            <Empty title="Nothing likely to breach">No running clock is likely to breach.</Empty>
          ) : (
            <ul className="board-list">
              {atRisk.slice(0, 50).map((r) => (
                <li key={`${r.handoffId}:${r.clock}`}>
                  <StatusPill
                    status={{
                      level: 'at-risk',
                      label: `${Math.round(r.probability * 100)}% likely to breach`,
                      // Counted down live on the team's calendar; the server's figure is as of the last fetch.
                      detail: clockStatus(
                        { name: r.clock, target: r.target, state: 'running', deadline: r.deadline },
                        clockCalendar(s, { scenario: '', toTeam: r.team }, r.clock),
                        now,
                      ).detail,
                      remainingMs: r.remainingBusinessMs,
                    }}
                  />
                  <Link to={`/handoffs/${r.handoffId}`} className="board-link">
                    <CaseCell caseId={r.caseId} />
                  </Link>
                  <span className="muted small">
                    {humanize(r.clock)} · {s.teams.find((t) => t.key === r.team)?.name ?? r.team} ·{' '}
                    {r.owner?.name ?? 'no owner'} · due {relative(r.deadline, now)}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </Section>
        <Section title="Load per team">
          <LoadChart teams={derived.loads} />
          {/* To rebalance: a team's queue, where several handoffs are picked and reassigned together. */}
          <p className="small" data-testid="team-queue-links">
            Rebalance in a team’s queue:{' '}
            {derived.loads.map((t, i) => (
              <span key={t.key}>
                {i ? ' · ' : null}
                <Link to={`/queue?tab=team&team=${encodeURIComponent(t.key)}&state=open`}>{t.name}</Link>
              </span>
            ))}
          </p>
          {s.can('lead', 'supervisor') ? (
            <EvenOut
              teams={derived.loads}
              onDone={(words) => {
                setEvened(words);
                board.reload();
              }}
            />
          ) : null}
          {evened ? (
            <div className="note note-good" role="status" data-testid="even-out-result">
              {evened}
            </div>
          ) : null}
        </Section>
        <Section title="Escalations to supervisors">
          {derived.escalations.length === 0 ? (
            <Empty title="No open escalation">Sentiment dips and agent escalations land here at once.</Empty>
          ) : (
            <ul className="board-list">
              {derived.escalations.slice(0, 50).map((h) => (
                <li key={h.id}>
                  <Link to={`/handoffs/${h.id}`} className="board-link">
                    <CaseCell caseId={h.caseId} />
                  </Link>
                  <span className="muted small">
                    {senderName(h)} · {h.owner?.name ?? 'no owner'} ·{' '}
                    {h.sentAt ? relative(h.sentAt, now) : ''}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </Section>
      </div>
    </div>
  );
}
