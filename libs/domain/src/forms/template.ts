/** A follow-up form's definition: versioned data, the same for the API and any client. */
export type FieldType =
  'text' | 'integer' | 'decimal' | 'money' | 'share' | 'date' | 'choice' | 'textOrNumber';

export interface FieldDef {
  key: string;
  label: string;
  type: FieldType;
  required?: boolean;
  min?: string;
  max?: string;
  maxLength?: number;
  options?: string[];
  /** Only for these period kinds (DELAR / HELAR). */
  periods?: PeriodKind[];
  /** Filled in when the submission starts. */
  prefill?: 'insatsBudget';
}

export type InsatsType = 'INDIVID' | 'STRUKTUR';
export type PeriodKind = 'DELAR' | 'HELAR';

export type RuleDef =
  /** a ≤ b */
  | { kind: 'lte'; field: string; other: string; message: string }
  /** `field` is required when |base − (first present of compare)| / base exceeds threshold. */
  | {
      kind: 'requiredWhenDeviation';
      field: string;
      base: string;
      compare: string[];
      threshold: string;
      message: string;
    };

export type DerivedDef =
  | { key: string; kind: 'sum'; of: string[] }
  | { key: string; kind: 'ratio'; numerator: string; denominator: string }
  | { key: string; kind: 'difference'; minuend: string; subtrahend: string[] };

export interface SectionDef {
  key: string;
  title: string;
  kind: 'text' | 'group' | 'rows' | 'files';
  appliesTo?: InsatsType[];
  required?: boolean;
  maxLength?: number;
  fields?: FieldDef[];
  /** For kind 'rows': one row per mätpunkt of the insats for the year. */
  rowsFrom?: 'matpunkter';
  rules?: RuleDef[];
  derived?: DerivedDef[];
  /** For kind 'files': allowed content types and max size. */
  maxFiles?: number;
}

export interface TemplateDef {
  key: string;
  version: number;
  title: string;
  sections: SectionDef[];
}

const BEDOMNING = ['UPPFYLLT', 'DELVIS_UPPFYLLT', 'EJ_UPPFYLLT', 'EJ_MATBART_AN'];

