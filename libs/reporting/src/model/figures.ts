import Decimal from 'decimal.js';
import {
  KEY_FIGURE_IDS,
  KeyFigureId,
  mapAccount,
  Money,
  RATIO_KEY_FIGURES,
  ReportLine,
  toAmountString,
} from '@app/domain';
import { AccountMap, PeriodLedger, ReportInput } from './report-input';
import { budgetFrame } from './budget-lines';
import { administrativeCosts } from './administration-share';

export { administrationShare } from './administration-share';

export const D = (v: string | number | Decimal | null | undefined) =>
  new Money(v === null || v === undefined || v === '' ? 0 : (v as Decimal.Value));
export const amount = (d: Decimal) => toAmountString(d);
export const ratio = (n: Decimal, d: Decimal): Decimal | null => (d.isZero() ? null : n.dividedBy(d));
export const ratioStr = (r: Decimal | null) => (r === null ? null : r.toSignificantDigits(20).toString());

export interface Figures {
  verksamhetens_intakter: Decimal;
  verksamhetens_kostnader: Decimal;
  avskrivningar: Decimal;
  verksamhetens_resultat: Decimal;
  finansiella_intakter: Decimal;
  finansiella_kostnader: Decimal;
  resultat_efter_finansiella_poster: Decimal;
  extraordinara_poster: Decimal;
  arets_resultat: Decimal;
  balanskravsresultat: Decimal;
  fordringar: Decimal;
  kassa_och_bank: Decimal;
  ovriga_tillgangar: Decimal;
  summa_tillgangar: Decimal;
  ovrigt_eget_kapital: Decimal;
  eget_kapital: Decimal;
  kortfristiga_skulder: Decimal;
  ovriga_skulder: Decimal;
  summa_eget_kapital_och_skulder: Decimal;
  /** Årets resultat as the balance sheet implies it (assets − liabilities − other equity), computed independently. */
  arets_resultat_enligt_balansrakning: Decimal;
  ingaende_eget_kapital: Decimal;
  forandring_kortfristiga_fordringar: Decimal;
  forandring_kortfristiga_skulder: Decimal;
  kassaflode_lopande_verksamhet: Decimal;
  investeringar: Decimal;
  arets_kassaflode: Decimal;
  likvida_medel_ib: Decimal;
  likvida_medel_ub: Decimal;
  medelstilldelning: Decimal;
  soliditet: Decimal | null;
  eget_kapital_andel_av_medelstilldelning: Decimal | null;
  administrativ_kostnadsandel: Decimal | null;
  verksamhetens_kostnader_mot_budgetram: Decimal | null;
}

export function byLine(
  map: AccountMap,
  mapping: ReportInput['accountMapping'],
): Map<ReportLine | null, Array<[string, Decimal]>> {
  const out = new Map<ReportLine | null, Array<[string, Decimal]>>();
  for (const [account, v] of Object.entries(map).sort(([a], [b]) => a.localeCompare(b))) {
    const line = mapAccount(account, mapping);
    if (!out.has(line)) out.set(line, []);
    out.get(line)!.push([account, D(v)]);
  }
  return out;
}

export const total = (rows: Array<[string, Decimal]> | undefined) =>
  (rows ?? []).reduce((a, [, v]) => a.plus(v), new Money(0));

