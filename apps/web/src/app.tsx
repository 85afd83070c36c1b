import { useEffect, useState } from 'react';
import { Navigate, NavLink, Route, Routes, useLocation } from 'react-router-dom';
import { session } from './client';
import { SessionProvider, useSession } from './session';
import { ROLE_LABEL } from './format';
import { LoginPage } from './pages/login-page';
import { InvitationPage } from './pages/invitation-page';
import { StartPage } from './pages/start-page';
import { SubmissionPage } from './pages/submission/submission-page';
import { OverviewPage } from './pages/overview-page';
import { ReportsPage } from './pages/reports-page';
import { ReportPage } from './pages/report-page';
import { AdminPage } from './pages/admin/admin-page';
import { AccountPage } from './pages/account-page';
import { NotFoundPage } from './pages/not-found-page';
import { SurveysPage } from './pages/surveys/surveys-page';
import { PlanPage } from './pages/plan/plan-page';
import { SurveyAnswerPage } from './pages/surveys/survey-answer-page';

export function App() {
  const [token, setToken] = useState(session.token);
  return (
    <Routes>
      {/* Participants answer the NNS survey on an anonymous link, never signed in. */}
      <Route path="/enkat/:linkId" element={<SurveyAnswerPage />} />
      {/* The invitation mail's link: choose a password, then signed in. */}
      <Route
        path="/inbjudan"
        element={<InvitationPage onSignedIn={(t) => (session.set(t), setToken(t))} />}
      />
      <Route
        path="*"
        element={
          token ? (
            <SessionProvider onSignOut={() => setToken(null)}>
              <Layout />
            </SessionProvider>
          ) : (
            <LoginPage onSignedIn={(t) => (session.set(t), setToken(t))} />
          )
        }
      />
    </Routes>
  );
}

/** Moves focus to the page heading after navigation, so screen readers announce the new page. */
function useFocusOnNavigate() {
  const location = useLocation();
  useEffect(() => {
    const h1 = document.querySelector<HTMLElement>('main h1');
    if (h1) {
      h1.tabIndex = -1;
      h1.focus({ preventScroll: true });
    }
  }, [location.pathname]);
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
            {s.has('ADMIN') && (
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
      <main id="main" className="page">
        <Routes>
          <Route path="/" element={<StartPage />} />
          <Route path="/logga-in" element={<Navigate to="/" replace />} />
          <Route path="/uppfoljningar/:id" element={<SubmissionPage />} />
          <Route path="/oversikt" element={<OverviewPage />} />
          <Route path="/rapporter" element={<ReportsPage />} />
          <Route path="/rapporter/:id" element={<ReportPage />} />
          <Route path="/enkater" element={<SurveysPage />} />
          <Route path="/verksamhetsplan" element={<PlanPage />} />
          <Route path="/administration" element={<AdminPage />} />
          <Route path="/mitt-konto" element={<AccountPage />} />
          <Route path="*" element={<NotFoundPage />} />
        </Routes>
      </main>
    </>
  );
}
