import type { ComponentType } from 'react';
import { useSession } from '../../session';

import { AdminData } from './admin-data';
import { FinanceSetup } from './finance-setup';
import { People } from './people';
import { BoardMandates } from './board-mandates';
import { Parties } from './parties';
import { CostCentres } from './cost-centres';
import { Budgets } from './budgets';
import { FinancialGoals } from './financial-goals';
import { Forecasts } from './forecasts';
import { Insatser } from './insatser';
import { SieImport } from './sie-import';
import { OrganisationLogo } from './organisation-logo';
import { PlatformOrganisations } from './platform-organisations';

type Session = ReturnType<typeof useSession>;

/** One sub-page of the administration: /administration/<slug>. */
export interface AdminSection {
  slug: string;
  /** The sub-page's heading (and so its document title) and its name in the menu. */
  title: string;
  /** One line on the overview: what the kansli keeps there. */
  description: string;
  /** Whether the signed-in person may use the sub-page (the API checks every call again). */
  allowed: (s: Session) => boolean;
  /** Who may, for the message shown to anyone else. */
  forWhom: string;
  Page: ComponentType;
}

/** The förbund's own registers: its kansli (ADMIN, which the platform administrator has in every förbund). */
const kansli = (s: Session) => !!s.org && s.has('ADMIN');
const FOR_KANSLI = 'förbundets kansli';

export const ADMIN_SECTIONS: AdminSection[] = [
  {
    slug: 'personer',
    title: 'Personer och roller',
    description: 'Förbundets personer, deras roller och inbjudningar till plattformen.',
    allowed: kansli,
    forWhom: FOR_KANSLI,
    Page: () => <AdminData>{(d, reload) => <People data={d} onSaved={reload} />}</AdminData>,
  },
  {
    slug: 'styrelse',
    title: 'Styrelse och revisorer',
    description: 'Ledamöters, ersättares och revisorers mandat med perioder och titlar.',
    allowed: kansli,
    forWhom: FOR_KANSLI,
    Page: () => (
      <AdminData>
        {(d) => (
          <BoardMandates
            orgId={d.organisation.id}
            people={d.organisation.people}
            parties={d.organisation.parties}
          />
        )}
      </AdminData>
    ),
  },
  {
    slug: 'parter',
    title: 'Parter och fördelningsnyckel',
    description: 'Förbundets parter och kommunernas fördelningsnyckel.',
    allowed: kansli,
    forWhom: FOR_KANSLI,
    Page: () => (
      <FinanceSetup>
        {(d, saved) => <Parties parties={d.parties} kommunKey={d.kommunKey} onSaved={saved} />}
      </FinanceSetup>
    ),
  },
  {
    slug: 'kostnadsstallen',
    title: 'Kostnadsställen',
    description: 'Kostnadsställen och hur förbundsgemensamma kostnader fördelas.',
    allowed: kansli,
    forWhom: FOR_KANSLI,
    Page: () => (
      <FinanceSetup>{(d, saved) => <CostCentres costCentres={d.costCentres} onSaved={saved} />}</FinanceSetup>
    ),
  },
  {
    slug: 'budget',
    title: 'Budgetar',
    description: 'Budgetbeslut och tilläggsbudgetar per år och kostnadsställe.',
    allowed: kansli,
    forWhom: FOR_KANSLI,
    Page: () => (
      <AdminData>
        {(d, reload) => (
          <Budgets budgets={d.budgets} costCentres={d.organisation.costCentres} onSaved={reload} />
        )}
      </AdminData>
    ),
  },
  {
    slug: 'mal',
    title: 'Finansiella mål',
    description: 'Styrelsens finansiella mål och vilka mått de följs upp med.',
    allowed: kansli,
    forWhom: FOR_KANSLI,
    Page: () => (
      <FinanceSetup>
        {(d, saved) => <FinancialGoals goals={d.financialGoals} metrics={d.metrics} onSaved={saved} />}
      </FinanceSetup>
    ),
  },
  {
    slug: 'prognoser',
    title: 'Prognoser',
    description: 'Prognoser för årets utfall per kostnadsställe.',
    allowed: kansli,
    forWhom: FOR_KANSLI,
    Page: () => (
      <AdminData>
        {(d, reload) => (
          <Forecasts forecasts={d.forecasts} costCentres={d.organisation.costCentres} onSaved={reload} />
        )}
      </AdminData>
    ),
  },
  {
    slug: 'insatser',
    title: 'Insatser',
    description: 'Förbundets insatser med beslut, budget, mätpunkter och projektägare.',
    allowed: kansli,
    forWhom: FOR_KANSLI,
    Page: () => <Insatser />,
  },
  {
    slug: 'bokforing',
    title: 'Bokföring',
    description: 'Huvudboken från ekonomisystemet som SIE 4-fil, med tidigare inläsningar.',
    allowed: kansli,
    forWhom: FOR_KANSLI,
    Page: () => (
      <AdminData>{(d, reload) => <SieImport imports={d.sieImports} onImported={reload} />}</AdminData>
    ),
  },
  {
    slug: 'logotyp',
    title: 'Logotyp',
    description: 'Förbundets logotyp på de publicerade rapporterna.',
    allowed: kansli,
    forWhom: FOR_KANSLI,
    Page: () => <OrganisationLogo />,
  },
  {
    slug: 'forbund',
    title: 'Förbund på plattformen',
    description: 'Plattformens alla förbund; lägg upp ett nytt och bjud in dess förbundschef.',
    allowed: (s) => s.me.isPlatformAdmin,
    forWhom: 'plattformens administratör',
    Page: PlatformPage,
  },
];

function PlatformPage() {
  const s = useSession();
  // A new förbund shows in the förbund list (and in the chooser) at once.
  return <PlatformOrganisations onCreated={() => s.refresh()} />;
}