/** Key figures of one period from its ledger (DOMAIN.md §5), all exact. */
export function computeFigures(l: PeriodLedger, input: ReportInput, year: number): Figures {
  const res = byLine(l.res, input.accountMapping);
  const ub = byLine(l.ub, input.accountMapping);
  const ib = byLine(l.ib, input.accountMapping);
  const intakter = total(res.get('verksamhetens_intakter')).negated();
  const kostnader = total(res.get('verksamhetens_kostnader'));
  const avskr = total(res.get('avskrivningar'));
  const finInt = total(res.get('finansiella_intakter')).negated();
  const finKost = total(res.get('finansiella_kostnader'));
  const extra = total(res.get('extraordinara_poster')).negated();
  const vr = intakter.minus(kostnader).minus(avskr);
  const refp = vr.plus(finInt).minus(finKost);
  const ar = refp.plus(extra);
  const assets = (m: AccountMap) =>
    Object.entries(m)
      .filter(([a]) => a.startsWith('1'))
      .reduce((s, [, v]) => s.plus(v), new Money(0));
  const fordringar = total(ub.get('fordringar'));
  const kassa = total(ub.get('kassa_och_bank'));
  const summaT = assets(l.ub);
  const ovrigaT = summaT.minus(fordringar).minus(kassa);
  const ovrigtEK = total(ub.get('eget_kapital')).negated();
  const skulder = total(ub.get('kortfristiga_skulder')).negated();
  const allLiabilitiesAndEquity = Object.entries(l.ub)
    .filter(([a]) => a.startsWith('2'))
    .reduce((s, [, v]) => s.minus(v), new Money(0));
  const ovrigaS = allLiabilitiesAndEquity.minus(ovrigtEK).minus(skulder);
  const ek = ovrigtEK.plus(ar);
  const fordIb = total(ib.get('fordringar'));
  const skulderIb = total(ib.get('kortfristiga_skulder')).negated();
  const kassaIb = total(ib.get('kassa_och_bank'));
  const ovrigaTIb = assets(l.ib).minus(fordIb).minus(kassaIb);
  const fForand = fordIb.minus(fordringar);
  const sForand = skulder.minus(skulderIb);
  const kfl = ar.plus(avskr).plus(fForand).plus(sForand);
  const investeringar = ovrigaTIb.minus(ovrigaT).minus(avskr);
  const medel = input.funding.filter((f) => f.year === year).reduce((s, f) => s.plus(f.amount), new Money(0));
  // A shared cost centre counts as administration in part (issue 18: 004 counts 20 % of the förbundschef's salary
  // as administration); an administration centre whose costs are partly something else counts only the rest.
  const admin = administrativeCosts(input.costCentres, Object.entries(l.costCentres));
  // The frame the goal "Beviljad budget hålls" measures against: the same as the driftredovisning's budget total.
  const budgetram = budgetFrame(input, year);
  return {
    verksamhetens_intakter: intakter,
    verksamhetens_kostnader: kostnader,
    avskrivningar: avskr,
    verksamhetens_resultat: vr,
    finansiella_intakter: finInt,
    finansiella_kostnader: finKost,
    resultat_efter_finansiella_poster: refp,
    extraordinara_poster: extra,
    arets_resultat: ar,
    balanskravsresultat: ar,
    fordringar,
    kassa_och_bank: kassa,
    ovriga_tillgangar: ovrigaT,
    summa_tillgangar: summaT,
    ovrigt_eget_kapital: ovrigtEK,
    eget_kapital: ek,
    kortfristiga_skulder: skulder,
    ovriga_skulder: ovrigaS,
    summa_eget_kapital_och_skulder: ek.plus(skulder).plus(ovrigaS),
    arets_resultat_enligt_balansrakning: summaT.minus(skulder).minus(ovrigaS).minus(ovrigtEK),
    ingaende_eget_kapital: total(ib.get('eget_kapital')).negated(),
    forandring_kortfristiga_fordringar: fForand,
    forandring_kortfristiga_skulder: sForand,
    kassaflode_lopande_verksamhet: kfl,
    investeringar,
    arets_kassaflode: kfl.plus(investeringar),
    likvida_medel_ib: kassaIb,
    likvida_medel_ub: kassa,
    medelstilldelning: medel,
    soliditet: ratio(ek, summaT),
    eget_kapital_andel_av_medelstilldelning: ratio(ek, medel),
    administrativ_kostnadsandel: ratio(admin, kostnader),
    verksamhetens_kostnader_mot_budgetram: ratio(kostnader, budgetram),
  };
}

/** The contract's key figures (CONTRACT.md §5), each of which `Figures` computes. */
export const KEY_FIGURES: ReadonlyArray<KeyFigureId & keyof Figures> = KEY_FIGURE_IDS;
export const RATIOS: ReadonlySet<keyof Figures> = RATIO_KEY_FIGURES;

export function keyFigures(f: Figures | null): Record<string, string> {
  if (!f) return {};
  const out: Record<string, string> = {};
  for (const k of KEY_FIGURES) {
    const v = f[k];
    if (v === null) continue;
    out[k] = RATIOS.has(k) ? ratioStr(v as Decimal)! : amount(v as Decimal);
  }
  return out;
}
