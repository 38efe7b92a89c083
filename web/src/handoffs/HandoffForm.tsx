import { type FormEvent, useMemo, useRef, useState } from 'react';
import { ApiError, randomKey } from '../api/client.ts';
import { api } from '../api/endpoints.ts';
import type {
  CaseDetail,
  HandoffDetail,
  HandoffSuggestion,
  Scenario,
  TaggerSuggestion,
} from '../api/types.ts';
import { bounceReasonLabels, fieldLabel, formatDateTime } from '../app/format.ts';
import { Link, navigate, useLocation } from '../app/router.tsx';
import { useSession } from '../app/session.tsx';
import { ErrorNote, Loading } from '../app/ui.tsx';
import { useResource } from '../app/useResource.ts';
import { CompletenessMeter } from './CompletenessMeter.tsx';
import { PacketFields } from './PacketFields.tsx';
import {
  alreadyOnFile,
  emptyDraft,
  initialScenario,
  measure,
  type PacketDraft,
  prefill,
  toPacket,
} from './packet-form.ts';
import { type ScenarioHint, ScenarioPicker } from './ScenarioPicker.tsx';
import { SkillPicker } from './SkillPicker.tsx';
import { teamSkills } from './skills.ts';

type Loaded = {
  c: CaseDetail;
  suggestion: HandoffSuggestion | null;
  tagger: TaggerSuggestion | null;
  bounced: HandoffDetail | null;
  /** The saved draft this form continues (`?draft=`), or null for a new handoff. */
  saved: HandoffDetail | null;
  /** Otherwise, the person's own saved draft of this case, offered instead of starting a second one. */
  ownDraft: HandoffDetail | null;
};

/**
 * The bounced handoff this send continues: the one the person came from ("Fix and send again",
 * `?resend=`), else the case's latest handoff when it came back bounced.
 */
async function lastBounce(c: CaseDetail, resend: string | null): Promise<HandoffDetail | null> {
  const chosen = resend ? c.handoffs.find((h) => h.id === resend && h.state === 'bounced') : undefined;
  const last = c.handoffs.filter((h) => h.state !== 'draft' && h.state !== 'cancelled').at(-1);
  const bounced = chosen ?? (last?.state === 'bounced' ? last : undefined);
  return bounced ? api.handoff(bounced.id) : null;
}

/** The case's draft named by `?draft=`, when it is one. */
async function savedDraft(c: CaseDetail, id: string | null): Promise<HandoffDetail | null> {
  if (!id || !c.handoffs.some((h) => h.id === id && h.state === 'draft')) return null;
  return api.handoff(id);
}

/** The newest draft of the case that `me` wrote (a teammate's draft is theirs to finish). */
async function ownDraftOf(c: CaseDetail, me: string | null): Promise<HandoffDetail | null> {
  if (!me) return null;
  for (const d of c.handoffs.filter((h) => h.state === 'draft').reverse()) {
    const detail = await api.handoff(d.id);
    if (detail.sender?.id === me) return detail;
  }
  return null;
}

export function HandoffForm({ caseId }: { caseId: string }) {
  const me = useSession().me.person?.id ?? null;
  const { search } = useLocation();
  const resend = search.get('resend');
  const draftId = search.get('draft');
  const loaded = useResource<Loaded>(`handoff-form:${caseId}:${resend ?? ''}:${draftId ?? ''}`, async () => {
    const [c, suggestion, tagger] = await Promise.all([
      api.case(caseId),
      api.suggest(caseId).catch(() => null),
      // The tagger's scenario, where the server offers one; the form works the same without it.
      api.scenarioSuggestion(caseId).catch(() => null),
    ]);
    const [bounced, saved, ownDraft] = await Promise.all([
      lastBounce(c, resend),
      savedDraft(c, draftId),
      draftId ? null : ownDraftOf(c, me),
    ]);
    return { c, suggestion, tagger, bounced, saved, ownDraft };
  });
  if (loaded.error) return <ErrorNote error={loaded.error} title="The case could not be loaded" />;
  if (!loaded.data) return <Loading label="Preparing the handoff" />;
  return <HandoffFormBody {...loaded.data} />;
}

/**
 * The scenario to start from: the tagger's (with its confidence and the issue type it saw), else one
 * the pre-fill offers. A suggestion naming a scenario this organisation does not have is ignored.
 * When the tagger abstains, its candidates are offered for a person to choose from.
 */
