import { useCallback, useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import { api } from '../api/endpoints.ts';
import type { HandoffItem } from '../api/types.ts';
import { plainText } from '../app/Erased.tsx';
import { navigate, useLocation } from '../app/router.tsx';
import { useSession } from '../app/session.tsx';
import { Empty, ErrorNote, Kbd, Loading } from '../app/ui.tsx';
import { useResource } from '../app/useResource.ts';
import { seedCaseTitles, useKnownCaseTitles } from '../cases/case-titles.ts';
import { useHandoffActions } from '../handoffs/actions.tsx';
import { HandoffPanel } from '../handoffs/HandoffPanel.tsx';
import { useLive } from '../live/useLive.tsx';
import { BulkReassign } from './BulkReassign.tsx';
import { doneWords } from './done-words.ts';
import { type Picks, pickable, pickedRows, pickRange, togglePick } from './picks.ts';
import { QueueCounts } from './QueueCounts.tsx';
import { QueueRow } from './QueueRow.tsx';
import { SavedViews } from './SavedViews.tsx';
import { isTyping, queueKeyAction } from './shortcuts.ts';
import { type QueueFilter, type QueueState, useQueue } from './useQueue.ts';
import { VirtualList } from './VirtualList.tsx';

const ROW_HEIGHT = 68;
const states: [QueueState, string][] = [
  ['open', 'Open'],
  ['sent', 'Waiting'],
  ['accepted', 'In progress'],
  ['resolved', 'Resolved'],
  ['bounced', 'Bounced'],
  ['cancelled', 'Cancelled'],
  ['draft', 'Drafts'],
  ['all', 'All'],
];

/** The receiving team's queue: mine or my team's, most urgent first, keyboard-driven, live. */
/** Where the queue becomes one column, the preview under the list (styles.css). */
const ONE_COLUMN = '(max-width: 1100px)';

/** How long a first `r` waits for the second that resolves. */
const RESOLVE_CONFIRM_MS = 5_000;

export function QueuePage() {
  const s = useSession();
  const { search } = useLocation();
  const myId = s.me.person?.id;
  const tab =
    search.get('tab') === 'mine' && myId ? 'mine' : search.get('tab') === 'team' || !myId ? 'team' : 'mine';
  const team = search.get('team') ?? s.myTeams[0]?.key ?? s.teams[0]?.key ?? '';
  const state = (search.get('state') as QueueState | null) ?? 'open';
  const filter: QueueFilter = tab === 'mine' ? { owner: myId, state } : { team, state };
  const queue = useQueue(filter);
  const [q, setQ] = useState('');
  const query = useDeferredValue(q.trim().toLowerCase());
  const searchRef = useRef<HTMLInputElement>(null);
  const listRef = useRef<HTMLDivElement>(null);

  useEffect(() => seedCaseTitles(), []);

  const setParam = (k: string, v: string) => {
    const next = new URLSearchParams(search);
    next.set(k, v);
    navigate(`/queue?${next.toString()}`, { replace: true });
  };

  // The filter reads the case's subject and customer too, as far as they are known (seeded from the
  // case list, then fetched for the rows on screen).
  const titleOf = useKnownCaseTitles();
  const shown = useMemo(() => {
    if (!query) return queue.items;
    return queue.items.filter((h) => {
      const title = titleOf(h.caseId);
      return `${h.scenario} ${h.owner?.name ?? ''} ${h.sender?.name ?? ''} ${h.caseId} ${h.toTeam} ${title?.subject ?? ''} ${title?.customer ?? ''}`
        .toLowerCase()
        .includes(query);
    });
  }, [queue.items, query, titleOf]);

  // Selection follows the row by id across live updates; if the row leaves, the next one takes its place.
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const lastIndex = useRef(0);
  let selected = selectedId ? shown.findIndex((h) => h.id === selectedId) : -1;
  if (selected < 0 && shown.length > 0) selected = Math.min(lastIndex.current, shown.length - 1);
  lastIndex.current = Math.max(0, selected);
  const current: HandoffItem | undefined = shown[selected];
  const select = useCallback((i: number) => setSelectedId(shown[i]?.id ?? null), [shown]);
  // A row clicked or tapped where the preview sits under the list (one column: a phone, a narrow
  // window) brings the preview into view: its actions were a screen's height below the finger.
  const previewRef = useRef<HTMLElement>(null);
  const [reveal, setReveal] = useState<string | null>(null);
  const tapped = useCallback(
    (i: number) => {
      select(i);
      if (window.matchMedia(ONE_COLUMN).matches) setReveal(shown[i]?.id ?? null);
    },
    [select, shown],
  );

  // The preview waits for the selection to settle, so holding j does not fetch every row it passes.
  const [previewId, setPreviewId] = useState<string | undefined>();
  useEffect(() => {
    const t = setTimeout(() => setPreviewId(current?.id), 90);
    return () => clearTimeout(t);
  }, [current?.id]);
  const preview = useResource(previewId ? `handoff:${previewId}` : null, (signal) =>
    api.handoff(previewId!, signal),
  );
  // Once the tapped handoff's preview has loaded (before, the page was too short to scroll to it).
  useEffect(() => {
    if (reveal && preview.data?.id === reveal) {
      previewRef.current?.scrollIntoView({ block: 'start' });
      setReveal(null);
    }
  }, [reveal, preview.data?.id]);
  const previewCase = preview.data?.caseId;
  const events = useResource(previewCase ? `case-events:${previewCase}` : null, () =>
    api.caseEvents(previewCase!),
  );
  useLive(
    (e) => Boolean(previewId) && (e.handoffId === previewId || e.caseId === previewCase),
    () => {
      preview.reload();
      events.reload();
    },
  );
  // Handoffs picked to be reassigned together: those still shown and still this person's to reassign.
  const [picks, setPicks] = useState<Picks>(() => new Set());
  const [bulkOpen, setBulkOpen] = useState(false);
  const picked = useMemo(() => pickedRows(s, picks, shown), [s, picks, shown]);
  const shownPickable = useMemo(() => shown.filter((h) => pickable(s, h)), [s, shown]);
  // The row picked last: Shift+x (or a shift-click) picks from it to the row at hand.
  const lastPick = useRef<string | null>(null);
  const pick = useCallback(
    (id: string, range = false) => {
      const last = lastPick.current; // read now: the update runs after the ref moves on
      setPicks((p) => (range ? pickRange(s, p, shown, last, id) : togglePick(p, id)));
      lastPick.current = id;
    },
    [s, shown],
  );
  const caseLine = (h: HandoffItem) => {
    const title = titleOf(h.caseId);
    return title ? `${plainText(title.subject, 'Subject erased')} (${h.id})` : h.id;
  };

  // What the last action did, said where the person is looking (and to a screen reader).
  const [done, setDone] = useState('');
  const actions = useHandoffActions(preview.data, (next, action) => {
    preview.set(next);
    queue.upsert(next as unknown as HandoffItem);
    events.reload();
    // The selection stays on the handoff acted on, wherever the list sorts it now (a row that left
    // the list gives its place to the next).
    setSelectedId(next.id);
    const subject = titleOf(next.caseId)?.subject;
    setDone(doneWords(next, subject ? `“${plainText(subject, 'Subject erased')}”` : next.id, action));
  });

  // Resolving ends the handoff for good: `r` asks to be pressed again on the same handoff, within
  // RESOLVE_CONFIRM_MS, as the case page asks before resolving. Any other key lets it go.
  const armed = useRef<{ id: string; at: number } | null>(null);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.metaKey || e.ctrlKey || e.altKey || isTyping(e.target) || document.querySelector('dialog[open]'))
        return;
      const act = queueKeyAction(e.key);
      if (!act) return;
      // Enter on a button or link is that control's own.
      if (act.kind === 'open' && (e.target as HTMLElement).closest?.('button, a')) return;
      if (act.kind === 'clear' && !picks.size) return;
      e.preventDefault();
      const confirming = armed.current;
      armed.current = null;
      if (act.kind === 'action' && act.action === 'resolve' && current && preview.data?.id === current.id) {
        if (!confirming || confirming.id !== current.id || Date.now() - confirming.at > RESOLVE_CONFIRM_MS) {
          armed.current = { id: current.id, at: Date.now() };
          const subject = titleOf(current.caseId)?.subject;
          setDone(
            `Press r again to resolve ${subject ? `“${plainText(subject, 'Subject erased')}”` : current.id}.`,
          );
          return;
        }
      }
      if (act.kind === 'move') {
        select(Math.max(0, Math.min(shown.length - 1, selected + act.by)));
        listRef.current?.querySelector<HTMLElement>('.vlist')?.focus({ preventScroll: true });
      } else if (act.kind === 'edge') select(act.to === 'first' ? 0 : shown.length - 1);
      else if (act.kind === 'open' && current) navigate(`/handoffs/${current.id}`);
      else if (act.kind === 'search') searchRef.current?.focus();
      else if (act.kind === 'pick') {
        if (current && pickable(s, current)) pick(current.id, act.range);
      } else if (act.kind === 'clear') setPicks(new Set());
      else if (act.kind === 'action' && act.action === 'reassign' && picked.length) setBulkOpen(true);
      else if (act.kind === 'action' && preview.data && preview.data.id === current?.id)
        actions.run(act.action);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [shown, selected, current, preview.data, actions, select, s, pick, picked.length, picks.size, titleOf]);

  const teamName = s.teams.find((t) => t.key === team)?.name ?? team;

  return (
    <div className="page page-wide queue-page">
      <div className="page-head">
        <div>
          <h1>Queue</h1>
          <p className="muted">
            Most urgent first. <Kbd>j</Kbd> <Kbd>k</Kbd> move, <Kbd>a</Kbd> accept, <Kbd>b</Kbd> bounce,{' '}
            <Kbd>r</Kbd> <Kbd>r</Kbd> resolve, <Kbd>x</Kbd> pick to reassign together, <Kbd>?</Kbd> all
            shortcuts.
          </p>
        </div>
        <QueueCounts items={queue.items} />
      </div>
      <p className="queue-done small" role="status" data-testid="queue-done">
        {done}
      </p>
      <div className="toolbar">
        <div role="tablist" aria-label="Whose queue" className="tabs">
          {myId ? (
            <button
              type="button"
              role="tab"
              aria-controls="queue-panel"
              aria-selected={tab === 'mine'}
              className="tab"
              onClick={() => setParam('tab', 'mine')}
            >
              My queue
            </button>
          ) : null}
          <button
            type="button"
            role="tab"
            aria-controls="queue-panel"
            aria-selected={tab === 'team'}
            className="tab"
            onClick={() => setParam('tab', 'team')}
          >
            Team queue
          </button>
        </div>
        {tab === 'team' ? (
          <label className="inline-field">
            <span>Team</span>
            <select value={team} onChange={(e) => setParam('team', e.target.value)}>
              {s.teams.map((t) => (
                <option key={t.key} value={t.key}>
                  {t.name}
                </option>
              ))}
            </select>
          </label>
        ) : null}
        <label className="inline-field">
          <span>State</span>
          <select value={state} onChange={(e) => setParam('state', e.target.value)}>
            {states.map(([v, label]) => (
              <option key={v} value={v}>
                {label}
              </option>
            ))}
          </select>
        </label>
        <SavedViews
          personId={myId ?? s.me.organisation.id}
          query={`tab=${tab}&team=${team}&state=${state}`}
        />
        <label className="search">
          <span className="visually-hidden">Filter the queue</span>
          <input
            ref={searchRef}
            type="search"
            placeholder="Filter: subject, customer, owner, sender  ( / )"
            value={q}
            onChange={(e) => setQ(e.target.value)}
          />
        </label>
        <span className="muted small" aria-live="polite" data-testid="queue-count">
          {queue.loading && queue.items.length === 0
            ? ''
            : `${shown.length.toLocaleString()} handoff${shown.length === 1 ? '' : 's'}${queue.complete ? '' : ' (loading more…)'}`}
        </span>
      </div>
      <ErrorNote error={queue.error} title="The queue could not be loaded" />
      <BulkReassign
        picked={picked}
        shownPickable={shownPickable.length}
        titleOf={caseLine}
        open={bulkOpen}
        setOpen={setBulkOpen}
        onPickAll={() => setPicks(new Set(shownPickable.map((h) => h.id)))}
        onClear={() => setPicks(new Set())}
        onReassigned={(next) => {
          queue.upsert(next as unknown as HandoffItem);
          setPicks((p) => {
            const left = new Set(p);
            left.delete(next.id);
            return left;
          });
          if (next.id === preview.data?.id) preview.set(next);
        }}
      />
      <div
        className="queue-split"
        id="queue-panel"
        role="tabpanel"
        aria-label={tab === 'mine' ? 'My queue' : `${teamName} queue`}
      >
        <div className="queue-list card" ref={listRef}>
          {queue.loading && queue.items.length === 0 ? (
            <Loading label="Loading the queue" />
          ) : shown.length === 0 ? (
            <Empty title={tab === 'mine' ? 'Nothing in your queue' : `Nothing in ${teamName}'s queue`}>
              New handoffs appear here the moment they are sent.
            </Empty>
          ) : (
            <VirtualList
              count={shown.length}
              rowHeight={ROW_HEIGHT}
              selected={selected}
              label={tab === 'mine' ? 'My queue' : `${teamName} queue`}
              rowId={(i) => `qrow-${shown[i]!.id}`}
              rowChecked={(i) => (pickable(s, shown[i]!) ? picks.has(shown[i]!.id) : undefined)}
              renderRow={(i) => {
                const h = shown[i]!;
                return <QueueRow h={h} picked={pickable(s, h) ? picks.has(h.id) : undefined} onPick={pick} />;
              }}
              onSelect={tapped}
              onOpen={(i) => navigate(`/handoffs/${shown[i]!.id}`)}
            />
          )}
        </div>
        <section className="queue-preview card" aria-label="Selected handoff" ref={previewRef}>
          {!current ? (
            <Empty title="Select a handoff">Its packet, clocks and quality show here.</Empty>
          ) : preview.data && preview.data.id === current.id ? (
            <div className="card-body">
              <HandoffPanel
                h={preview.data}
                events={events.data}
                actions={actions}
                headingLevel={2}
                showKeys
              />
            </div>
          ) : preview.error ? (
            <ErrorNote error={preview.error} />
          ) : (
            <Loading label="Loading the handoff" />
          )}
        </section>
      </div>
    </div>
  );
}
