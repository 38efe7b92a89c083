import { lazy, type ReactNode, Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { ApiError, onTwoStepSetupRequired, onUnauthenticated } from '../api/client.ts';
import { api } from '../api/endpoints.ts';
import type { Me, Person, Scenario, Team } from '../api/types.ts';
import { CasesPage } from '../cases/CasesPage.tsx';
import { CaseView } from '../cases/CaseView.tsx';
import { NewCasePage } from '../cases/NewCaseForm.tsx';
import { CustomerPage } from '../customers/CustomerPage.tsx';
import { HandoffForm } from '../handoffs/HandoffForm.tsx';
import { HandoffPage } from '../handoffs/HandoffPage.tsx';
import type { AvailabilityChange } from '../live/stream.ts';
import { LiveProvider, WhenLive } from '../live/useLive.tsx';
import { QueuePage } from '../queue/QueuePage.tsx';
import { type Area, areaOf, rolesInWords } from './access.ts';
import { applyAvailability } from './apply-availability.ts';
import { ResetPassword } from './ResetPassword.tsx';
import { Link, match, navigate, useLocation } from './router.tsx';
import { Setup } from './Setup.tsx';
import { Shell } from './Shell.tsx';
import { SignIn } from './SignIn.tsx';
import { buildSession, type Session, SessionContext } from './session.tsx';
import { idleSignOutNote } from './signed-out.ts';
import { TwoStepRequired } from './TwoStepRequired.tsx';
import { Empty, ErrorNote, Loading } from './ui.tsx';

const SupervisorBoard = lazy(() => import('../supervisor/SupervisorBoard.tsx'));
const SettingsPage = lazy(() => import('../settings/SettingsPage.tsx'));
const IntegrationsPage = lazy(() => import('../integrations/IntegrationsPage.tsx'));
const ContinuityPage = lazy(() => import('../settings/ContinuityPage.tsx'));
const VocabularyPage = lazy(() => import('../vocabulary/VocabularyPage.tsx'));
const QaQueuePage = lazy(() => import('../qa/QaQueuePage.tsx'));
const ReviewPage = lazy(() => import('../qa/ReviewPage.tsx'));
const ScorecardsPage = lazy(() => import('../qa/ScorecardsPage.tsx'));
const CalibrationPage = lazy(() => import('../qa/CalibrationPage.tsx'));
const QaReportPage = lazy(() => import('../qa/ReportPage.tsx'));
const QaSatisfactionPage = lazy(() => import('../qa/SatisfactionPage.tsx'));
const AnalyticsPage = lazy(() => import('../analytics/AnalyticsPage.tsx'));
const AuditPage = lazy(() => import('../audit/AuditPage.tsx'));
const ReviewsPage = lazy(() => import('../reviews/ReviewsPage.tsx'));
const WeeklyReviewPage = lazy(() => import('../reviews/WeeklyReviewPage.tsx'));
const PeoplePage = lazy(() => import('../people/PeoplePage.tsx'));
const ChangeLogPage = lazy(() => import('../admin/ChangeLogPage.tsx'));
const SecurityPage = lazy(() => import('../settings/SecurityPage.tsx'));

type Boot =
  | { state: 'loading' }
  // `idle`: the server's words when the organisation's idle limit ended the session (the sign-in page says so).
  | { state: 'signed-out'; idle?: string }
  // A new Baton without any organisation: signing in waits for its setup (`/setup`).
  | { state: 'setup-needed' }
  // Signed in, but the organisation requires two-step sign-in and theirs is off: the API answers nothing else.
  | { state: 'two-step-due' }
  | { state: 'error'; error: Error }
  | { state: 'ready'; me: Me; teams: Team[]; scenarios: Scenario[]; people: Person[] };

/** Where a person lands: the queue for a receiving team, cases for a sender, the board for a supervisor. */
export function homeFor(s: Session): string {
  if (s.can('qa') && !s.can('agent', 'supervisor', 'lead')) return '/qa';
  if (s.can('supervisor') && !s.can('agent')) return '/supervisor';
  const receiving = new Set(s.scenarios.map((x) => x.toTeam));
  const sending = new Set(s.scenarios.map((x) => x.fromTeam).filter(Boolean));
  if (s.myTeams.some((t) => receiving.has(t.key) && !sending.has(t.key))) return '/queue';
  if (s.can('agent')) return '/cases';
  return '/queue';
}

function Redirect({ to }: { to: string }) {
  useEffect(() => navigate(to, { replace: true }), [to]);
  return null;
}

const routes: [string, (p: Record<string, string>) => ReactNode][] = [
  ['/cases', () => <CasesPage />],
  ['/cases/new', () => <NewCasePage />],
  ['/cases/:id/handoff', (p) => <HandoffForm caseId={p.id!} />],
  ['/cases/:id', (p) => <CaseView caseId={p.id!} />],
  ['/customers/:id', (p) => <CustomerPage customerId={p.id!} />],
  ['/queue', () => <QueuePage />],
  ['/handoffs/:id', (p) => <HandoffPage handoffId={p.id!} />],
  ['/supervisor', () => <SupervisorBoard />],
  ['/settings', () => <SettingsPage />],
  ['/settings/integrations', () => <IntegrationsPage />],
  ['/settings/customers', () => <ContinuityPage />],
  ['/settings/vocabulary', () => <VocabularyPage />],
  ['/settings/changes', () => <ChangeLogPage />],
  ['/settings/security', () => <SecurityPage />],
  ['/qa', () => <QaQueuePage />],
  ['/qa/reviews/:handoffId', (p) => <ReviewPage handoffId={p.handoffId!} />],
  ['/qa/scorecards', () => <ScorecardsPage />],
  ['/qa/calibration', () => <CalibrationPage />],
  ['/qa/report', () => <QaReportPage />],
  ['/qa/satisfaction', () => <QaSatisfactionPage />],
  ['/analytics', () => <AnalyticsPage />],
  ['/audit', () => <AuditPage />],
  ['/reviews', () => <ReviewsPage />],
  ['/reviews/:week', (p) => <WeeklyReviewPage week={p.week!} />],
  ['/people', () => <PeoplePage />],
];

/** A page the person may not use, reached by address: what it is for, and the way back. */
function NotYours({ area, home }: { area: Area; home: string }) {
  return (
    <div className="page">
      <h1>
        {area.name} is for {rolesInWords(area.roles ?? [])}
      </h1>
      <p className="muted">
        Your roles do not include it; an admin can change that. <Link to={home}>Go to your start page</Link>.
      </p>
    </div>
  );
}

function Routes({ session }: { session: Session }) {
  const { path } = useLocation();
  // `/sign-in` is where single sign-on sends the browser back when it fails (already signed in here).
  if (path === '/' || path === '/signin' || path === '/sign-in' || path === '/setup')
    return <Redirect to={homeFor(session)} />;
  const area = areaOf(path);
  if (area?.roles && !session.can(...area.roles)) return <NotYours area={area} home={homeFor(session)} />;
  for (const [pattern, render] of routes) {
    const params = match(pattern, path);
    if (params) return <>{render(params)}</>;
  }
  return <Empty title="This page does not exist">Use the navigation above to find your way.</Empty>;
}

export function App() {
  const [boot, setBoot] = useState<Boot>({ state: 'loading' });
  // Whether a forgotten password can be reset by e-mail here (the sign-in page offers it).
  const [passwordReset, setPasswordReset] = useState(false);
  // Whether some organisation here signs in with single sign-on (the sign-in page offers it).
  const [singleSignOn, setSingleSignOn] = useState(false);
  const { path } = useLocation();

  const load = useCallback(async () => {
    try {
      // Signed out is an answer, not a 401: the sign-in page loads without a failed request.
      const answer = await api.session();
      setPasswordReset(answer.passwordReset === true);
      setSingleSignOn(answer.singleSignOn === true);
      if (!answer.signedIn && answer.setupNeeded) {
        setBoot({ state: 'setup-needed' });
        return;
      }
      if (!answer.signedIn) {
        const idle = answer.signedOut?.reason === 'idle' ? answer.signedOut.message : undefined;
        setBoot({ state: 'signed-out', idle });
        return;
      }
      if (answer.twoStepSetupDue) {
        setBoot({ state: 'two-step-due' });
        return;
      }
      // One round trip: the reference data is asked for alongside the session.
      const [me, teams, scenarios, people] = await Promise.all([
        api.me(),
        api.teams(),
        api.scenarios(),
        api.people(),
      ]);
      setBoot({ state: 'ready', me, teams, scenarios, people });
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) setBoot({ state: 'signed-out' });
      else if (error instanceof ApiError && error.code === 'two_step_setup_required')
        setBoot({ state: 'two-step-due' });
      else setBoot({ state: 'error', error: error as Error });
    }
  }, []);

  // After a lead's change: the page stays as it is if the re-read fails (the caller shows the error).
  // Re-reads overlap (two changes in a row, live): only the one asked for last is kept, so a slower
  // earlier answer never puts back what was true before the second change.
  // Statuses the stream tells of while a re-read is on its way are applied over its answer too (it
  // may have read before they were made).
  const asked = useRef(0);
  const answered = useRef(0);
  const toldMeanwhile = useRef<AvailabilityChange[]>([]);
  const refresh = useCallback(async () => {
    const mine = ++asked.current;
    toldMeanwhile.current = [];
    try {
      const [me, teams, scenarios, people] = await Promise.all([
        api.me(),
        api.teams(),
        api.scenarios(),
        api.people(),
      ]);
      if (mine === asked.current)
        setBoot({
          state: 'ready',
          me,
          scenarios,
          ...applyAvailability(people, teams, toldMeanwhile.current),
        });
    } finally {
      answered.current = Math.max(answered.current, mine);
    }
  }, []);

  // Someone's status, told by the live stream: applied to what the page holds, nothing read.
  const applyStatus = useCallback((changes: AvailabilityChange[]) => {
    if (answered.current < asked.current) toldMeanwhile.current.push(...changes);
    setBoot((b) => (b.state === 'ready' ? { ...b, ...applyAvailability(b.people, b.teams, changes) } : b));
  }, []);

  useEffect(() => {
    void load();
    // Requests in flight when an idle session ends: only the first hears why (it ends the session,
    // the rest find none), so a later plain 401 keeps the reason.
    const leave = onUnauthenticated((error) => {
      const idle = error.details.reason === 'idle' ? error.message : undefined;
      setBoot((b) => (b.state === 'signed-out' && b.idle && !idle ? b : { state: 'signed-out', idle }));
    });
    // An admin required two-step sign-in while the app was open: the next request says so.
    const setUp = onTwoStepSetupRequired(() => setBoot({ state: 'two-step-due' }));
    return () => {
      leave();
      setUp();
    };
  }, [load]);

  const signOut = useCallback(async () => {
    await api.signOut().catch(() => undefined);
    setBoot({ state: 'signed-out' });
    navigate('/signin', { replace: true });
  }, []);

  const session = useMemo(
    () =>
      boot.state === 'ready'
        ? buildSession(boot.me, boot.teams, boot.scenarios, boot.people, signOut, refresh, applyStatus)
        : null,
    [boot, signOut, refresh, applyStatus],
  );

  // The e-mailed reset link works signed in or not (and whoever is signed in here).
  if (path === '/reset-password')
    return (
      <ResetPassword
        onReset={() => {
          setBoot({ state: 'loading' });
          void load();
        }}
      />
    );
  if (boot.state === 'loading') return <Loading label="Opening Baton" />;
  // The setup link works until an organisation exists (the page says so after); signed in, it leads home.
  if (path === '/setup' && boot.state !== 'ready')
    return (
      <Setup
        onDone={() => {
          setBoot({ state: 'loading' });
          void load();
        }}
      />
    );
  if (boot.state === 'two-step-due')
    return (
      <TwoStepRequired
        onSignOut={() => void signOut()}
        onDone={() => {
          setBoot({ state: 'loading' });
          void load();
        }}
      />
    );
  if (boot.state === 'error') return <ErrorNote error={boot.error} title="Baton could not start" />;
  if (boot.state === 'signed-out' || boot.state === 'setup-needed' || !session) {
    return (
      <SignIn
        setupNeeded={boot.state === 'setup-needed'}
        passwordReset={passwordReset}
        singleSignOn={singleSignOn}
        idleNote={boot.state === 'signed-out' && boot.idle ? idleSignOutNote(boot.idle) : undefined}
        onSignedIn={() => {
          setBoot({ state: 'loading' });
          void load();
        }}
      />
    );
  }
  return (
    <SessionContext.Provider value={session}>
      <LiveProvider personKey={session.me.person?.id ?? session.me.organisation.id}>
        <Shell>
          <WhenLive waiting={<Loading />}>
            <Suspense fallback={<Loading />}>
              <Routes session={session} />
            </Suspense>
          </WhenLive>
        </Shell>
      </LiveProvider>
    </SessionContext.Provider>
  );
}