function suggestedScenario(
  s: HandoffSuggestion | null,
  t: TaggerSuggestion | null,
  scenarios: Scenario[],
): ScenarioHint {
  const known = (id: string | null | undefined): id is string =>
    Boolean(id && scenarios.some((x) => x.id === id));
  const alternatives = (t?.top ?? [])
    .filter((x) => known(x.scenario))
    .map((x) => ({ id: x.scenario!, confidence: x.confidence, label: x.name ?? x.type }))
    .filter((x, i, all) => all.findIndex((y) => y.id === x.id) === i);
  if (t?.suggestion && !t.abstained && known(t.suggestion.scenario))
    return {
      id: t.suggestion.scenario,
      confidence: t.suggestion.confidence,
      label: t.suggestion.name ?? t.suggestion.type,
      alternatives: [],
    };
  const abstained = Boolean(t?.abstained);
  if (!s?.scenario) return { alternatives, abstained };
  if (typeof s.scenario === 'string')
    return known(s.scenario)
      ? { id: s.scenario, confidence: s.confidence, alternatives, abstained }
      : { alternatives, abstained };
  return known(s.scenario.id)
    ? { id: s.scenario.id, confidence: s.scenario.confidence ?? s.confidence, alternatives, abstained }
    : { alternatives, abstained };
}

