import type { ValidationIssue } from '../common/issues';
import { REPORT_SECTION_HEADING, REPORT_SECTION_HEADING_DELAR } from '../labels/report-section-labels';

/**
 * The sections a förbund's delårsrapport and årsredovisning may have (the catalogue), and a förbund's chosen
 * structure: which sections, in which order, under which headings. The default is the published seeds'
 * (årsredovisning 2025, seed 001; delårsrapport 2025, seed 000). Pure: the API validates and stores a
 * structure, the report model arranges its sections by it.
 */

export type StructuredReportKind = 'ARSREDOVISNING' | 'DELARSRAPPORT';
export const STRUCTURED_REPORT_KINDS: readonly StructuredReportKind[] = ['ARSREDOVISNING', 'DELARSRAPPORT'];

/** TEXT: only the förbundschef's text; FIGURES: computed; FIGURES_AND_TEXT: computed, with a text of the chef's. */
export type ReportSectionKind = 'TEXT' | 'FIGURES' | 'FIGURES_AND_TEXT';

export interface CatalogueSection {
  id: string;
  kind: ReportSectionKind;
  /** 1: a chapter of its own (numbered 1, 2, …, new page); 2: a part of the chapter before it. */
  level: 1 | 2;
  /** A level-2 section numbered within its chapter ("1.3") in the årsredovisning, as seed 001 numbers 1.1–1.7. */
  numbered?: boolean;
  /** Reports in which the law asks for the section: without a text it says the text is missing. */
  requiredIn?: readonly StructuredReportKind[];
  /** Reports the section can appear in; missing: both. */
  only?: StructuredReportKind;
}

const AR: StructuredReportKind[] = ['ARSREDOVISNING'];

export const REPORT_SECTION_CATALOGUE: readonly CatalogueSection[] = [
  { id: 'ordforande_har_ordet', kind: 'TEXT', level: 1 },
  { id: 'forvaltningsberattelse', kind: 'TEXT', level: 1 },
  { id: 'organisation', kind: 'TEXT', level: 2 },
  { id: 'uppdrag', kind: 'TEXT', level: 2 },
  { id: 'finansiering', kind: 'FIGURES_AND_TEXT', level: 2 },
  { id: 'vision', kind: 'TEXT', level: 2 },
  { id: 'aret_i_korthet', kind: 'TEXT', level: 2 },
  { id: 'oversikt', kind: 'FIGURES_AND_TEXT', level: 2, numbered: true, only: 'ARSREDOVISNING' },
  { id: 'viktiga_forhallanden', kind: 'TEXT', level: 2, numbered: true, requiredIn: AR },
  { id: 'viktiga_handelser', kind: 'TEXT', level: 2, numbered: true, requiredIn: AR },
  { id: 'styrning', kind: 'FIGURES_AND_TEXT', level: 2, numbered: true },
  { id: 'styrelse', kind: 'FIGURES_AND_TEXT', level: 2 },
  { id: 'god_ekonomisk_hushallning', kind: 'FIGURES_AND_TEXT', level: 2, numbered: true },
  { id: 'maluppfoljning', kind: 'FIGURES_AND_TEXT', level: 2 },
  { id: 'overgripande_aktiviteter', kind: 'TEXT', level: 2 },
  { id: 'bedomning_maluppfyllelse', kind: 'TEXT', level: 2 },
  { id: 'personal', kind: 'TEXT', level: 2, numbered: true, requiredIn: AR },
  { id: 'forvantad_utveckling', kind: 'TEXT', level: 2, numbered: true, requiredIn: AR },
  { id: 'resultatrakning', kind: 'FIGURES_AND_TEXT', level: 1 },
  { id: 'balansrakning', kind: 'FIGURES_AND_TEXT', level: 1 },
  { id: 'kassaflodesanalys', kind: 'FIGURES_AND_TEXT', level: 1, only: 'ARSREDOVISNING' },
  { id: 'driftredovisning', kind: 'FIGURES_AND_TEXT', level: 1 },
  { id: 'noter', kind: 'FIGURES_AND_TEXT', level: 1 },
  { id: 'budgetprognos', kind: 'FIGURES_AND_TEXT', level: 1, only: 'ARSREDOVISNING' },
  { id: 'underskrifter', kind: 'FIGURES', level: 1, only: 'ARSREDOVISNING' },
  { id: 'nns_indikatorer', kind: 'FIGURES', level: 1, only: 'ARSREDOVISNING' },
];

const BY_ID = new Map(REPORT_SECTION_CATALOGUE.map((s) => [s.id, s]));

export function catalogueSection(id: string): CatalogueSection | undefined {
  return BY_ID.get(id);
}

/** The catalogue's sections a report kind may hold, in catalogue order. */
export function catalogueFor(kind: StructuredReportKind): CatalogueSection[] {
  return REPORT_SECTION_CATALOGUE.filter((s) => !s.only || s.only === kind);
}

/** A section's default heading in a report kind. */
export function defaultSectionHeading(id: string, kind: StructuredReportKind): string {
  return (
    (kind === 'DELARSRAPPORT' ? REPORT_SECTION_HEADING_DELAR[id] : undefined) ??
    REPORT_SECTION_HEADING[id] ??
    id
  );
}

