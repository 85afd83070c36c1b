import { lazy, Suspense, useEffect, useState, type ComponentType } from 'react';
import { Navigate, NavLink, Route, Routes, useLocation } from 'react-router-dom';
import { session } from './client';
import { SessionProvider, useSession } from './session';
import { ROLE_LABEL } from './format';
import { LoginPage } from './pages/login-page';
import { StartPage } from './pages/start-page';
import { NotFoundPage } from './pages/not-found-page';
import { Loading } from './components/ui';
import { usePageTitleFromHeading } from './hooks/page-title';
import { UnsavedChangesGuard } from './hooks/unsaved-changes';

/** A page loaded with its own part of the bundle the first time it is visited (the start page is not). */
function page<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) {
  return lazy(async () => ({ default: (await load())[name] }));
}
const InvitationPage = lazy(async () => ({
  default: (await import('./pages/invitation-page')).InvitationPage,
}));
const SurveyAnswerPage = page(() => import('./pages/surveys/survey-answer-page'), 'SurveyAnswerPage');
const SubmissionPage = page(() => import('./pages/submission/submission-page'), 'SubmissionPage');
const OverviewPage = page(() => import('./pages/overview-page'), 'OverviewPage');
const ReportsPage = page(() => import('./pages/reports-page'), 'ReportsPage');
const ReportPage = page(() => import('./pages/report-page'), 'ReportPage');
const AdminPage = page(() => import('./pages/admin/admin-page'), 'AdminPage');
const AccountPage = page(() => import('./pages/account-page'), 'AccountPage');
const SurveysPage = page(() => import('./pages/surveys/surveys-page'), 'SurveysPage');
const PlanPage = page(() => import('./pages/plan/plan-page'), 'PlanPage');

export function App() {
  const [token, setToken] = useState(session.token);
  usePageTitleFromHeading();
  // Signing in or out in another tab is followed here too.
  useEffect(() => session.onChange(() => setToken(session.token)), []);
  const signedIn = (t: string) => (session.set(t), setToken(t));
  return (
    <Suspense fallback={<Loading what="sidan" />}>
      <Routes>
        {/* Participants answer the NNS survey on an anonymous link, never signed in. */}
        <Route path="/enkat/:linkId" element={<SurveyAnswerPage />} />
        {/* The invitation mail's link: choose a password, then signed in. */}
        <Route path="/inbjudan" element={<InvitationPage onSignedIn={signedIn} />} />
        <Route
          path="*"
          element={
            token ? (
              <SessionProvider onSignOut={() => setToken(session.token)}>
                <Layout />
              </SessionProvider>
            ) : (
              // The page asked for (an e-mail's link) stays in the address bar and opens after signing in.
              <LoginPage onSignedIn={signedIn} expired={session.expired} />
            )
          }
        />
      </Routes>
    </Suspense>
  );
}

/**
 * Moves focus to the page heading after navigation, so screen readers announce the new page; a link to a part of
 * a page (/mitt-konto#engangskoder) scrolls to that part once the page has loaded.
 */
function useFocusOnNavigate() {
  const location = useLocation();
  useEffect(() => {
    let tries = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const go = () => {
      const target = location.hash
        ? document.getElementById(decodeURIComponent(location.hash.slice(1)))
        : document.querySelector<HTMLElement>('main h1');
      if (!target) {
        // The page (a lazy route) or its data is still loading.
        if (tries++ < 40) timer = setTimeout(go, 100);
        return;
      }
      if (location.hash) target.scrollIntoView({ block: 'start' });
      target.tabIndex = -1;
      target.focus({ preventScroll: true });
    };
    go();
    return () => clearTimeout(timer);
  }, [location.pathname, location.hash]);
}

function Layout() {
  const s = useSession();
  useFocusOnNavigate();
  const chef = s.has('FORBUNDSCHEF', 'ADMIN');
  const reader = s.has('FORBUNDSCHEF', 'ADMIN', 'STYRELSELEDAMOT', 'STYRELSEERSATTARE', 'REVISOR');
  return (
    <>
      <a href="#main" className="skip-link">
        Hoppa till innehållet
      </a>
      <header className="topbar">
        <div className="brand">
          <span aria-hidden="true" className="brand-mark">
            ◆
          </span>{' '}
          {s.org?.name ?? 'Samordningsplattformen'}
        </div>
        <nav aria-label="Huvudmeny">
          <ul>
            <li>
              <NavLink to="/" end>
                Start
              </NavLink>
            </li>
            {chef && (
              <li>
                <NavLink to="/oversikt">Översikt</NavLink>
              </li>
            )}
            {reader && (
              <li>
                <NavLink to="/rapporter">Rapporter</NavLink>
              </li>
            )}
            {chef && (
              <li>
                <NavLink to="/verksamhetsplan">Verksamhetsplan</NavLink>
              </li>
            )}
            {s.has('FORBUNDSCHEF', 'ADMIN', 'STYRELSELEDAMOT', 'STYRELSEERSATTARE', 'BEREDNINGSGRUPP') && (
              <li>
                <NavLink to="/enkater">Enkäter</NavLink>
              </li>
            )}
            {(s.has('ADMIN') || s.me.isPlatformAdmin) && (
              <li>
                <NavLink to="/administration">Administration</NavLink>
              </li>
            )}
            <li>
              <NavLink to="/mitt-konto">Mitt konto</NavLink>
            </li>
          </ul>
        </nav>
        <div className="user">
          {s.organisations.length > 1 && (
            <label className="org-select">
              <span className="visually-hidden">Förbund</span>
              <select value={s.org?.slug ?? ''} onChange={(e) => s.setOrgSlug(e.target.value)}>
                {s.organisations.map((o) => (
                  <option key={o.id} value={o.slug}>
                    {o.name}
                  </option>
                ))}
              </select>
            </label>
          )}
          <span className="user-name">
            {s.me.name}
            {s.roles.length > 0 && <small> · {s.roles.map((r) => ROLE_LABEL[r] ?? r).join(', ')}</small>}
          </span>
          <button type="button" className="button-link" onClick={s.signOut}>
            Logga ut
          </button>
        </div>
      </header>
      <UnsavedChangesGuard />
      <main id="main" className="page">
        <Suspense fallback={<Loading what="sidan" />}>
          <Routes>
            <Route path="/" element={<StartPage />} />
            <Route path="/logga-in" element={<Navigate to="/" replace />} />
            <Route path="/uppfoljningar/:id" element={<SubmissionPage />} />
            <Route path="/oversikt" element={<OverviewPage />} />
            <Route path="/rapporter" element={<ReportsPage />} />
            <Route path="/rapporter/:id" element={<ReportPage />} />
            <Route path="/enkater" element={<SurveysPage />} />
            <Route path="/verksamhetsplan" element={<PlanPage />} />
            <Route path="/administration/*" element={<AdminPage />} />
            <Route path="/mitt-konto" element={<AccountPage />} />
            <Route path="*" element={<NotFoundPage />} />
          </Routes>
        </Suspense>
      </main>
    </>
  );
}
