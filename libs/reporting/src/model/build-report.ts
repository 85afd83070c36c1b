import { nnsAnnex, nnsShare } from './sections/nns-annex';
import Decimal from 'decimal.js';
import {
  formatAmount,
  KEY_FIGURE_IDS,
  KeyFigureId,
  mapAccount,
  Money,
  RATIO_KEY_FIGURES,
  ReportLine,
  toAmountString,
  toUnit,
  UPPFOLJNING_INSATS_V1,
  parseNnsMetric,
} from '@app/domain';
import { AccountMap, PeriodLedger, REPORT_TEXT_KEYS, ReportInput } from './report-input';
import { ReportCheck, ReportModel, ReportRow, ReportSection, ReportTable } from './report-model';

const D = (v: string | number | Decimal | null | undefined) =>
  new Money(v === null || v === undefined || v === '' ? 0 : (v as Decimal.Value));
const amount = (d: Decimal) => toAmountString(d);
const ratio = (n: Decimal, d: Decimal): Decimal | null => (d.isZero() ? null : n.dividedBy(d));
const ratioStr = (r: Decimal | null) => (r === null ? null : r.toSignificantDigits(20).toString());

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

function byLine(
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

const total = (rows: Array<[string, Decimal]> | undefined) =>
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
  const adminCentres = new Set(
    input.costCentres.filter((c) => c.category === 'ADMINISTRATION').map((c) => c.code),
  );
  const admin = Object.entries(l.costCentres)
    .filter(([c]) => adminCentres.has(c))
    .reduce((s, [, v]) => s.plus(v), new Money(0));
  const budgetram = input.budgets
    .filter((b) => b.year === year)
    .reduce((s, b) => s.plus(Object.values(b.lines).reduce((x, v) => x.plus(v), new Money(0))), new Money(0));
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
const KEY_FIGURES: ReadonlyArray<KeyFigureId & keyof Figures> = KEY_FIGURE_IDS;
const RATIOS: ReadonlySet<keyof Figures> = RATIO_KEY_FIGURES;

function keyFigures(f: Figures | null): Record<string, string> {
  if (!f) return {};
  const out: Record<string, string> = {};
  for (const k of KEY_FIGURES) {
    const v = f[k];
    if (v === null) continue;
    out[k] = RATIOS.has(k) ? ratioStr(v as Decimal)! : amount(v as Decimal);
  }
  return out;
}

const row = (
  id: string,
  label: string,
  values: Array<Decimal | null>,
  extra: Partial<ReportRow> = {},
): ReportRow => ({
  id,
  label,
  values: values.map((v) => (v === null ? null : extra.format === 'percent' ? ratioStr(v) : amount(v))),
  ...extra,
});

/** Checks that a table's totals equal the sum of their rows, exactly, column by column. */
function tableSumCheck(t: ReportTable): ReportCheck[] {
  const out: ReportCheck[] = [];
  for (const [totalId, parts] of Object.entries(t.sums ?? {})) {
    const tr = t.rows.find((r) => r.id === totalId)!;
    const problems: string[] = [];
    tr.values.forEach((v, col) => {
      if (v === null) return;
      const s = parts.reduce(
        (a, id) => a.plus(D(t.rows.find((r) => r.id === id)?.values[col] ?? 0)),
        new Money(0),
      );
      if (!s.equals(D(v)))
        problems.push(`${t.columns[col]}: raderna summerar till ${amount(s)} men summan är ${v}`);
    });
    out.push({
      id: `summa_${t.id}_${totalId}`,
      status: problems.length ? 'FAIL' : 'PASS',
      message: problems.length
        ? `${t.title ?? t.id}: ${problems.join('; ')}`
        : `${t.title ?? t.id}: ${tr.label} = summan av raderna (${tr.values.filter((v) => v !== null).join(' / ')})`,
    });
  }
  return out;
}

/** Where rounded rows do not add up to the rounded total, the table says so instead of fudging a row. */
function roundingNotes(t: ReportTable, unit: 'tkr' | 'kr'): void {
  for (const [totalId, parts] of Object.entries(t.sums ?? {})) {
    const tr = t.rows.find((r) => r.id === totalId)!;
    tr.values.forEach((v, col) => {
      if (v === null || tr.format === 'percent') return;
      const rounded = parts.reduce(
        (a, id) => a.plus(toUnit(D(t.rows.find((r) => r.id === id)?.values[col] ?? 0), unit)),
        new Money(0),
      );
      const totalRounded = toUnit(D(v), unit);
      if (!rounded.equals(totalRounded)) {
        (t.notes ??= []).push(
          `${t.columns[col]}: de avrundade raderna summerar till ${formatAmount(rounded.times(unit === 'tkr' ? 1000 : 1), unit, { separator: ' ' })} medan summan, avrundad från exakta belopp, är ${formatAmount(D(v), unit, { separator: ' ' })}.`,
        );
      }
    });
  }
}

const check = (id: string, ok: boolean, pass: string, fail: string): ReportCheck => ({
  id,
  status: ok ? 'PASS' : 'FAIL',
  message: ok ? pass : fail,
});

function compareOp(op: string, a: Decimal, b: Decimal): boolean {
  return op === '<='
    ? a.lte(b)
    : op === '>='
      ? a.gte(b)
      : op === '<'
        ? a.lt(b)
        : op === '>'
          ? a.gt(b)
          : a.eq(b);
}

/** Builds the whole report model from its input. Pure: the same input gives the same model. */
export function buildReport(input: ReportInput): ReportModel {
  const { year, kind } = input;
  const unit = input.organisation.unit;
  const cur = computeFigures(input.current, input, year);
  const prev = input.previous ? computeFigures(input.previous, input, year - 1) : null;
  const prevEnd = input.previousYearEnd ? computeFigures(input.previousYearEnd, input, year - 1) : prev;
  const yearLabel =
    kind === 'ARSREDOVISNING'
      ? String(year)
      : `${input.current.start.slice(0, 7)}–${input.current.end.slice(5, 7)} ${year}`;
  const prevLabel = kind === 'ARSREDOVISNING' ? String(year - 1) : `Motsv. period ${year - 1}`;
  const sections: ReportSection[] = [];
  const checks: ReportCheck[] = [];
  const tables: ReportTable[] = [];
  const ccName = new Map(input.costCentres.map((c) => [c.code, c.name]));
  const pv = (k: keyof Figures) => (prev ? (prev[k] as Decimal) : null);

  // Financial goals
  const goals = input.financialGoals.map((g) => {
    // A goal measured by an NNS indicator takes the positive share from the year's counts.
    const nns = parseNnsMetric(g.metric) ? nnsShare(input.nns?.model, g.metric) : undefined;
    const v =
      nns !== undefined
        ? nns?.topShare
          ? D(nns.topShare)
          : null
        : (cur[g.metric as keyof Figures] as Decimal | null | undefined);
    const value = v === null || v === undefined ? null : v;
    return {
      key: g.key,
      text: g.text,
      value:
        value === null
          ? ''
          : RATIOS.has(g.metric as keyof Figures) || nns !== undefined
            ? ratioStr(value)!
            : amount(value),
      status: (value !== null && compareOp(g.op, value, D(g.value)) ? 'UPPFYLLT' : 'EJ_UPPFYLLT') as
        'UPPFYLLT' | 'EJ_UPPFYLLT',
    };
  });

  // 1 Förvaltningsberättelse
  const periodKind = kind === 'ARSREDOVISNING' ? 'HELAR' : 'DELAR';
  const followUps = input.followUps.filter((f) => f.period === `${periodKind}-${year}`);
  const insatsText = followUps.map((f) => {
    const a = f.answers as Record<string, unknown>;
    const resultat = (Array.isArray(a.resultat) ? a.resultat : []) as Array<Record<string, string>>;
    const lines = resultat.map((r) => {
      const mp = f.matpunkter.find((m) => m.key === r.matpunkt);
      return `– ${mp?.text ?? r.matpunkt}: ${r.utfall ? `utfall ${r.utfall}, ` : ''}${BEDOMNING_LABEL[r.bedomning] ?? r.bedomning}${r.kommentar ? ` (${r.kommentar})` : ''}`;
    });
    return {
      id: `insats_${f.insatsKey}`,
      title: f.insatsName,
      text: [String(a.verksamhet ?? ''), ...lines].filter(Boolean).join('\n'),
    };
  });
  const history = [...input.history].sort((a, b) => a.year - b.year);
  const fiveYears: Array<{
    year: number;
    intakter: Decimal | null;
    kostnader: Decimal | null;
    resultat: Decimal | null;
    soliditet: Decimal | null;
    anstallda: Decimal | null;
  }> = [];
  if (kind === 'ARSREDOVISNING') {
    for (let y = year - 4; y <= year; y++) {
      const f = y === year ? cur : y === year - 1 ? prev : null;
      const h = history.find((x) => x.year === y)?.figures;
      fiveYears.push({
        year: y,
        intakter: f
          ? f.verksamhetens_intakter
          : h?.verksamhetens_intakter !== undefined
            ? D(h.verksamhetens_intakter)
            : null,
        kostnader: f
          ? f.verksamhetens_kostnader
          : h?.verksamhetens_kostnader !== undefined
            ? D(h.verksamhetens_kostnader)
            : null,
        resultat: f ? f.arets_resultat : h?.arets_resultat !== undefined ? D(h.arets_resultat) : null,
        soliditet: f ? f.soliditet : h?.soliditet !== undefined ? D(h.soliditet) : null,
        anstallda: h?.antal_anstallda !== undefined ? D(h.antal_anstallda) : f ? D(0) : null,
      });
    }
  }
  const femArs: ReportTable = {
    id: 'femarsoversikt',
    title: 'Femårsöversikt',
    columns: fiveYears.map((y) => String(y.year)),
    rows: [
      row(
        'intakter',
        'Verksamhetens intäkter',
        fiveYears.map((y) => y.intakter),
      ),
      row(
        'kostnader',
        'Verksamhetens kostnader',
        fiveYears.map((y) => y.kostnader),
      ),
      row(
        'resultat',
        'Årets resultat',
        fiveYears.map((y) => y.resultat),
      ),
      row(
        'soliditet',
        'Soliditet',
        fiveYears.map((y) => y.soliditet),
        { format: 'percent' },
      ),
      {
        id: 'antal_anstallda',
        label: 'Antal anställda',
        values: fiveYears.map((y) => (y.anstallda === null ? null : y.anstallda.toString())),
        format: 'integer',
      },
    ],
  };
  const goalTable: ReportTable = {
    id: 'finansiella_mal',
    title: 'Finansiella mål',
    columns: ['Mätvärde', 'Bedömning'],
    rows: goals.map((g) => {
      const metric = input.financialGoals.find((x) => x.key === g.key)!.metric;
      return {
        id: g.key,
        label: g.text,
        values: [g.value, g.status === 'UPPFYLLT' ? 'Uppfyllt' : 'Ej uppfyllt'],
        format: parseNnsMetric(metric) ? 'share' : RATIOS.has(metric as keyof Figures) ? 'percent' : 'amount',
      } as ReportRow;
    }),
  };
  const forvaltning: ReportSection = {
    id: 'forvaltningsberattelse',
    title: 'Förvaltningsberättelse',
    text: input.texts.forvaltningsberattelse ?? defaultIntro(input),
    tables: kind === 'ARSREDOVISNING' ? [femArs, goalTable] : [goalTable],
    charts:
      kind === 'ARSREDOVISNING'
        ? [
            {
              id: 'femarsutveckling',
              title: 'Intäkter, kostnader och resultat fem år',
              kind: 'bars',
              categories: femArs.columns,
              series: femArs.rows.slice(0, 3).map((r) => ({ name: r.label, values: r.values })),
            },
          ]
        : [],
    subsections: [
      ...textsFor(input, ['aret_i_korthet', 'viktiga_handelser', 'overgripande_aktiviteter']),
      {
        id: 'maluppfoljning',
        title: kind === 'ARSREDOVISNING' ? 'Måluppföljning per insats' : 'Insatserna under perioden',
        text: followUps.length ? '' : 'Inga godkända uppföljningar för perioden.',
      },
      ...insatsText,
      ...textsFor(input, ['bedomning_maluppfyllelse', 'forvantad_utveckling']),
    ],
  };
  sections.push(forvaltning);

  // 2 Resultaträkning
  const rr: ReportTable = {
    id: 'resultatrakning',
    title: 'Resultaträkning',
    columns: [yearLabel, prevLabel],
    rows: [
      row('verksamhetens_intakter', 'Verksamhetens intäkter (not 2)', [
        cur.verksamhetens_intakter,
        pv('verksamhetens_intakter'),
      ]),
      row('verksamhetens_kostnader', 'Verksamhetens kostnader (not 3)', [
        cur.verksamhetens_kostnader.negated(),
        prev ? prev.verksamhetens_kostnader.negated() : null,
      ]),
      row('avskrivningar', 'Avskrivningar', [
        cur.avskrivningar.negated(),
        prev ? prev.avskrivningar.negated() : null,
      ]),
      row(
        'verksamhetens_resultat',
        'Verksamhetens resultat',
        [cur.verksamhetens_resultat, pv('verksamhetens_resultat')],
        { total: true },
      ),
      row('finansiella_intakter', 'Finansiella intäkter', [
        cur.finansiella_intakter,
        pv('finansiella_intakter'),
      ]),
      row('finansiella_kostnader', 'Finansiella kostnader', [
        cur.finansiella_kostnader.negated(),
        prev ? prev.finansiella_kostnader.negated() : null,
      ]),
      row(
        'resultat_efter_finansiella_poster',
        'Resultat efter finansiella poster',
        [cur.resultat_efter_finansiella_poster, pv('resultat_efter_finansiella_poster')],
        { total: true },
      ),
      row('extraordinara_poster', 'Extraordinära poster', [
        cur.extraordinara_poster,
        pv('extraordinara_poster'),
      ]),
      row(
        'arets_resultat',
        kind === 'ARSREDOVISNING' ? 'Årets resultat' : 'Periodens resultat',
        [cur.arets_resultat, pv('arets_resultat')],
        { total: true },
      ),
    ],
    sums: {
      verksamhetens_resultat: ['verksamhetens_intakter', 'verksamhetens_kostnader', 'avskrivningar'],
      resultat_efter_finansiella_poster: [
        'verksamhetens_resultat',
        'finansiella_intakter',
        'finansiella_kostnader',
      ],
      arets_resultat: ['resultat_efter_finansiella_poster', 'extraordinara_poster'],
    },
  };
  // 3 Balansräkning
  const brPrev = kind === 'ARSREDOVISNING' ? prev : prevEnd;
  const bv = (k: keyof Figures) => (brPrev ? (brPrev[k] as Decimal) : null);
  const br: ReportTable = {
    id: 'balansrakning',
    title: 'Balansräkning',
    columns: [
      input.current.end,
      brPrev ? (kind === 'ARSREDOVISNING' ? input.previous!.end : (input.previousYearEnd?.end ?? '')) : '',
    ],
    rows: [
      row('ovriga_tillgangar', 'Anläggningstillgångar och övriga tillgångar', [
        cur.ovriga_tillgangar,
        bv('ovriga_tillgangar'),
      ]),
      row('fordringar', 'Fordringar (not 4)', [cur.fordringar, bv('fordringar')]),
      row('kassa_och_bank', 'Kassa och bank', [cur.kassa_och_bank, bv('kassa_och_bank')]),
      row('summa_tillgangar', 'Summa tillgångar', [cur.summa_tillgangar, bv('summa_tillgangar')], {
        total: true,
      }),
      row('ovrigt_eget_kapital', 'Övrigt eget kapital', [cur.ovrigt_eget_kapital, bv('ovrigt_eget_kapital')]),
      row('arets_resultat', kind === 'ARSREDOVISNING' ? 'Årets resultat' : 'Periodens resultat', [
        cur.arets_resultat,
        bv('arets_resultat'),
      ]),
      row('eget_kapital', 'Summa eget kapital', [cur.eget_kapital, bv('eget_kapital')], { total: true }),
      row('ovriga_skulder', 'Avsättningar och långfristiga skulder', [
        cur.ovriga_skulder,
        bv('ovriga_skulder'),
      ]),
      row('kortfristiga_skulder', 'Kortfristiga skulder (not 5)', [
        cur.kortfristiga_skulder,
        bv('kortfristiga_skulder'),
      ]),
      row(
        'summa_eget_kapital_och_skulder',
        'Summa eget kapital och skulder',
        [cur.summa_eget_kapital_och_skulder, bv('summa_eget_kapital_och_skulder')],
        { total: true },
      ),
    ],
    sums: {
      summa_tillgangar: ['ovriga_tillgangar', 'fordringar', 'kassa_och_bank'],
      eget_kapital: ['ovrigt_eget_kapital', 'arets_resultat'],
      summa_eget_kapital_och_skulder: ['eget_kapital', 'ovriga_skulder', 'kortfristiga_skulder'],
    },
  };
  // Lines a förbund rarely has are left out when they are zero in every column (the sums treat them as zero).
  br.rows = br.rows.filter(
    (r) =>
      !['ovriga_tillgangar', 'ovriga_skulder'].includes(r.id) ||
      r.values.some((v) => v !== null && !D(v).isZero()),
  );
  // 4 Kassaflödesanalys
  const kf: ReportTable = {
    id: 'kassaflodesanalys',
    title: 'Kassaflödesanalys',
    columns: [yearLabel, prevLabel],
    rows: [
      row('arets_resultat', kind === 'ARSREDOVISNING' ? 'Årets resultat' : 'Periodens resultat', [
        cur.arets_resultat,
        pv('arets_resultat'),
      ]),
      row('avskrivningar', 'Justering för avskrivningar', [cur.avskrivningar, pv('avskrivningar')]),
      row('forandring_kortfristiga_fordringar', 'Minskning (+) / ökning (−) av kortfristiga fordringar', [
        cur.forandring_kortfristiga_fordringar,
        pv('forandring_kortfristiga_fordringar'),
      ]),
      row('forandring_kortfristiga_skulder', 'Ökning (+) / minskning (−) av kortfristiga skulder', [
        cur.forandring_kortfristiga_skulder,
        pv('forandring_kortfristiga_skulder'),
      ]),
      row(
        'kassaflode_lopande_verksamhet',
        'Kassaflöde från den löpande verksamheten',
        [cur.kassaflode_lopande_verksamhet, pv('kassaflode_lopande_verksamhet')],
        { total: true },
      ),
      row('investeringar', 'Kassaflöde från investeringsverksamheten', [
        cur.investeringar,
        pv('investeringar'),
      ]),
      row(
        'arets_kassaflode',
        kind === 'ARSREDOVISNING' ? 'Årets kassaflöde' : 'Periodens kassaflöde',
        [cur.arets_kassaflode, pv('arets_kassaflode')],
        { total: true },
      ),
      row('likvida_medel_ib', 'Likvida medel vid periodens början', [
        cur.likvida_medel_ib,
        pv('likvida_medel_ib'),
      ]),
      row(
        'likvida_medel_ub',
        'Likvida medel vid periodens slut',
        [cur.likvida_medel_ub, pv('likvida_medel_ub')],
        { total: true },
      ),
    ],
    sums: {
      kassaflode_lopande_verksamhet: [
        'arets_resultat',
        'avskrivningar',
        'forandring_kortfristiga_fordringar',
        'forandring_kortfristiga_skulder',
      ],
      arets_kassaflode: ['kassaflode_lopande_verksamhet', 'investeringar'],
      likvida_medel_ub: ['likvida_medel_ib', 'arets_kassaflode'],
    },
  };
  sections.push(
    { id: 'resultatrakning', title: 'Resultaträkning', tables: [rr] },
    { id: 'balansrakning', title: 'Balansräkning', tables: [br] },
  );
  if (kind === 'ARSREDOVISNING')
    sections.push({ id: 'kassaflodesanalys', title: 'Kassaflödesanalys', tables: [kf] });
  tables.push(femArs, rr, br, kf);

  // Budget figures
  const ordinary = input.budgets
    .filter((b) => b.year === year && b.kind === 'ORDINARY')
    .sort((a, b) => b.decided.localeCompare(a.decided))[0];
  const supplementary = input.budgets.filter((b) => b.year === year && b.kind === 'SUPPLEMENTARY');
  const ordLine = (cc: string) =>
    ordinary && ordinary.lines[cc] !== undefined ? D(ordinary.lines[cc]) : null;

  // 5 Driftredovisning (årsredovisning) / helårsprognos (delårsrapport)
  let driftNet: Decimal | null = null;
  if (kind === 'ARSREDOVISNING') {
    const codes = input.costCentres
      .map((c) => c.code)
      .filter((c) => input.current.costCentres[c] !== undefined || ordLine(c) !== null);
    const ccRows = codes.map((c) => {
      const utfall = D(input.current.costCentres[c]);
      const budget = ordLine(c) ?? new Money(0);
      const last =
        input.previous && input.previous.costCentres[c] !== undefined
          ? D(input.previous.costCentres[c])
          : null;
      return row(c, `${c} ${ccName.get(c) ?? ''}`.trim(), [utfall, budget, budget.minus(utfall), last]);
    });
    const sumCol = (col: number) => ccRows.reduce((a, r) => a.plus(D(r.values[col])), new Money(0));
    const costTotal = row(
      'summa_kostnader',
      'Summa kostnader',
      [sumCol(0), sumCol(1), sumCol(2), input.previous ? sumCol(3) : null],
      { total: true },
    );
    const unallocated = cur.verksamhetens_kostnader.minus(sumCol(0));
    const budgetIncome = ordinary?.financing?.fromParties ? D(ordinary.financing.fromParties) : null;
    const rows: ReportRow[] = [...ccRows, costTotal];
    if (!unallocated.isZero())
      rows.splice(
        rows.length - 1,
        0,
        row('utan_kostnadsstalle', 'Kostnader utan kostnadsställe', [unallocated, null, null, null]),
      );
    rows.push(
      row('intakter', 'Verksamhetens intäkter', [
        cur.verksamhetens_intakter,
        budgetIncome,
        budgetIncome ? cur.verksamhetens_intakter.minus(budgetIncome) : null,
        pv('verksamhetens_intakter'),
      ]),
      row('finansiella_poster', 'Finansiella poster, netto (utan kostnadsställe)', [
        cur.finansiella_intakter.minus(cur.finansiella_kostnader),
        null,
        null,
        prev ? prev.finansiella_intakter.minus(prev.finansiella_kostnader) : null,
      ]),
    );
    driftNet = cur.verksamhetens_intakter
      .minus(sumCol(0))
      .minus(unallocated)
      .minus(cur.avskrivningar)
      .plus(cur.finansiella_intakter)
      .minus(cur.finansiella_kostnader)
      .plus(cur.extraordinara_poster);
    rows.push(
      row('netto', 'Resultat enligt driftredovisningen', [driftNet, null, null, pv('arets_resultat')], {
        total: true,
      }),
    );
    const drift: ReportTable = {
      id: 'driftredovisning',
      title: 'Driftredovisning',
      columns: ['Utfall', 'Budget', 'Avvikelse', `Utfall ${year - 1}`],
      signedColumns: [2],
      rows,
      sums: { summa_kostnader: codes },
    };
    tables.push(drift);
    sections.push({
      id: 'driftredovisning',
      title: 'Driftredovisning',
      text: 'Kostnader per kostnadsställe mot beslutad budget. Avvikelse = budget − utfall; positivt är ett överskott.',
      tables: [drift],
      charts: [
        {
          id: 'budget_mot_utfall',
          title: 'Budget och utfall per kostnadsställe',
          kind: 'bars',
          categories: codes,
          series: [
            { name: 'Budget', values: ccRows.map((r) => r.values[1]) },
            { name: 'Utfall', values: ccRows.map((r) => r.values[0]) },
          ],
        },
      ],
    });
    checks.push(
      check(
        'driftredovisning_mot_resultatrakning',
        sumCol(0).plus(unallocated).equals(cur.verksamhetens_kostnader),
        `Driftredovisningens kostnader ${amount(sumCol(0).plus(unallocated))} = resultaträkningens verksamhetens kostnader ${amount(cur.verksamhetens_kostnader)}`,
        `Driftredovisningens kostnader ${amount(sumCol(0).plus(unallocated))} ≠ resultaträkningens verksamhetens kostnader ${amount(cur.verksamhetens_kostnader)}`,
      ),
    );
  } else {
    const forecast = input.forecasts
      .filter((f) => f.year === year && f.asOf <= input.current.end)
      .sort((a, b) => b.asOf.localeCompare(a.asOf))[0];
    const esf = ordinary?.financing?.esf ? D(ordinary.financing.esf) : null;
    const codes = input.costCentres
      .map((c) => c.code)
      .filter((c) => ordLine(c) !== null || forecast?.lines[c] !== undefined);
    const ccRows = codes.map((c) => {
      let budget = ordLine(c) ?? new Money(0);
      // A cost centre budgeted net of its ESF financing is shown gross, like its forecast and outcome.
      if (esf && budget.isNegative()) budget = budget.plus(esf);
      const prognos = forecast?.lines[c] !== undefined ? D(forecast.lines[c]) : budget;
      return row(c, `${c} ${ccName.get(c) ?? ''}`.trim(), [
        budget,
        D(input.current.costCentres[c]),
        prognos,
        budget.minus(prognos),
      ]);
    });
    const sumCol = (col: number) => ccRows.reduce((a, r) => a.plus(D(r.values[col])), new Money(0));
    const prognos: ReportTable = {
      id: 'helarsprognos',
      title: 'Helårsprognos i förhållande till budget',
      columns: ['Budget', `Utfall ${input.current.end}`, 'Årsprognos', 'Avvikelse'],
      signedColumns: [3],
      rows: [...ccRows, row('summa', 'Summa', [sumCol(0), sumCol(1), sumCol(2), sumCol(3)], { total: true })],
      sums: { summa: codes },
    };
    const beslut: ReportTable = {
      id: 'beslut_under_aret',
      title: 'Beslut under året finansierade med eget kapital',
      columns: ['Belopp'],
      rows: supplementary.flatMap((s) =>
        Object.entries(s.lines).map(([c, v]) =>
          row(`${s.decided}_${c}`, `${s.decided}: ${c} ${ccName.get(c) ?? ''}`, [D(v)]),
        ),
      ),
    };
    if (beslut.rows.length) {
      beslut.rows.push(
        row('summa', 'Summa', [beslut.rows.reduce((a, r) => a.plus(D(r.values[0])), new Money(0))], {
          total: true,
        }),
      );
      beslut.sums = { summa: beslut.rows.filter((r) => r.id !== 'summa').map((r) => r.id) };
    }
    tables.push(prognos, beslut);
    sections.push({
      id: 'helarsprognos',
      title: 'Helårsprognos i förhållande till budget',
      text: 'Avvikelse = budget − årsprognos; positivt innebär att prognosen ligger under budget.',
      tables: beslut.rows.length ? [prognos, beslut] : [prognos],
      charts: [
        {
          id: 'budget_mot_prognos',
          title: 'Budget och prognos per kostnadsställe',
          kind: 'bars',
          categories: codes,
          series: [
            { name: 'Budget', values: ccRows.map((r) => r.values[0]) },
            { name: 'Årsprognos', values: ccRows.map((r) => r.values[2]) },
          ],
        },
      ],
    });
    driftNet = cur.arets_resultat;
  }

  // 6 Noter
  const noteTable = (
    id: string,
    title: string,
    map: AccountMap,
    line: ReportLine,
    sign: 1 | -1,
    statement: Decimal,
  ): ReportTable => {
    const accounts = Object.entries(map)
      .filter(([a]) => mapAccount(a, input.accountMapping) === line)
      .sort(([a], [b]) => a.localeCompare(b));
    const rows = accounts.map(([a, v]) =>
      row(a, `${a} ${input.current.accountNames[a] ?? ''}`.trim(), [D(v).times(sign)]),
    );
    const t: ReportTable = {
      id,
      title,
      columns: [yearLabel],
      rows: [
        ...rows,
        row('summa', 'Summa', [rows.reduce((s, r) => s.plus(D(r.values[0])), new Money(0))], { total: true }),
      ],
      sums: { summa: rows.map((r) => r.id) },
    };
    const sumv = D(t.rows.at(-1)!.values[0]);
    checks.push(
      check(
        `not_${id}`,
        sumv.equals(statement),
        `${title}: ${amount(sumv)} = raden i räkningen`,
        `${title}: notens summa ${amount(sumv)} ≠ raden i räkningen ${amount(statement)}`,
      ),
    );
    return t;
  };
  const notes = [
    noteTable(
      'not2',
      'Not 2 Verksamhetens intäkter',
      input.current.res,
      'verksamhetens_intakter',
      -1,
      cur.verksamhetens_intakter,
    ),
    noteTable(
      'not3',
      'Not 3 Verksamhetens kostnader',
      input.current.res,
      'verksamhetens_kostnader',
      1,
      cur.verksamhetens_kostnader,
    ),
    noteTable('not4', 'Not 4 Fordringar', input.current.ub, 'fordringar', 1, cur.fordringar),
    noteTable(
      'not5',
      'Not 5 Kortfristiga skulder',
      input.current.ub,
      'kortfristiga_skulder',
      -1,
      cur.kortfristiga_skulder,
    ),
  ];
  tables.push(...notes);
  sections.push({
    id: 'noter',
    title: kind === 'ARSREDOVISNING' ? 'Noter' : 'Noter och redovisningsprinciper',
    text:
      'Not 1 Redovisningsprinciper. Förbundet följer lagen om kommunal bokföring och redovisning i tillämpliga delar. Belopp redovisas i ' +
      (unit === 'tkr' ? 'tusental kronor (tkr)' : 'kronor') +
      ', avrundade från exakta belopp; summor räknas på exakta belopp och avrundas sist.',
    tables: notes,
  });

  // 7 Budgetprognos
  if (kind === 'ARSREDOVISNING') {
    const next = input.budgets
      .filter((b) => b.year > year && b.kind === 'ORDINARY')
      .sort((a, b) => a.year - b.year || b.decided.localeCompare(a.decided))[0];
    if (next) {
      const lineSum = Object.values(next.lines).reduce((a, v) => a.plus(v), new Money(0));
      const rows: ReportRow[] = [
        row(`budget_${next.year}`, `Budget ${next.year} (beslutad ${next.decided}), kostnader`, [lineSum]),
      ];
      for (const [k, v] of Object.entries(next.financing ?? {}))
        rows.push(
          row(`finansiering_${k}`, `  varav finansiering: ${FINANCING_LABEL[k] ?? k}`, [D(v)], { level: 1 }),
        );
      for (const [y, v] of Object.entries(next.outlook ?? {}).sort())
        rows.push(row(`plan_${y}`, `Plan ${y}`, [D(v)]));
      const bp: ReportTable = { id: 'budgetprognos', title: 'Budgetprognos', columns: ['Belopp'], rows };
      tables.push(bp);
      sections.push({
        id: 'budgetprognos',
        title: 'Budgetprognos',
        text: `Enligt senast beslutade verksamhetsplan och budget (${next.decided}).`,
        tables: [bp],
      });
    }
    const signers = input.board.filter((b) => b.role === 'STYRELSELEDAMOT' || b.role === 'REVISOR');
    sections.push({
      id: 'underskrifter',
      title: 'Styrelsens underskrift',
      text: `Årsredovisningen för ${year} har godkänts av styrelsen.`,
      tables: [
        {
          id: 'underskrifter',
          columns: ['Roll', 'Part'],
          rows: signers.map((s, i) => ({
            id: `signer_${i}`,
            label: s.name,
            values: [roleTitle(s), s.party],
            format: 'text',
          })),
        },
      ],
    });
  }

  // NNS indikatorenkät: the annex, the model's nns and the checks that a printed share is the annex's.
  const annex = kind === 'ARSREDOVISNING' ? nnsAnnex(input) : { section: null, model: null, checks: [] };
  if (annex.section) sections.push(annex.section);
  checks.push(...annex.checks);

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

  const model: ReportModel = {
    kind,
    title:
      kind === 'ARSREDOVISNING'
        ? `Årsredovisning ${year}`
        : `Delårsrapport januari–${MONTHS[Number(input.current.end.slice(5, 7)) - 1]} ${year}`,
    organisation: { slug: input.organisation.slug, name: input.organisation.name },
    period: { start: input.current.start, end: input.current.end },
    unit,
    keyFigures: { current: keyFigures(cur), previous: keyFigures(prev) },
    sections,
    financialGoals: goals,
    ...(annex.model ? { nns: annex.model } : {}),
    checks,
    bilagor: followUps.map((f, i) => ({
      id: `bilaga_${i + 1}`,
      title: `Bilaga ${i + 1}: Uppföljning ${f.insatsName}, ${f.period}`,
      insatsKey: f.insatsKey,
      period: f.period,
      contentHash: f.contentHash,
      sections: followUpSections(f),
      attachments: f.attachments ?? [],
    })),
  };
  return model;
}

const MONTHS = [
  'januari',
  'februari',
  'mars',
  'april',
  'maj',
  'juni',
  'juli',
  'augusti',
  'september',
  'oktober',
  'november',
  'december',
];
const BEDOMNING_LABEL: Record<string, string> = {
  UPPFYLLT: 'uppfyllt',
  DELVIS_UPPFYLLT: 'delvis uppfyllt',
  EJ_UPPFYLLT: 'ej uppfyllt',
  EJ_MATBART_AN: 'ej mätbart än',
  HOG: 'hög',
  DELVIS_HOG: 'delvis hög',
  LAG: 'låg',
};
const FINANCING_LABEL: Record<string, string> = {
  fromParties: 'medlemmarnas tilldelning',
  fromEquity: 'eget kapital',
  esf: 'ESF',
};

/** The förbundschef's texts that exist, as subsections in the given order. */
function textsFor(
  input: ReportInput,
  keys: Array<keyof typeof REPORT_TEXT_KEYS>,
): Array<{ id: string; title: string; text: string }> {
  return keys
    .filter((k) => input.texts[k]?.trim())
    .map((k) => ({ id: k, title: REPORT_TEXT_KEYS[k], text: input.texts[k] }));
}

function roleTitle(b: { role: string; title: string | null }): string {
  if (b.role === 'REVISOR') return b.title ?? 'Revisor';
  return b.title === 'ORDFORANDE'
    ? 'Ordförande'
    : b.title === 'VICE_ORDFORANDE'
      ? 'Vice ordförande'
      : 'Ledamot';
}

function defaultIntro(input: ReportInput): string {
  return (
    `${input.organisation.name} är ett samordningsförbund enligt lagen (2003:1210) om finansiell samordning av rehabiliteringsinsatser. ` +
    `Medlemmar är Försäkringskassan, Arbetsförmedlingen, regionen och kommunerna, som tillsammans finansierar förbundets insatser.` +
    (input.organisation.vision ? ` Visionen är: ${input.organisation.vision}` : '')
  );
}

/** A follow-up as labelled lines, using the template's own labels. */
function followUpSections(
  f: ReportInput['followUps'][number],
): Array<{ title: string; lines: Array<[string, string]> }> {
  const out: Array<{ title: string; lines: Array<[string, string]> }> = [];
  const a = f.answers as Record<string, unknown>;
  for (const s of UPPFOLJNING_INSATS_V1.sections) {
    const v = a[s.key];
    if (v === undefined || v === null || (Array.isArray(v) && !v.length)) continue;
    if (s.kind === 'text') out.push({ title: s.title, lines: [['', String(v)]] });
    else if (s.kind === 'rows' && Array.isArray(v)) {
      out.push({
        title: s.title,
        lines: (v as Array<Record<string, string>>).map((r) => [
          f.matpunkter.find((m) => m.key === r.matpunkt)?.text ?? r.matpunkt,
          [
            r.utfall && `Utfall: ${r.utfall}`,
            BEDOMNING_LABEL[r.bedomning] && `Bedömning: ${BEDOMNING_LABEL[r.bedomning]}`,
            r.kommentar,
          ]
            .filter(Boolean)
            .join('. '),
        ]),
      });
    } else if (s.kind === 'group' && typeof v === 'object') {
      out.push({
        title: s.title,
        lines: (s.fields ?? [])
          .filter(
            (fd) =>
              (v as Record<string, unknown>)[fd.key] !== undefined &&
              (v as Record<string, unknown>)[fd.key] !== '',
          )
          .map((fd) => {
            const raw = (v as Record<string, unknown>)[fd.key];
            const text =
              fd.type === 'money'
                ? `${formatAmount(D(String(raw)), 'kr', { separator: ' ' })} kr`
                : fd.type === 'share'
                  ? `${D(String(raw)).times(100).toDecimalPlaces(1).toString().replace('.', ',')} %`
                  : (BEDOMNING_LABEL[String(raw)] ?? String(raw));
            return [fd.label, text];
          }),
      });
    }
  }
  return out;
}