/** The standard template of DOMAIN.md §2. A published version never changes; a new one gets a new number. */
export const UPPFOLJNING_INSATS_V1: TemplateDef = {
  key: 'uppfoljning-insats',
  version: 1,
  title: 'Uppföljning av insats',
  sections: [
    { key: 'verksamhet', title: 'Verksamhet', kind: 'text', required: true, maxLength: 5000 },
    {
      key: 'resultat',
      title: 'Resultat per mätpunkt',
      kind: 'rows',
      rowsFrom: 'matpunkter',
      fields: [
        { key: 'matpunkt', label: 'Mätpunkt', type: 'text', required: true },
        { key: 'utfall', label: 'Utfall', type: 'textOrNumber', maxLength: 500 },
        { key: 'bedomning', label: 'Bedömning', type: 'choice', required: true, options: BEDOMNING },
        { key: 'kommentar', label: 'Kommentar', type: 'text', maxLength: 2000 },
      ],
    },
    {
      key: 'deltagare',
      title: 'Deltagare',
      kind: 'group',
      appliesTo: ['INDIVID'],
      fields: [
        { key: 'inskrivna_kvinnor', label: 'Inskrivna kvinnor', type: 'integer', required: true, min: '0' },
        { key: 'inskrivna_man', label: 'Inskrivna män', type: 'integer', required: true, min: '0' },
        {
          key: 'inskrivna_ickebinara',
          label: 'Inskrivna icke-binära',
          type: 'integer',
          required: true,
          min: '0',
        },
        { key: 'nya_under_perioden', label: 'Nya under perioden', type: 'integer', required: true, min: '0' },
        { key: 'avslutade', label: 'Avslutade', type: 'integer', required: true, min: '0' },
        {
          key: 'avslutade_till_arbete_studier',
          label: 'Avslutade till arbete eller studier',
          type: 'integer',
          required: true,
          min: '0',
        },
        { key: 'stegforflyttning_andel', label: 'Andel med stegförflyttning', type: 'share' },
      ],
      rules: [
        {
          kind: 'lte',
          field: 'avslutade_till_arbete_studier',
          other: 'avslutade',
          message: 'får inte vara fler än antalet avslutade',
        },
      ],
      derived: [
        {
          key: 'inskrivna_totalt',
          kind: 'sum',
          of: ['inskrivna_kvinnor', 'inskrivna_man', 'inskrivna_ickebinara'],
        },
      ],
    },
    {
      key: 'strukturdeltagare',
      title: 'Deltagare (strukturinsats)',
      kind: 'group',
      appliesTo: ['STRUKTUR'],
      fields: [
        { key: 'antal_deltagare', label: 'Antal deltagare', type: 'integer', required: true, min: '0' },
      ],
    },
    {
      key: 'indikatorer',
      title: 'Indikatorer',
      kind: 'group',
      appliesTo: ['INDIVID'],
      fields: [
        { key: 'nojda_andel', label: 'Andel nöjda', type: 'share' },
        { key: 'mer_redo_andel', label: 'Andel mer redo för arbete eller studier', type: 'share' },
      ],
    },
    {
      key: 'vald_i_nara_relationer',
      title: 'Våld i nära relationer',
      kind: 'group',
      appliesTo: ['INDIVID'],
      fields: [
        { key: 'antal_tillfragade', label: 'Antal tillfrågade', type: 'integer', min: '0' },
        { key: 'antal_besvarade', label: 'Antal besvarade', type: 'integer', min: '0' },
      ],
      rules: [
        {
          kind: 'lte',
          field: 'antal_besvarade',
          other: 'antal_tillfragade',
          message: 'får inte vara fler än antalet tillfrågade',
        },
      ],
      derived: [
        {
          key: 'vald_besvarade_andel',
          kind: 'ratio',
          numerator: 'antal_besvarade',
          denominator: 'antal_tillfragade',
        },
      ],
    },
    { key: 'jamstalldhet', title: 'Jämställdhet', kind: 'text', maxLength: 5000 },
    {
      key: 'ekonomi',
      title: 'Ekonomi',
      kind: 'group',
      fields: [
        { key: 'beviljat', label: 'Beviljat', type: 'money', required: true, prefill: 'insatsBudget' },
        { key: 'utfall', label: 'Utfall', type: 'money', required: true },
        {
          key: 'prognos_helar',
          label: 'Prognos för helåret',
          type: 'money',
          required: true,
          periods: ['DELAR'],
        },
        { key: 'kommentar', label: 'Kommentar', type: 'text', maxLength: 2000 },
      ],
      derived: [
        {
          key: 'avvikelse',
          kind: 'difference',
          minuend: 'beviljat',
          subtrahend: ['prognos_helar', 'utfall'],
        },
      ],
      rules: [
        {
          kind: 'requiredWhenDeviation',
          field: 'kommentar',
          base: 'beviljat',
          compare: ['prognos_helar', 'utfall'],
          threshold: '0.10',
          message: 'kommentar krävs när avvikelsen är större än 10 % av beviljat belopp',
        },
      ],
    },
    {
      key: 'bedomning',
      title: 'Samlad bedömning',
      kind: 'group',
      fields: [
        { key: 'niva', label: 'Nivå', type: 'choice', required: true, options: ['HOG', 'DELVIS_HOG', 'LAG'] },
        { key: 'motivering', label: 'Motivering', type: 'text', maxLength: 5000 },
      ],
    },
    { key: 'bilagor', title: 'Bilagor', kind: 'files', maxFiles: 20 },
  ],
};

export const STANDARD_TEMPLATES: readonly TemplateDef[] = [UPPFOLJNING_INSATS_V1];
