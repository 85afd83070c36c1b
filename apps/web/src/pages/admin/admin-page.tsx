import { Link, NavLink, Outlet, Route, Routes } from 'react-router-dom';
import { useSession } from '../../session';
import { Alert } from '../../components/ui';
import { NotFoundPage } from '../not-found-page';

import { ADMIN_SECTIONS, type AdminSection } from './admin-sections';

const BASE = '/administration';

/**
 * The administration (/administration/*): an overview linking every register the person may keep, each register on
 * a sub-page of its own with the menu beside it. A sub-path that names no register is the app's not-found page.
 */
export function AdminPage() {
  const s = useSession();
  const sections = ADMIN_SECTIONS.filter((x) => x.allowed(s));
  // Nothing here for this person (a projektägare who typed the address): say so, on every sub-path.
  if (sections.length === 0) return <NoAdministration />;
  return (
    <Routes>
      <Route element={<AdminLayout sections={sections} />}>
        <Route index element={<AdminOverview sections={sections} />} />
        {ADMIN_SECTIONS.map((x) => (
          <Route
            key={x.slug}
            path={x.slug}
            element={sections.includes(x) ? <AdminSubPage section={x} /> : <NotForYou section={x} />}
          />
        ))}
      </Route>
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}

function AdminLayout(props: { sections: AdminSection[] }) {
  return (
    <div className="admin-layout">
      <nav aria-label="Administration" className="admin-nav">
        <ul>
          <li>
            <NavLink to={BASE} end>
              Översikt
            </NavLink>
          </li>
          {props.sections.map((x) => (
            <li key={x.slug}>
              <NavLink to={`${BASE}/${x.slug}`}>{x.title}</NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <div className="admin-content">
        <Outlet />
      </div>
    </div>
  );
}

function AdminOverview(props: { sections: AdminSection[] }) {
  const s = useSession();
  return (
    <>
      <h1>Administration</h1>
      <p>
        {s.org
          ? `Här håller du registren för ${s.org.name}, ett på varje sida.`
          : 'Plattformen har inga förbund än. Lägg upp det första.'}
      </p>
      <ul className="admin-overview">
        {props.sections.map((x) => (
          <li key={x.slug}>
            <Link to={`${BASE}/${x.slug}`}>{x.title}</Link>
            <span className="muted"> – {x.description}</span>
          </li>
        ))}
      </ul>
    </>
  );
}

function AdminSubPage(props: { section: AdminSection }) {
  const { title, description, Page } = props.section;
  return (
    <>
      <h1>{title}</h1>
      <p className="muted">{description}</p>
      <Page />
    </>
  );
}

/** A register the person may not keep (the förbund list for a förbund's kansli): its name, and who may. */
function NotForYou(props: { section: AdminSection }) {
  return (
    <>
      <h1>{props.section.title}</h1>
      <Alert kind="info">
        Den här sidan är till för {props.section.forWhom}. Du har inte behörighet att använda den.{' '}
        <Link to={BASE}>Till administrationens översikt</Link>
      </Alert>
    </>
  );
}

function NoAdministration() {
  return (
    <>
      <h1>Administration</h1>
      <Alert kind="info">
        Administrationen är till för förbundets kansli, och du har inte behörighet att använda den. Behöver
        dina roller ändras, kontakta kansliet. <Link to="/">Till startsidan</Link>
      </Alert>
    </>
  );
}
