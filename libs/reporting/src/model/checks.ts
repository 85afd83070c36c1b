import Decimal from 'decimal.js';
import { followUpCoverageMessage, Money } from '@app/domain';
import { ReportTable } from './report-model';
import { D, amount, computeFigures } from './figures';
import { check, roundingNotes, tableSumCheck } from './table-helpers';
import { BuildContext } from './build-context';

/** Checks across statements, the bundle against the ledger, and every table's sums; in the order the report lists them. */
export function crossChecks(ctx: BuildContext, kf: ReportTable, driftNet: Decimal | null): void {
  const { input, year, kind, unit, cur, prev, checks, tables, followUps, history, coverage } = ctx;
  // Checks across statements
  const arBr = cur.arets_resultat_enligt_balansrakning;
  const same = [cur.arets_resultat, arBr, D(kf.rows[0].values[0]), driftNet ?? cur.arets_resultat];
  checks.push(
    check(
      'arets_resultat',
      same.every((v) => v.equals(cur.arets_resultat)),
      `Årets resultat ${amount(cur.arets_resultat)} är detsamma i resultaträkning, balansräkning, kassaflödesanalys och driftredovisning`,
      `Årets resultat skiljer sig: resultaträkning ${amount(cur.arets_resultat)}, balansräkning ${amount(arBr)}, kassaflödesanalys ${kf.rows[0].values[0]}, driftredovisning ${driftNet ? amount(driftNet) : '–'}`,
    ),
  );
  checks.push(
    check(
      'balansrakning_balanserar',
      cur.summa_tillgangar.equals(cur.summa_eget_kapital_och_skulder),
      `Summa tillgångar ${amount(cur.summa_tillgangar)} = summa eget kapital och skulder ${amount(cur.summa_eget_kapital_och_skulder)}`,
      `Summa tillgångar ${amount(cur.summa_tillgangar)} ≠ summa eget kapital och skulder ${amount(cur.summa_eget_kapital_och_skulder)}`,
    ),
  );
  const lmOk =
    cur.likvida_medel_ib.plus(cur.arets_kassaflode).equals(cur.likvida_medel_ub) &&
    cur.likvida_medel_ub.equals(cur.kassa_och_bank);
  checks.push(
    check(
      'likvida_medel',
      lmOk,
      `Likvida medel IB ${amount(cur.likvida_medel_ib)} + kassaflöde ${amount(cur.arets_kassaflode)} = UB ${amount(cur.likvida_medel_ub)} = kassa och bank`,
      `Likvida medel IB ${amount(cur.likvida_medel_ib)} + kassaflöde ${amount(cur.arets_kassaflode)} ≠ UB ${amount(cur.likvida_medel_ub)} / kassa och bank ${amount(cur.kassa_och_bank)}`,
    ),
  );
  const closing = input.previousYearEnd
    ? computeFigures(input.previousYearEnd, input, year - 1)
    : kind === 'ARSREDOVISNING'
      ? prev
      : null;
  if (closing) {
    checks.push(
      check(
        'ingaende_eget_kapital',
        cur.ingaende_eget_kapital.equals(closing.eget_kapital),
        `Ingående eget kapital ${amount(cur.ingaende_eget_kapital)} = föregående års utgående eget kapital ${amount(closing.eget_kapital)}`,
        `Ingående eget kapital ${amount(cur.ingaende_eget_kapital)} ≠ föregående års utgående eget kapital ${amount(closing.eget_kapital)} (är årets resultat överfört?)`,
      ),
    );
  }
  for (const imp of input.imports) {
    checks.push({
      id: `huvudbok_${imp.year}`,
      status: 'PASS',
      message: `Huvudboken ${imp.year} (version ${imp.version}, ${imp.transactions} transaktioner) klarade inläsningens kontroller: balanserade verifikationer, datum, IB + transaktioner = UB, deklarerade objekt${imp.warnings ? `; ${imp.warnings} varningar` : ''}`,
    });
  }
  // The bundle's history and budgets against the ledger
  for (const h of history) {
    const f =
      h.year === year && kind === 'ARSREDOVISNING'
        ? cur
        : h.year === year - 1 && kind === 'ARSREDOVISNING'
          ? prev
          : null;
    if (!f) continue;
    const diffs: string[] = [];
    const cmp = (k: string, v: Decimal) => {
      if (h.figures[k] !== undefined && !D(h.figures[k]).equals(v))
        diffs.push(`${k}: historiken ${h.figures[k]}, huvudboken ${amount(v)}`);
    };
    cmp('verksamhetens_intakter', f.verksamhetens_intakter);
    cmp('verksamhetens_kostnader', f.verksamhetens_kostnader);
    cmp('arets_resultat', f.arets_resultat);
    checks.push(
      check(
        `historik_${h.year}`,
        !diffs.length,
        `Femårsöversiktens uppgifter för ${h.year} stämmer med huvudboken`,
        `Femårsöversiktens uppgifter för ${h.year} motsäger huvudboken: ${diffs.join('; ')}`,
      ),
    );
  }
  for (const ins of input.insatser) {
    const granted = ins.budgets[String(year)];
    if (granted === undefined) continue;
    const lines = input.budgets
      .filter((b) => b.year === year && b.lines[ins.costCentre] !== undefined)
      .reduce((a, b) => a.plus(b.lines[ins.costCentre]), new Money(0));
    checks.push(
      check(
        `budget_insats_${ins.key}`,
        lines.equals(granted),
        `${ins.name}: beviljat ${amount(D(granted))} = budgetbesluten för kostnadsställe ${ins.costCentre}`,
        `${ins.name}: beviljat ${amount(D(granted))} ≠ budgetbesluten för kostnadsställe ${ins.costCentre} (${amount(lines)})`,
      ),
    );
  }
  // Every insats funded in the period is accounted for: a missing follow-up fails, naming the insats.
  for (const c of coverage) {
    checks.push({
      id: `uppfoljning_finns_${c.insatsKey}`,
      status: c.state === 'SAKNAS' ? 'FAIL' : 'PASS',
      message: followUpCoverageMessage(c.insatsName, c.period, c.state, c.reason),
    });
  }
  for (const f of followUps) {
    const e = (f.answers as Record<string, Record<string, string>>).ekonomi;
    if (!e?.utfall) continue;
    const ledger = D(input.current.costCentres[f.costCentre]);
    checks.push(
      check(
        `uppfoljning_${f.insatsKey}`,
        ledger.equals(D(e.utfall)),
        `${f.insatsName}: uppföljningens utfall ${amount(D(e.utfall))} = huvudboken för kostnadsställe ${f.costCentre}`,
        `${f.insatsName}: uppföljningens utfall ${amount(D(e.utfall))} ≠ huvudboken för kostnadsställe ${f.costCentre} (${amount(ledger)})`,
      ),
    );
  }
  for (const t of tables) {
    checks.push(...tableSumCheck(t));
    roundingNotes(t, unit);
  }
}
