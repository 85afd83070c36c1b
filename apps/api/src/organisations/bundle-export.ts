import { OrganisationBundle } from '@app/domain';
import { readBudgets, readForecasts, Tx } from '@app/infra';
import { AppError } from '../common/errors/app-error';
import { OrganisationError } from '../common/errors/error-codes';

/** The förbund's set-up as a bundle; importing it again changes nothing. People come without passwords. */
export async function exportBundle(em: Tx, slug: string): Promise<OrganisationBundle> {
  const q = (sql: string, p: unknown[]) => em.query(sql, p);
  const [o] = await q('SELECT * FROM organisation WHERE slug = $1', [slug]);
  if (!o) throw new AppError(OrganisationError.NOT_FOUND, `Förbundet "${slug}" finns inte.`);
  const id = o.id;
  const parties = await q(
    'SELECT key, name, kind FROM party WHERE organisation_id = $1 ORDER BY created_at, key',
    [id],
  );
  const funding = await q(
    'SELECT year, party_key, amount::text, account, note FROM funding WHERE organisation_id = $1 ORDER BY year, party_key',
    [id],
  );
  const centres = await q(
    'SELECT code, name, category FROM cost_centre WHERE organisation_id = $1 ORDER BY code',
    [id],
  );
  const budgets = await readBudgets(em, id);
  const forecasts = await readForecasts(em, id);
  const goals = await q(
    'SELECT year, key, text, metric, op, value::text FROM financial_goal WHERE organisation_id = $1 ORDER BY year, key',
    [id],
  );
  const history = await q(
    'SELECT year, figures FROM historical_key_figure WHERE organisation_id = $1 ORDER BY year',
    [id],
  );
  const insatser = await q(
    `SELECT id, key, name, type, owner_party_key, cost_centre_code, to_char(start_date,'YYYY-MM-DD') AS start, to_char(end_date,'YYYY-MM-DD') AS "end" FROM insats WHERE organisation_id = $1 ORDER BY created_at, key`,
    [id],
  );
  const insatsIds = insatser.map((x: { id: string }) => x.id);
  const ibudgets = await q(
    'SELECT insats_id, year, amount::text, decision FROM insats_budget WHERE insats_id = ANY($1) ORDER BY year',
    [insatsIds],
  );
  const matpunkter = await q(
    'SELECT insats_id, year, key, text, metric, op, target::text FROM matpunkt WHERE insats_id = ANY($1) ORDER BY year, position',
    [insatsIds],
  );
  const roles = await q(
    `SELECT p.name, p.email, p.personal_number, r.role, i.key AS insats, r.party_key, r.title FROM role_assignment r JOIN person p ON p.id = r.person_id
     LEFT JOIN insats i ON i.id = r.insats_id WHERE r.organisation_id = $1 ORDER BY p.created_at, p.email, r.created_at`,
    [id],
  );
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
      role: r.role,
      ...(r.insats ? { insats: r.insats } : {}),
      ...(r.party_key ? { party: r.party_key } : {}),
      ...(r.title ? { title: r.title } : {}),
    });
  }
  const opt = <T>(k: string, v: T | null | undefined) => (v === null || v === undefined ? {} : { [k]: v });
  return {
    bundleVersion: 1,
    organisation: {
      slug: o.slug,
      name: o.name,
      reportingUnit: o.reporting_unit,
      ...opt('vision', o.vision),
    },
    parties: parties.map((p: { key: string; name: string; kind: 'STAT' }) => ({
      key: p.key,
      name: p.name,
      kind: p.kind,
    })),
    funding: funding.map((f: Record<string, string>) => ({
      year: Number(f.year),
      party: f.party_key,
      amount: f.amount,
      account: f.account,
      ...opt('note', f.note),
    })),
    costCentres: centres,
    budgets: budgets.map((x) => ({
      year: x.year,
      decided: x.decided,
      ...(x.kind === 'SUPPLEMENTARY' ? { kind: 'SUPPLEMENTARY' as const } : {}),
      ...opt('fundedBy', x.fundedBy),
      lines: x.lines,
      ...opt('outlook', x.outlook),
      ...opt('financing', x.financing),
    })),
    forecasts: forecasts.map((f) => ({ year: f.year, asOf: f.asOf, lines: f.lines })),
    financialGoals: goals.map((g: Record<string, never>) => ({
      year: g.year,
      key: g.key,
      text: g.text,
      metric: g.metric,
      op: g.op,
      value: g.value,
    })),
    historicalKeyFigures: history.map((h: { year: number; figures: Record<string, string> }) => ({
      year: h.year,
      ...h.figures,
    })),
    insatser: insatser.map((x: Record<string, never>) => ({
      key: x.key,
      name: x.name,
      type: x.type,
      ownerParty: x.owner_party_key,
      costCentre: x.cost_centre_code,
      start: x.start,
      end: x.end,
      budgets: ibudgets
        .filter((bb: { insats_id: string }) => bb.insats_id === x.id)
        .map((bb: Record<string, never>) => ({
          year: bb.year,
          amount: bb.amount,
          ...opt('decision', bb.decision),
        })),
      matpunkter: matpunkter
        .filter((m: { insats_id: string }) => m.insats_id === x.id)
        .map((m: Record<string, never>) => ({
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
  } as OrganisationBundle;
}