function HandoffFormBody({ c, suggestion, tagger, bounced, saved, ownDraft }: Loaded) {
  const s = useSession();
  const suggested = suggestedScenario(suggestion, tagger, s.scenarios);
  const [scenarioId, setScenarioId] = useState(() =>
    initialScenario(
      s.scenarios,
      c,
      s.myTeams.map((t) => t.key),
      saved?.scenario ?? bounced?.scenario ?? suggested.id,
    ),
  );
  // After a bounce, the packet that came back is the starting point; otherwise the suggestion is.
  // A saved draft is taken as it was saved, the suggestion only filling what it left empty.
  const [draft, setDraft] = useState<PacketDraft>(() =>
    prefill(
      prefill(emptyDraft([...new Set(c.documents.map((d) => d.kind))]), saved?.packet ?? bounced?.packet),
      {
        ...suggestion?.packet,
        summary: suggestion?.packet?.summary ?? suggestion?.summary,
      },
    ),
  );
  const [skills, setSkills] = useState<string[]>(() => saved?.skills ?? bounced?.skills ?? []);
  const [serverMissing, setServerMissing] = useState<string[]>([]);
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState<'send' | 'draft' | null>(null);
  const idempotencyKey = useRef(randomKey());
  const formRef = useRef<HTMLFormElement>(null);

  const scenario = s.scenarios.find((x) => x.id === scenarioId);
  const meter = useMemo(() => measure(draft, scenario), [draft, scenario]);
  const toTeam = s.teams.find((t) => t.key === scenario?.toTeam);
  const offers = useMemo(
    () => teamSkills(toTeam?.members ?? [], s.people, scenario?.skills ?? []),
    [toTeam, s.people, scenario],
  );
  // Skills of another team (the scenario changed since they were picked) are not asked.
  const asked = skills.filter((x) => offers.some((o) => o.skill === x));
  const onFileWarnings = alreadyOnFile(draft, c);
  const prefilled = Boolean(suggestion?.packet || suggestion?.summary);

  // A field the server named as missing stops being flagged once it is filled in.
  const flagged = serverMissing.filter((f) => meter.missing.includes(f as never));

  const send = async (asDraft: boolean) => {
    setBusy(asDraft ? 'draft' : 'send');
    setError(undefined);
    setServerMissing([]);
    try {
      const h = saved
        ? asDraft
          ? await api.updatePacket(saved.id, toPacket(draft))
          : await api.sendDraft(saved.id, toPacket(draft))
        : await api.createHandoff(
            c.id,
            {
              scenario: scenarioId,
              packet: toPacket(draft),
              draft: asDraft || undefined,
              previousId: bounced?.id,
              skills: asked.length ? asked : undefined,
            },
            idempotencyKey.current,
          );
      navigate(`/handoffs/${h.id}`);
    } catch (err) {
      if (err instanceof ApiError && err.code === 'packet_incomplete') {
        setServerMissing(err.missing);
        // Take the agent to the first field the server named.
        requestAnimationFrame(() =>
          formRef.current?.querySelector<HTMLElement>(`[data-field="${err.missing[0]}"]`)?.focus(),
        );
      } else setError(err);
      // A refused write may be retried with changes: it needs a fresh key.
      idempotencyKey.current = randomKey();
      setBusy(null);
    }
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void send(false);
  };

  return (
    <div className="page">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link to="/cases">Cases</Link> <span aria-hidden="true">/</span>{' '}
        <Link to={`/cases/${c.id}`}>{c.subject}</Link> <span aria-hidden="true">/</span>{' '}
        <span aria-current="page">Hand off</span>
      </nav>
      <div className="page-head">
        <div>
          <h1>Hand off “{c.subject}”</h1>
          <p className="muted">
            {c.customer.name} · the receiving team gets this packet, so the customer never explains twice.
            {prefilled ? ' Pre-filled from the conversation: check each field before sending.' : ''}
          </p>
        </div>
      </div>
      {saved ? (
        <div className="note note-info" role="note">
          Continuing the draft saved {formatDateTime(saved.createdAt)}: save it again or send it.
        </div>
      ) : null}
      {ownDraft ? (
        <div className="note note-warn resend-bar" role="note">
          <span>You saved a draft of this handoff {formatDateTime(ownDraft.createdAt)}.</span>
          <Link to={`/cases/${c.id}/handoff?draft=${ownDraft.id}`} className="button small">
            Continue the draft
          </Link>
        </div>
      ) : null}
      {bounced?.bounce ? (
        <div className="note note-warn" role="note">
          <strong>
            Bounced back by {s.teams.find((t) => t.key === bounced.toTeam)?.name ?? bounced.toTeam}:{' '}
            {bounceReasonLabels[bounced.bounce.reason] ?? bounced.bounce.reason}
          </strong>
          <span>
            {bounced.bounce.note ? <>Their note: “{bounced.bounce.note}”.</> : 'No note.'} The packet below is
            the one that came back: fix it and send again (to the same or another team).
          </span>
        </div>
      ) : null}
      <form
        ref={formRef}
        className="layout-main-side"
        onSubmit={submit}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.metaKey || e.ctrlKey)) {
            e.preventDefault();
            void send(false);
          }
        }}
        noValidate
        aria-label="Hand-off packet"
      >
        <div className="stack">
          <ScenarioPicker
            scenarios={s.scenarios}
            value={scenarioId}
            onChange={setScenarioId}
            suggested={suggested}
            fixed={saved ? 'A saved draft keeps its scenario: cancel it to choose another.' : undefined}
          />
          <SkillPicker
            offers={offers}
            scenarioSkills={scenario?.skills ?? []}
            value={saved ? (saved.skills ?? []) : asked}
            onChange={setSkills}
            fixed={saved ? 'A saved draft keeps the skills it asked for.' : undefined}
          />
          <PacketFields
            draft={draft}
            onChange={setDraft}
            required={meter.required}
            flagged={flagged}
            caseData={c}
            onFileWarnings={onFileWarnings}
          />
        </div>
        <aside className="stack sticky" aria-label="Ready to send">
          <CompletenessMeter meter={meter} scenarioName={scenario?.name ?? scenarioId} />
          {flagged.length > 0 ? (
            <div className="note note-error" role="alert" id="packet-incomplete">
              <strong>Not sent: the packet is incomplete</strong>
              <span>
                {scenario?.name ?? 'This scenario'} needs {flagged.map(fieldLabel).join(', ').toLowerCase()}.
              </span>
            </div>
          ) : null}
          <ErrorNote error={error} title="The handoff was not sent" />
          <div className="form-actions column">
            <button type="submit" className="button primary wide" disabled={busy !== null || !scenarioId}>
              {busy === 'send'
                ? 'Sending…'
                : `Send to ${s.teams.find((t) => t.key === scenario?.toTeam)?.name ?? 'the team'}`}
            </button>
            <button
              type="button"
              className="button wide"
              disabled={busy !== null || !scenarioId}
              onClick={() => void send(true)}
            >
              {busy === 'draft' ? 'Saving…' : saved ? 'Save the draft' : 'Save as draft'}
            </button>
            <p className="hint center">
              <kbd className="kbd">Ctrl</kbd> + <kbd className="kbd">Enter</kbd> sends
            </p>
          </div>
        </aside>
      </form>
    </div>
  );
}
