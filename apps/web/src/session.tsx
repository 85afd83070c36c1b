import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useQuery } from 'urql';
import { graphql } from './gql';
import type { MeQuery } from './gql/graphql';
import { session, setUnauthenticatedHandler } from './client';

export const MeDocument = graphql(`
  query Me {
    me {
      id
      name
      email
      isPlatformAdmin
      roles {
        role
        organisationId
        organisationSlug
        insatsId
        insatsKey
        title
      }
    }
    organisations {
      id
      slug
      name
      myRoles
    }
  }
`);

export type Me = MeQuery['me'];
export type Org = MeQuery['organisations'][number];

interface SessionValue {
  me: Me;
  organisations: Org[];
  org: Org | null;
  setOrgSlug: (slug: string) => void;
  /** My roles in the chosen förbund (ADMIN for the platform administrator). */
  roles: string[];
  has: (...roles: string[]) => boolean;
  /** Reads my förbund again (a förbund was created). */
  refresh: () => void;
  signOut: () => void;
}

const SessionContext = createContext<SessionValue | null>(null);
const ORG_KEY = 'samordning.org';

export function SessionProvider(props: { children: ReactNode; onSignOut: () => void }) {
  const [{ data, error, fetching }, refetchMe] = useQuery({
    query: MeDocument,
    requestPolicy: 'network-only',
  });
  const [slug, setSlug] = useState<string | null>(() => localStorage.getItem(ORG_KEY));
  const signOut = useCallback(() => {
    session.set(null);
    props.onSignOut();
  }, [props]);
  // The API refused the token (it ran out, or the password changed): back to the login page, which says why.
  const expired = useCallback(() => {
    session.expire();
    props.onSignOut();
  }, [props]);
  useEffect(() => setUnauthenticatedHandler(expired), [expired]);

  const value = useMemo<SessionValue | null>(() => {
    if (!data) return null;
    const orgs = data.organisations;
    const org = orgs.find((o) => o.slug === slug) ?? orgs[0] ?? null;
    const roles = org ? [...org.myRoles, ...(data.me.isPlatformAdmin ? ['ADMIN'] : [])] : [];
    return {
      me: data.me,
      organisations: orgs,
      org,
      roles,
      has: (...r) => r.some((x) => roles.includes(x)),
      setOrgSlug: (s) => {
        localStorage.setItem(ORG_KEY, s);
        setSlug(s);
      },
      refresh: () => refetchMe({ requestPolicy: 'network-only' }),
      signOut,
    };
  }, [data, slug, signOut, refetchMe]);

  if (error && !data) {
    const unauth = error.graphQLErrors.some((g) => g.extensions?.code === 'UNAUTHENTICATED');
    if (unauth) {
      expired();
      return null;
    }
    return (
      <main className="page" id="main">
        <p role="alert" className="alert alert-error">
          Plattformen kunde inte nås. Försök igen om en stund.
        </p>
      </main>
    );
  }
  if ((fetching && !data) || !value)
    return (
      <main className="page" id="main" aria-busy="true">
        <p>Laddar …</p>
      </main>
    );
  return <SessionContext.Provider value={value}>{props.children}</SessionContext.Provider>;
}

export function useSession(): SessionValue {
  const v = useContext(SessionContext);
  if (!v) throw new Error('useSession outside SessionProvider');
  return v;
}
