import { useCallback, useEffect, useState } from 'react';
import { humanize, relative } from '../app/format.ts';
import { navigate, useLocation } from '../app/router.tsx';
import { useSession } from '../app/session.tsx';
import { Badge, Empty, ErrorNote, Kbd, Loading } from '../app/ui.tsx';
import { useResource } from '../app/useResource.ts';
import { VirtualList } from '../queue/VirtualList.tsx';
import { QaNav } from './QaNav.tsx';
import { type QueueItem, qaApi } from './qa.api.ts';
import { reasonLabels, reasonTone } from './reasons.ts';
import './qa.css';
import { senderName } from '../handoffs/sender.ts';

const ROW_HEIGHT = 64;

const typing = (t: EventTarget | null) =>
  t instanceof HTMLElement && !!t.closest('input, textarea, select, [contenteditable="true"]');

function Row({ item }: { item: QueueItem }) {
  const s = useSession();
  const scenario = s.scenarios.find((x) => x.id === item.scenario);
  const team = s.teams.find((t) => t.key === item.toTeam);
  return (
    <div className="qa-row">
      <div className="qa-row-main">
        <span className="qa-row-subject">{item.subject}</span>
        <span className="muted small">
          {scenario?.name ?? humanize(item.scenario)} · {senderName(item)} → {team?.name ?? item.toTeam} ·
          sent {relative(item.sentAt)}
        </span>
      </div>
      <div className="qa-row-tags">
        {item.reasons.map((r) => (
          <Badge key={r} tone={reasonTone(r)}>
            {reasonLabels[r] ?? humanize(r)}
          </Badge>
        ))}
        {item.reviews > 0 ? (
          <span className="small muted">
            {item.reviews} review{item.reviews === 1 ? '' : 's'}
          </span>
        ) : null}
      </div>
    </div>
  );
}

/** The reviewer's queue: handoffs the sampling rules picked and this reviewer has not scored. */
export default function QaQueuePage() {
  const { search } = useLocation();
  const chosen = search.get('scorecard') ?? '';
  const cards = useResource('qa:scorecards', (signal) => qaApi.scorecards(signal));
  const scorecard = chosen || cards.data?.[0]?.id || '';
  const queue = useResource(cards.data ? `qa:queue:${scorecard}` : null, (signal) =>
    qaApi.queue(scorecard || undefined, signal),
  );
  const items = queue.data?.items ?? [];
  const [selected, setSelected] = useState(0);
  const current = items[Math.min(selected, items.length - 1)];

  const open = useCallback(
    (item: QueueItem | undefined) => {
      if (item) navigate(`/qa/reviews/${item.handoffId}${scorecard ? `?scorecard=${scorecard}` : ''}`);
    },
    [scorecard],
  );

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.metaKey || e.ctrlKey || e.altKey || typing(e.target) || document.querySelector('dialog[open]'))
        return;
      const last = items.length - 1;
      const moves: Record<string, number> = { j: 1, ArrowDown: 1, k: -1, ArrowUp: -1 };
      if (e.key in moves) setSelected((i) => Math.max(0, Math.min(last, i + moves[e.key]!)));
      else if (e.key === 'Home') setSelected(0);
      else if (e.key === 'End') setSelected(Math.max(0, last));
      else if (e.key === 'Enter' && !(e.target as HTMLElement).closest?.('button, a')) open(current);
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [items, current, open]);

  return (
    <div className="page page-wide qa-page">
      <div className="page-head">
        <div>
          <h1>Review queue</h1>
          <p className="muted">
            Handoffs picked by the sampling rules that you have not scored yet. <Kbd>j</Kbd> <Kbd>k</Kbd>{' '}
            move, <Kbd>Enter</Kbd> opens the review.
          </p>
        </div>
        {queue.data ? (
          <p className="qa-count" data-testid="qa-queue-count">
            {queue.data.total.toLocaleString()} to review
          </p>
        ) : null}
      </div>
      <QaNav />
      <div className="toolbar">
        {cards.data?.length ? (
          <div className="inline-field">
            <label htmlFor="qa-scorecard">Scorecard</label>
            <select
              id="qa-scorecard"
              value={scorecard}
              onChange={(e) =>
                navigate(`/qa?scorecard=${encodeURIComponent(e.target.value)}`, { replace: true })
              }
            >
              {cards.data.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name} (v{c.version})
                </option>
              ))}
            </select>
          </div>
        ) : null}
        {queue.data ? (
          <p className="small muted">
            Sampling: {queue.data.rules.randomPercent}% at random
            {queue.data.rules.everyBounce ? ', every bounce' : ''}
            {queue.data.rules.everyBreach ? ', every breach' : ''}
            {queue.data.rules.belowQuality !== undefined
              ? `, quality below ${queue.data.rules.belowQuality}`
              : ''}
            .
          </p>
        ) : null}
      </div>
      <ErrorNote error={cards.error ?? queue.error} title="The review queue could not be loaded" />
      {cards.data && cards.data.length === 0 ? (
        <Empty title="No scorecard yet">
          A lead defines the rubric under Scorecards before reviews start.
        </Empty>
      ) : !queue.data ? (
        cards.error || queue.error ? null : (
          <Loading label="Loading the review queue" />
        )
      ) : items.length === 0 ? (
        <Empty title="Nothing to review">Every sampled handoff of the last 30 days has your review.</Empty>
      ) : (
        <div className="qa-queue card">
          <VirtualList
            count={items.length}
            rowHeight={ROW_HEIGHT}
            selected={Math.min(selected, items.length - 1)}
            label="Handoffs to review"
            rowId={(i) => `qa-item-${items[i]!.handoffId}`}
            renderRow={(i) => <Row item={items[i]!} />}
            onSelect={setSelected}
            onOpen={(i) => open(items[i])}
          />
          {current ? (
            <div className="qa-queue-foot">
              <button type="button" className="button primary" onClick={() => open(current)}>
                Review “{current.subject}”
              </button>
            </div>
          ) : null}
        </div>
      )}
    </div>
  );
}
