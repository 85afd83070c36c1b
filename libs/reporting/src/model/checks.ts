import Decimal from 'decimal.js';
import { followUpCoverageMessage, formatKronor as kr, Money } from '@app/domain';
import { ReportTable } from './report-model';
import { D, computeFigures } from './figures';
import { check, roundingNotes, tableSumCheck } from './table-helpers';
import { BuildContext } from './build-context';

/** Checks across statements, the bundle against the ledger, and every table's sums; in the order the report lists them. */
export function crossChecks(ctx: BuildContext, kf: ReportTable, driftNet: Decimal | null): void {
  const { input, year, kind, unit, cur, prev, checks, tables, followUps, history, coverage, ccName } = ctx;
  const centre = (code: string) => `${code} ${ccName.get(code) ?? ''}`.trim();
  // Checks across statements
  const arBr = cur.arets_resultat_enligt_balansrakning;
  const same = [cur.arets_resultat, arBr, D(kf.rows[0].values[0]), driftNet ?? cur.arets_resultat];
  checks.push(
    check(
      'arets_resultat',
      same.every((v) => v.equals(cur.arets_resultat)),
      `Årets resultat (${kr(cur.arets_resultat)}) är detsamma i resultaträkningen, balansräkningen, kassaflödesanalysen och driftredovisningen.`,
      `Årets resultat är inte detsamma överallt: resultaträkningen ${kr(cur.arets_resultat)}, balansräkningen ${kr(arBr)}, kassaflödesanalysen ${kr(D(kf.rows[0].values[0]))}, driftredovisningen ${driftNet ? kr(driftNet) : 'saknas'}.`,
    ),
  );
  checks.push(
    check(
      'balansrakning_balanserar',
      cur.summa_tillgangar.equals(cur.summa_eget_kapital_och_skulder),
      `Balansräkningen balanserar: tillgångarna (${kr(cur.summa_tillgangar)}) är lika stora som eget kapital och skulder (${kr(cur.summa_eget_kapital_och_skulder)}).`,
      `Balansräkningen balanserar inte: tillgångarna är ${kr(cur.summa_tillgangar)} men eget kapital och skulder ${kr(cur.summa_eget_kapital_och_skulder)}, en skillnad på ${kr(cur.summa_tillgangar.minus(cur.summa_eget_kapital_och_skulder).abs())}.`,
    ),
  );
  const lmOk =
    cur.likvida_medel_ib.plus(cur.arets_kassaflode).equals(cur.likvida_medel_ub) &&
    cur.likvida_medel_ub.equals(cur.kassa_och_bank);
  checks.push(
    check(
      'likvida_medel',
      lmOk,
      `Likvida medel vid periodens början (${kr(cur.likvida_medel_ib)}) plus periodens kassaflöde (${kr(cur.arets_kassaflode)}) ger likvida medel vid periodens slut (${kr(cur.likvida_medel_ub)}), lika mycket som kassa och bank.`,
      `Likvida medel stämmer inte: vid periodens början ${kr(cur.likvida_medel_ib)} plus periodens kassaflöde ${kr(cur.arets_kassaflode)} borde ge ${kr(cur.likvida_medel_ib.plus(cur.arets_kassaflode))}, men likvida medel vid periodens slut är ${kr(cur.likvida_medel_ub)} och kassa och bank ${kr(cur.kassa_och_bank)}.`,
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
        `Eget kapital vid årets början (${kr(cur.ingaende_eget_kapital)}) är detsamma som vid förra årets slut (${kr(closing.eget_kapital)}).`,
        `Eget kapital vid årets början (${kr(cur.ingaende_eget_kapital)}) är inte detsamma som vid förra årets slut (${kr(closing.eget_kapital)}); skillnaden är ${kr(cur.ingaende_eget_kapital.minus(closing.eget_kapital).abs())}. Är förra årets resultat överfört till eget kapital i bokföringen?`,
      ),
    );
  }
  for (const imp of input.imports) {
    checks.push({
      id: `huvudbok_${imp.year}`,
      status: 'PASS',
      message: `Huvudboken för ${imp.year} (version ${imp.version}, ${imp.transactions.toLocaleString('sv-SE')} transaktioner) klarade inläsningens kontroller: varje verifikation balanserar, datumen ligger inom året, ingående balans plus transaktionerna ger utgående balans och varje kostnadsställe är deklarerat${imp.warnings ? `; inläsningen gav ${imp.warnings} ${imp.warnings === 1 ? 'varning' : 'varningar'}` : ''}.`,
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
    const compared: string[] = [];
    const cmp = (k: string, words: string, v: Decimal) => {
      if (h.figures[k] === undefined || h.figures[k] === null) return;
      compared.push(words);
      if (!D(h.figures[k]).equals(v))
        diffs.push(`${words}: femårsöversiktens uppgift ${kr(D(h.figures[k]))}, huvudboken ${kr(v)}`);
    };
    cmp('verksamhetens_intakter', 'Verksamhetens intäkter', f.verksamhetens_intakter);
    cmp('verksamhetens_kostnader', 'Verksamhetens kostnader', f.verksamhetens_kostnader);
    cmp('arets_resultat', 'Årets resultat', f.arets_resultat);
    // Only the staff number given for the year: nothing to hold against the ledger.
    if (!compared.length) continue;
    checks.push(
      check(
        `historik_${h.year}`,
        !diffs.length,
        `Femårsöversiktens uppgifter för ${h.year} (${compared.join(', ').toLowerCase()}) stämmer med huvudboken.`,
        `Femårsöversiktens uppgifter för ${h.year} stämmer inte med huvudboken: ${diffs.join('; ')}.`,
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
        `${ins.name}: beviljat belopp för ${year} (${kr(granted)}) är detsamma som budgetbesluten för kostnadsställe ${centre(ins.costCentre)}.`,
        `${ins.name}: beviljat belopp för ${year} (${kr(granted)}) är inte detsamma som budgetbesluten för kostnadsställe ${centre(ins.costCentre)} (${kr(lines)}); skillnaden är ${kr(lines.minus(granted).abs())}.`,
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
        `${f.insatsName}: utfallet i projektägarens uppföljning (${kr(D(e.utfall))}) är detsamma som huvudboken för kostnadsställe ${centre(f.costCentre)}.`,
        `${f.insatsName}: utfallet i projektägarens uppföljning (${kr(D(e.utfall))}) är inte detsamma som huvudboken för kostnadsställe ${centre(f.costCentre)} (${kr(ledger)}); skillnaden är ${kr(ledger.minus(D(e.utfall)).abs())}.`,
      ),
    );
  }
  for (const t of tables) {
    checks.push(...tableSumCheck(t));
    roundingNotes(t, unit);
  }
}
