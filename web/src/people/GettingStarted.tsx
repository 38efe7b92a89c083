import { type ReactNode, useEffect, useState } from 'react';
import type { GettingStartedFacts, GettingStartedStep } from '../../../src/orgs/getting-started.ts';
import { api } from '../api/endpoints.ts';
import { counted, namesInWords } from '../app/format.ts';
import { Link } from '../app/router.tsx';
import { ErrorNote } from '../app/ui.tsx';
import { useResource } from '../app/useResource.ts';
import { type GettingStarted as Guide, gettingStartedApi } from './getting-started-api.ts';

type StepWords = { title: string; todo: (f: GettingStartedFacts) => ReactNode; done: string };

/** Each step as the guide says it: what to do while it is not done, what is true once it is. */
const words: Record<GettingStartedStep, StepWords> = {
  people: {
    title: 'Add your colleagues',
    todo: () => 'Add the agents and the people of the teams that receive handoffs, with their roles.',
    done: 'Colleagues added.',
  },
  teams: {
    title: 'Put people in teams',
    todo: (f) =>
      `${namesInWords(f.teamsWithoutMembers)} ${f.teamsWithoutMembers.length === 1 ? 'has' : 'have'} no members yet: ${f.teamsWithoutMembers.length === 1 ? 'its' : 'their'} lead gets every handoff.`,
    done: 'Every team has members to share its handoffs.',
  },
  sign_in: {
    title: 'Let everyone sign in',
    todo: (f) =>
      f.peopleWithoutWayIn.length
        ? `${namesInWords(
            f.peopleWithoutWayIn.map((p) => p.name),
            5,
          )} cannot sign in yet: e-mail them an invitation or set a password (Edit), or turn on single sign-on.`
        : 'Once colleagues are added, each needs a password, an invitation or single sign-on.',
    done: 'Everyone has a way to sign in.',
  },
  email: {
    title: 'Send e-mail',
    todo: () =>
      'Set BATON_SMTP_URL and BATON_PUBLIC_URL on the server, so invitations, password resets and notifications reach people.',
    done: 'Baton sends e-mail.',
  },
  helpdesk: {
    title: 'Connect your helpdesk',
    todo: () => 'Connect Zendesk, Freshdesk or Intercom, add a webhook, or issue an API token a script uses.',
    done: 'A helpdesk or script is connected.',
  },
  first_handoff: {
    title: 'Send the first handoff',
    todo: () => 'Open a case and hand it to another team with its context packet.',
    done: 'The first handoff is sent.',
  },
};

/**
 * E-mails an invitation to each person who cannot sign in, one after the other (each is the API's
 * own `password-link`, so each is logged and a refusal stops nobody else), saying how far it got.
 */
function InviteEveryone({ people, onDone }: { people: { id: string; name: string }[]; onDone: () => void }) {
  const [progress, setProgress] = useState<{ sent: number; failed: string[] } | null>(null);
  const [running, setRunning] = useState(false);
  const send = async () => {
    setRunning(true);
    const failed: string[] = [];
    let sent = 0;
    for (const p of people) {
      try {
        await api.sendPasswordLink(p.id);
        sent++;
      } catch (err) {
        failed.push(`${p.name}: ${err instanceof Error ? err.message : String(err)}`);
      }
      setProgress({ sent, failed: [...failed] });
    }
    setRunning(false);
    onDone();
  };
  return (
    <div className="getting-started-invite">
      <button type="button" className="button small primary" disabled={running} onClick={() => void send()}>
        {running
          ? `Sending ${(progress?.sent ?? 0) + (progress?.failed.length ?? 0) + 1} of ${people.length}…`
          : `E-mail ${counted(people.length, 'invitation')}`}
      </button>
      {progress && !running ? (
        <p className="small" role="status">
          {counted(progress.sent, 'invitation')} sent.
          {progress.failed.length ? ` Not sent: ${progress.failed.join('; ')}.` : ''}
        </p>
      ) : null}
    </div>
  );
}

/** Where each step is done. */
function StepAction({ step, onAddPerson }: { step: GettingStartedStep; onAddPerson: () => void }) {
  switch (step) {
    case 'people':
      return (
        <button type="button" className="button small" onClick={onAddPerson}>
          Add person
        </button>
      );
    case 'teams':
      return (
        <Link className="button small" to="/people?view=teams">
          Open teams
        </Link>
      );
    case 'sign_in':
      return (
        <Link className="button small" to="/settings/security">
          Sign-in settings
        </Link>
      );
    case 'helpdesk':
      return (
        <Link className="button small" to="/settings/integrations">
          Integrations
        </Link>
      );
    case 'first_handoff':
      return (
        <Link className="button small" to="/cases/new">
          New case
        </Link>
      );
    default:
      return null;
  }
}

/**
 * The getting-started guide on People, for admins of an organisation set up new: each step done or
 * to do with where to do it, the progress, and Put away (for every admin; the API shows it again).
 * It reads the organisation afresh after each change made on the page (`changed`).
 */
export function GettingStarted({ changed, onAddPerson }: { changed: unknown; onAddPerson: () => void }) {
  const guide = useResource('getting-started', (signal) => gettingStartedApi.get(signal));
  const [error, setError] = useState<unknown>();
  const { reload } = guide;
  useEffect(() => {
    if (changed) reload();
  }, [changed, reload]);
  const g: Guide | undefined = guide.data;
  if (!g?.shown) return null;
  const putAway = async () => {
    try {
      guide.set(await gettingStartedApi.show(false));
    } catch (err) {
      setError(err);
    }
  };
  const all = g.done === g.total;
  return (
    <section className="card getting-started" aria-labelledby="getting-started-title">
      <header className="getting-started-head">
        <div>
          <h2 id="getting-started-title">{all ? 'Baton is set up' : 'Getting started'}</h2>
          <p className="muted small" id="getting-started-progress-label">
            {g.done} of {g.total} steps done
          </p>
        </div>
        <button type="button" className="button small ghost" onClick={() => void putAway()}>
          Put away
        </button>
      </header>
      <progress value={g.done} max={g.total} aria-labelledby="getting-started-progress-label" />
      <ol className="getting-started-steps">
        {g.steps.map(({ step, done }) => (
          <li key={step} className={done ? 'step-done' : step === g.next ? 'step-next' : undefined}>
            <span className="step-mark" aria-hidden="true">
              {done ? '✓' : ''}
            </span>
            <div>
              <strong>{words[step].title}</strong>
              <span className="visually-hidden">{done ? ' (done)' : ' (to do)'}</span>
              <p className="small muted">{done ? words[step].done : words[step].todo(g.facts)}</p>
            </div>
            {done ? null : step === 'sign_in' &&
              g.facts.emailConfigured &&
              g.facts.peopleWithoutWayIn.length ? (
              <InviteEveryone people={g.facts.peopleWithoutWayIn} onDone={reload} />
            ) : (
              <StepAction step={step} onAddPerson={onAddPerson} />
            )}
          </li>
        ))}
      </ol>
      <ErrorNote error={error} title="Not put away" />
    </section>
  );
}
