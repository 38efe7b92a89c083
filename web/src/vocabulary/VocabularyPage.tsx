import { type KeyboardEvent, useEffect, useMemo, useRef, useState } from 'react';
import { isoWeekId } from '../analytics/figures.ts';
import { Link, navigate, useLocation } from '../app/router.tsx';
import { useSession } from '../app/session.tsx';
import { Dialog, Empty, ErrorNote, Kbd, Loading, Section } from '../app/ui.tsx';
import { useResource } from '../app/useResource.ts';
import { isTyping } from '../queue/shortcuts.ts';
import { AliasForm } from './AliasForm.tsx';
import { DriftPanel } from './DriftPanel.tsx';
import { ModelPanel } from './ModelPanel.tsx';
import { MergeForm, RetireForm } from './RetireMerge.tsx';
import { RevisionLog } from './RevisionLog.tsx';
import { TypeForm } from './TypeForm.tsx';
import { type TypeAction, TypeTree } from './TypeTree.tsx';
import { buildTree, filterTree } from './taxonomy-tree.ts';
import { type IssueTypeView, vocabularyApi } from './vocabulary-api.ts';

type Open = { action: TypeAction | 'add'; type?: IssueTypeView } | null;

const tabs = [
  { tab: 'types', label: 'Issue types' },
  { tab: 'drift', label: 'Drift' },
] as const;
type Tab = (typeof tabs)[number]['tab'];

const titles: Record<TypeAction | 'add', (t?: IssueTypeView) => string> = {
  add: () => 'Add an issue type',
  child: (t) => `Add a type under ${t?.name}`,
  edit: (t) => `Edit ${t?.name}`,
  alias: (t) => `Add a team's word for ${t?.name}`,
  merge: (t) => `Merge ${t?.name} into another type`,
  retire: (t) => `Retire ${t?.name}?`,
};

/**
 * The one vocabulary of the organisation: its issue types as a tree with each team's words, the
 * change log and the tagger. Everyone reads it; leads (and admins) add, edit, alias, retire, merge.
 */
