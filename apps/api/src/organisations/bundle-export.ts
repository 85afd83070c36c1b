import { OrganisationBundle, Role } from '@app/domain';
import { boardMandates, readBudgets, readForecasts, Tx } from '@app/infra';
import * as store from './bundle.store';
import * as orgStore from './organisation.store';
import { AppError } from '../common/errors/app-error';
import { OrganisationError } from '../common/errors/error-codes';

/** The förbund's set-up as a bundle; importing it again changes nothing. People come without passwords. */
export async function exportBundle(tx: Tx, slug: string): Promise<OrganisationBundle> {
  const o = await store.organisationSettings(tx, slug);
  if (!o) throw new AppError(OrganisationError.NOT_FOUND, `Förbundet "${slug}" finns inte.`);
  const id = o.id;
  const parties = await orgStore.parties(tx, id);
  const funding = await store.fundingRows(tx, id);
  const centres = await orgStore.costCentres(tx, id);
  const kommunKey = await store.kommunKeyShares(tx, id);
  const budgets = await readBudgets(tx, id);
  const forecasts = await readForecasts(tx, id);
  const goals = await store.financialGoals(tx, id);
  const history = await store.historicalKeyFigures(tx, id);
  const insatser = await store.insatsRows(tx, id);
  const insatsIds = insatser.map((x) => x.id);
  const ibudgets = await store.insatsBudgetRows(tx, insatsIds);
  const matpunkter = await store.matpunktRows(tx, insatsIds);
  // Only this förbund's view of its people: its roles and titles, and the personnummer it keeps itself.
  const roles = await store.personRoleRows(tx, id);
  const people = new Map<string, OrganisationBundle['people'][number]>();
  for (const r of roles) {
    if (!people.has(r.email))
      people.set(r.email, {
        name: r.name,
        email: r.email,
        ...(r.personal_number ? { personalNumber: r.personal_number } : {}),
        roles: [],
      });
    people.get(r.email)!.roles.push({
      role: r.role as Role,
      ...(r.insats ? { insats: r.insats } : {}),
      ...(r.party_key ? { party: r.party_key } : {}),
      ...(r.title ? { title: r.title } : {}),
    });
  }
  const mandates = await boardMandates(tx, id);
  const opt = <T>(k: string, v: T | null | undefined) => (v === null || v === undefined ? {} : { [k]: v });
  return {
    bundleVersion: 1,
    organisation: {
      slug: o.slug,
      name: o.name,
      reportingUnit: o.reporting_unit,
      ...opt('organisationNumber', o.organisation_number),
      ...opt('vision', o.vision),
      ...(o.report_settings && Object.keys(o.report_settings).length
        ? { reportSettings: o.report_settings as OrganisationBundle['organisation']['reportSettings'] }
        : {}),
    },
    parties: parties.map((p) => ({
      key: p.key,
      name: p.name,
      kind: p.kind,
    })),
    funding: funding.map((f) => ({
      year: Number(f.year),
      party: f.party_key,
      amount: f.amount,
      account: f.account,
      ...opt('note', f.note),
    })),
    ...opt('kommunKey', kommunKey),
    costCentres: centres.map((c) => ({
      code: c.code,
      name: c.name,
      category: c.category,
      ...(c.split.length ? { split: c.split } : {}),
    })),
    budgets: budgets.map((x) => ({
      year: x.year,
      decided: x.decided,
      ...(x.kind === 'SUPPLEMENTARY' ? { kind: 'SUPPLEMENTARY' as const } : {}),
      ...opt('fundedBy', x.fundedBy),
      lines: x.lines,
      ...opt('outlook', x.outlook),
      ...opt('financing', x.financing),
      ...(Object.keys(x.lineIncome ?? {}).length ? { lineIncome: x.lineIncome } : {}),
    })),
    forecasts: forecasts.map((f) => ({ year: f.year, asOf: f.asOf, lines: f.lines })),
    financialGoals: goals.map((g) => ({
      year: g.year,
      key: g.key,
      text: g.text,
      metric: g.metric,
      op: g.op,
      value: g.value,
    })),
    historicalKeyFigures: history.map((h) => ({
      year: h.year,
      ...h.figures,
    })),
    insatser: insatser.map((x) => ({
      key: x.key,
      name: x.name,
      type: x.type,
      ownerParty: x.owner_party_key,
      costCentre: x.cost_centre_code,
      start: x.start,
      ...opt('end', x.end),
      ...(x.decided_on
        ? {
            decision: {
              date: x.decided_on,
              ...opt('body', x.decision_body),
              ...opt('text', x.decision_text),
            },
          }
        : {}),
      budgets: ibudgets
        .filter((bb) => bb.insats_id === x.id)
        .map((bb) => ({
          year: bb.year,
          amount: bb.amount,
          ...opt('decision', bb.decision),
        })),
      matpunkter: matpunkter
        .filter((m) => m.insats_id === x.id)
        .map((m) => ({
          key: m.key,
          year: m.year,
          text: m.text,
          ...opt('metric', m.metric),
          ...opt('op', m.op),
          ...opt('target', m.target),
        })),
    })),
    people: [...people.values()],
    ...opt('accountMapping', o.account_mapping),
    ...opt('workflow', o.workflow_config),
    ...(mandates.length
      ? {
          boardMandates: mandates.map((m) => ({
            email: m.email,
            name: m.name,
            role: m.role,
            ...opt('title', m.title),
            ...opt('appointedBy', m.appointedBy),
            ...opt('from', m.from),
            ...opt('to', m.to),
            ...opt('gender', m.gender),
          })),
        }
      : {}),
  } as OrganisationBundle;
}