/** Every section that carries a text of the förbundschef's (kind TEXT or FIGURES_AND_TEXT), by key → heading. */
export const REPORT_TEXT_KEYS: Readonly<Record<string, string>> = Object.fromEntries(
  REPORT_SECTION_CATALOGUE.filter((s) => s.kind !== 'FIGURES').map((s) => [
    s.id,
    REPORT_SECTION_HEADING[s.id],
  ]),
);
export type ReportTextKey = string;

/** One chosen section: the catalogue's id and, when the förbund renamed it, its own heading. */
export interface StructureEntry {
  id: string;
  heading?: string;
}

const DEFAULT_IDS: Record<StructuredReportKind, string[]> = {
  // Seed 001: förvaltningsberättelse with organisation, uppdrag, finansiering, vision and 1.1–1.7; the statements,
  // driftredovisning, noter, budgetprognos, the board's signatures; the NNS annex where the year has counts.
  ARSREDOVISNING: [
    'forvaltningsberattelse',
    'organisation',
    'uppdrag',
    'finansiering',
    'vision',
    'aret_i_korthet',
    'oversikt',
    'viktiga_forhallanden',
    'viktiga_handelser',
    'styrning',
    'styrelse',
    'god_ekonomisk_hushallning',
    'maluppfoljning',
    'overgripande_aktiviteter',
    'bedomning_maluppfyllelse',
    'personal',
    'forvantad_utveckling',
    'resultatrakning',
    'balansrakning',
    'kassaflodesanalys',
    'driftredovisning',
    'noter',
    'budgetprognos',
    'underskrifter',
    'nns_indikatorer',
  ],
  // Seed 000: the period, the insatser, assessments and events; then the financial outcome.
  DELARSRAPPORT: [
    'forvaltningsberattelse',
    'aret_i_korthet',
    'maluppfoljning',
    'overgripande_aktiviteter',
    'bedomning_maluppfyllelse',
    'viktiga_handelser',
    'god_ekonomisk_hushallning',
    'styrelse',
    'forvantad_utveckling',
    'resultatrakning',
    'balansrakning',
    'driftredovisning',
    'noter',
  ],
};

/** The seeds' structure for a report kind (headings: the catalogue's defaults). */
export function defaultReportStructure(kind: StructuredReportKind): StructureEntry[] {
  return DEFAULT_IDS[kind].map((id) => ({ id }));
}

export const MAX_HEADING_LENGTH = 120;

/**
 * Checks a förbund's structure: known sections that the kind may hold, each at most once, the first a chapter
 * (level 1), headings non-empty and short. Returns the problems in Swedish, with a JSON path each.
 */
export function validateReportStructure(kind: StructuredReportKind, entries: unknown): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  if (!Array.isArray(entries)) return [{ path: '$', message: 'ska vara en lista av avsnitt' }];
  if (!entries.length) return [{ path: '$', message: 'minst ett avsnitt behövs' }];
  // Each section at most once: a longer list is refused whole, not answered with an issue per duplicate.
  if (entries.length > REPORT_SECTION_CATALOGUE.length)
    return [
      { path: '$', message: `högst ${REPORT_SECTION_CATALOGUE.length} avsnitt (varje avsnitt en gång)` },
    ];
  const seen = new Set<string>();
  entries.forEach((e: unknown, i) => {
    const path = `$[${i}]`;
    if (!e || typeof e !== 'object' || typeof (e as StructureEntry).id !== 'string') {
      issues.push({ path, message: 'ska ha ett id ur katalogen' });
      return;
    }
    const { id, heading } = e as StructureEntry;
    const extra = Object.keys(e).filter((k) => k !== 'id' && k !== 'heading');
    if (extra.length) issues.push({ path, message: `okända fält: ${extra.join(', ')}` });
    const c = BY_ID.get(id);
    if (!c) issues.push({ path: `${path}.id`, message: `okänt avsnitt "${id}"` });
    else if (c.only && c.only !== kind)
      issues.push({ path: `${path}.id`, message: `avsnittet "${id}" finns inte i den här rapporten` });
    if (seen.has(id)) issues.push({ path: `${path}.id`, message: `avsnittet "${id}" finns redan` });
    seen.add(id);
    if (heading !== undefined && heading !== null) {
      if (typeof heading !== 'string' || !heading.trim())
        issues.push({ path: `${path}.heading`, message: 'rubriken får inte vara tom' });
      else if (heading.length > MAX_HEADING_LENGTH)
        issues.push({
          path: `${path}.heading`,
          message: `rubriken får vara högst ${MAX_HEADING_LENGTH} tecken`,
        });
    }
    if (i === 0 && c && c.level !== 1)
      issues.push({ path: `${path}.id`, message: 'det första avsnittet ska vara ett eget kapitel' });
  });
  return issues;
}

/** A valid structure in its stored form: headings trimmed, a heading equal to the default left out. */
export function normaliseReportStructure(
  kind: StructuredReportKind,
  entries: StructureEntry[],
): StructureEntry[] {
  return entries.map(({ id, heading }) => {
    const h = heading?.trim();
    return h && h !== defaultSectionHeading(id, kind) ? { id, heading: h } : { id };
  });
}