export default function VocabularyPage() {
  const s = useSession();
  const canEdit = s.can('lead');
  const [showAll, setShowAll] = useState(false);
  const [filter, setFilter] = useState('');
  const [open, setOpen] = useState<Open>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [limit, setLimit] = useState(100);
  const [shown, setShown] = useState(8);
  // All of them, retired and merged too: the change log and the labels name them even when hidden.
  const types = useResource('vocabulary:types', (signal) => vocabularyApi.types('all', signal));
  const log = useResource(`vocabulary:log:${limit}`, (signal) => vocabularyApi.revisions(limit, signal));
  const model = useResource('vocabulary:model', (signal) => vocabularyApi.model(signal));
  const searchRef = useRef<HTMLInputElement>(null);
  const { path, search } = useLocation();
  const tab: Tab = search.get('tab') === 'drift' ? 'drift' : 'types';
  const show = (t: Tab) => navigate(t === 'types' ? path : `${path}?tab=${t}`, { replace: true });
  // Arrow keys, Home and End move between the tabs (and show the one reached), as a tablist does.
  const onTabKey = (e: KeyboardEvent) => {
    const at = tabs.findIndex((t) => t.tab === tab);
    const to = { ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: tabs.length - 1 }[e.key];
    if (to === undefined) return;
    e.preventDefault();
    const next = tabs[(to + tabs.length) % tabs.length]!.tab;
    show(next);
    requestAnimationFrame(() => document.getElementById(`vocab-tab-${next}`)?.focus());
  };

  // "/" filters, as on the other lists.
  useEffect(() => {
    const onKey = (e: globalThis.KeyboardEvent) => {
      if (e.key !== '/' || e.metaKey || e.ctrlKey || e.altKey || isTyping(e.target)) return;
      if (document.querySelector('dialog[open]') || !searchRef.current) return;
      e.preventDefault();
      searchRef.current.focus();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const items = types.data?.items;
  const tree = useMemo(
    () => buildTree((items ?? []).filter((t) => showAll || t.status === 'active')),
    [items, showAll],
  );
  const shownTree = useMemo(() => filterTree(tree, filter), [tree, filter]);
  const byPath = useMemo(() => new Map((items ?? []).map((t) => [t.path, t])), [items]);
  const names = {
    team: (key: string) => s.teams.find((t) => t.key === key)?.name ?? key,
    scenario: (id: string) => s.scenarios.find((x) => x.id === id)?.name ?? id,
    type: (path: string) => byPath.get(path)?.name ?? path,
    person: (id: string) => s.personName(id),
  };
  const parents = tree.map((n) => n.type).filter((t) => t.status === 'active');
  const activeCount = (items ?? []).filter((t) => t.status === 'active').length;

  const changed = (message: string) => {
    setOpen(null);
    setNotice(message);
    types.reload();
    log.reload();
    model.reload();
  };
  const close = () => setOpen(null);
  const lastWeek = isoWeekId(Date.now() - 7 * 86_400_000);

  return (
    <div className="page vocab-page">
      <div className="page-head">
        <div>
          {canEdit ? (
            <p className="breadcrumb">
              <Link to="/settings">Settings</Link> / Vocabulary
            </p>
          ) : null}
          <h1>Vocabulary</h1>
          <p className="muted">
            The issue types every team tags with, and each team's own words for them.
            {types.data ? ` ${activeCount} active types, revision ${types.data.revision}.` : ''}
            {canEdit ? '' : ' Team leads change it; you can read it.'}
          </p>
        </div>
        {canEdit ? (
          <div className="page-actions">
            <button type="button" className="button primary" onClick={() => setOpen({ action: 'add' })}>
              Add type
            </button>
          </div>
        ) : null}
      </div>
      {notice ? (
        <div className="note note-good vocab-notice" role="status" data-testid="vocab-notice">
          <span>{notice}</span>
          <button type="button" className="button small ghost" onClick={() => setNotice(null)}>
            Dismiss
          </button>
        </div>
      ) : null}
      <div role="tablist" aria-label="Vocabulary views" className="tabs vocab-tabs">
        {tabs.map((t) => (
          <button
            key={t.tab}
            id={`vocab-tab-${t.tab}`}
            type="button"
            role="tab"
            aria-selected={tab === t.tab}
            aria-controls="vocab-panel"
            tabIndex={tab === t.tab ? 0 : -1}
            className="tab"
            onClick={() => show(t.tab)}
            onKeyDown={onTabKey}
          >
            {t.label}
          </button>
        ))}
      </div>
      {tab === 'drift' ? (
        <div id="vocab-panel" role="tabpanel" aria-labelledby="vocab-tab-drift">
          <Section title="Drift">
            <DriftPanel names={names} />
          </Section>
        </div>
      ) : (
        <div id="vocab-panel" role="tabpanel" aria-labelledby="vocab-tab-types" className="layout-main-side">
          <Section title="Issue types">
            <div className="toolbar">
              <div className="search">
                <label htmlFor="vocab-filter" className="visually-hidden">
                  Filter issue types
                </label>
                <input
                  id="vocab-filter"
                  ref={searchRef}
                  type="search"
                  placeholder="Filter by name, path or a team's word ( / )"
                  value={filter}
                  onChange={(e) => setFilter(e.target.value)}
                  onKeyDown={(e) => {
                    if (e.key === 'Escape' && filter) {
                      e.preventDefault();
                      setFilter('');
                    }
                  }}
                />
              </div>
              <label className="event-choice">
                <input type="checkbox" checked={showAll} onChange={(e) => setShowAll(e.target.checked)} />{' '}
                Show retired and merged
              </label>
            </div>
            {types.error ? <ErrorNote error={types.error} title="The vocabulary could not be read" /> : null}
            {!types.data && !types.error ? <Loading label="Reading the vocabulary" /> : null}
            {types.data && shownTree.tree.length === 0 ? (
              filter ? (
                <Empty title={`No type matches “${filter}”`}>
                  Names, paths and every team's words are searched. <Kbd>Esc</Kbd> clears the filter.
                </Empty>
              ) : (
                <Empty title="No issue types yet">{canEdit ? 'Add the first one.' : null}</Empty>
              )
            ) : null}
            {types.data ? (
              <TypeTree
                tree={shownTree.tree}
                matches={shownTree.matches}
                canEdit={canEdit}
                names={names}
                onAction={(action, type) => setOpen({ action, type })}
              />
            ) : null}
          </Section>
          <div className="stack">
            <Section title="Tagger">
              <ModelPanel state={model} revision={types.data?.revision} canTrain={canEdit} />
            </Section>
            <Section title="Change log">
              <RevisionLog
                log={log}
                names={names}
                shown={shown}
                limit={limit}
                onMore={() => {
                  setShown((n) => n + 10);
                  setLimit((n) => n + 100);
                }}
              />
            </Section>
            {s.can('lead', 'supervisor', 'qa') ? (
              <Section title="Drift">
                <p className="small">
                  Each week's drift (types rising or falling, words no type knows, the tagger's confidence) is
                  on the <Link to={`${path}?tab=drift`}>Drift</Link> tab; the weekly review puts it beside the
                  rest of the week: <Link to={`/reviews/${lastWeek}`}>Review of {lastWeek}</Link>.
                </p>
              </Section>
            ) : null}
          </div>
        </div>
      )}
      <Dialog title={open ? titles[open.action](open.type) : ''} open={open !== null} onClose={close}>
        {open?.action === 'add' || open?.action === 'child' || open?.action === 'edit' ? (
          <TypeForm
            mode={
              open.action === 'edit' && open.type
                ? { kind: 'edit', type: open.type }
                : { kind: 'add', parent: open.action === 'child' ? open.type?.path : undefined }
            }
            parents={parents}
            scenarios={s.scenarios}
            onCancel={close}
            onSaved={(saved) =>
              saved
                ? changed(open.action === 'edit' ? `${saved.name} is saved.` : `${saved.name} is added.`)
                : close()
            }
          />
        ) : null}
        {open?.action === 'alias' && open.type ? (
          <AliasForm
            type={open.type}
            teams={s.teams}
            typeOf={(path) => byPath.get(path)}
            onSaved={changed}
            onCancel={close}
          />
        ) : null}
        {open?.action === 'retire' && open.type ? (
          <RetireForm type={open.type} onDone={changed} onCancel={close} />
        ) : null}
        {open?.action === 'merge' && open.type ? (
          <MergeForm type={open.type} tree={tree} onDone={changed} onCancel={close} />
        ) : null}
      </Dialog>
    </div>
  );
}
