import { swedishDay } from '../format/swedish-time';

/**
 * The default headings of the report sections a förbund may choose from (the catalogue in
 * `reports/report-structure.ts`), as the published seeds print them. One home for these words: the model,
 * the web's editor and the API read them from here.
 */
export const REPORT_SECTION_HEADING: Record<string, string> = {
  forvaltningsberattelse: 'Förvaltningsberättelse',
  ordforande_har_ordet: 'Ordförande har ordet',
  organisation: 'Organisation',
  uppdrag: 'Uppdrag',
  finansiering: 'Finansiering',
  vision: 'Verksamhetsidé och vision',
  aret_i_korthet: 'Året i korthet',
  oversikt: 'Översikt över verksamhetens utveckling',
  viktiga_forhallanden: 'Viktiga förhållanden för resultat och ekonomisk ställning',
  viktiga_handelser: 'Händelser av väsentlig betydelse',
  styrning: 'Styrning och uppföljning av verksamheten',
  styrelse: 'Styrelse och revisorer',
  god_ekonomisk_hushallning: 'God ekonomisk hushållning, måluppfyllelse och ekonomisk ställning',
  maluppfoljning: 'Måluppföljning per insats',
  overgripande_aktiviteter: 'Övergripande aktiviteter',
  bedomning_maluppfyllelse: 'Bedömning av måluppfyllelse',
  personal: 'Väsentliga personalförhållanden',
  forvantad_utveckling: 'Förväntad utveckling',
  resultatrakning: 'Resultaträkning',
  balansrakning: 'Balansräkning',
  kassaflodesanalys: 'Kassaflödesanalys',
  driftredovisning: 'Driftredovisning',
  noter: 'Noter',
  budgetprognos: 'Budgetprognos',
  underskrifter: 'Styrelsens underskrift',
  nns_indikatorer: 'Indikatorer ur NNS indikatorenkät',
};

/** Where the delårsrapport's seed words a heading differently. */
export const REPORT_SECTION_HEADING_DELAR: Record<string, string> = {
  aret_i_korthet: 'Delåret som gått',
  maluppfoljning: 'Insatserna under perioden',
  overgripande_aktiviteter: 'Övergripande aktiviteter för förbundet',
  viktiga_handelser: 'Händelser av väsentlig betydelse under delårsperioden',
  god_ekonomisk_hushallning: 'Bedömning av finansiella mål',
  noter: 'Noter och redovisningsprinciper',
  driftredovisning: 'Helårsprognos i förhållande till budget',
};

/** What a kind of section holds, in words for the structure editor. */
export const REPORT_SECTION_KIND_LABEL: Record<string, string> = {
  TEXT: 'Text som förbundschefen skriver',
  FIGURES: 'Siffror ur huvudboken och underlaget',
  FIGURES_AND_TEXT: 'Siffror och förbundschefens text',
};

/** A required section (the law on kommunal redovisning asks for it) whose text nobody has written yet. */
export const REPORT_TEXT_MISSING = 'Förbundschefen har inte skrivit texten till det här avsnittet än.';

/** The förvaltningsberättelse's opening when the förbundschef has written none (as the seeds open). */
export function defaultReportIntro(kind: string, year: number): string {
  return kind === 'DELARSRAPPORT'
    ? `Delårsrapporten innehåller en översiktlig redogörelse av delåret som gått, händelser av väsentlig betydelse samt redovisning av det ekonomiska utfallet för första delen av ${year} i enlighet med lagen (2018:597) om kommunal bokföring och redovisning.`
    : `Årsredovisningen innehåller en översiktlig redogörelse av resultat och verksamhetsutveckling samt en redovisning av det ekonomiska utfallet för år ${year} i enlighet med lagen (2018:597) om kommunal bokföring och redovisning.`;
}

/** "A, B och C" */
export function listInWords(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} och ${items.at(-1)}`;
}

/** Organisation, when the förbundschef has written none: the members from the year's funding. */
export function defaultOrganisationText(name: string, members: string[]): string {
  return (
    `${name} är ett samordningsförbund enligt lagen (2003:1210) om finansiell samordning av rehabiliteringsinsatser` +
    (members.length ? ` med ${listInWords(members)} som medlemmar.` : '.') +
    ' Förbundets organisation består av en styrelse som utses av medlemmarna. Till sin hjälp har styrelsen ett kansli med förbundschef.'
  );
}

/** Uppdrag, when the förbundschef has written none: the law's purpose. */
export const DEFAULT_UPPDRAG_TEXT =
  'Samordningsförbundets uppgift är att finansiera insatser för att personer i behov av samordnat stöd och rehabilitering ska nå egen försörjning, och att stödja samverkan mellan parterna. Insatserna bedrivs av de samverkande parterna.';

/** Finansiering, the sentence under the table: "Medelstilldelningen från parterna för 2025 uppgick till 10 006 tkr." */
export function fundingSentence(year: number, amountText: string): string {
  return `Medelstilldelningen från parterna för ${year} uppgick till ${amountText}.`;
}

/** Verksamhetsidé och vision, when only the vision is known. */
export function visionText(vision: string): string {
  return `Förbundets vision är: ${vision}`;
}

/** Styrning: the board in numbers. */
export function boardSentence(members: number, deputies: number): string {
  return `Styrelsen består av ${members} ${members === 1 ? 'ledamot' : 'ledamöter'}${deputies ? ` och ${deputies} ersättare` : ''}, utsedda av respektive medlem.`;
}

/** Styrning: who chaired the board. */
export function chairSentence(year: number, chair: string | null, vice: string | null): string {
  if (!chair && !vice) return '';
  const parts = [chair && `${chair} varit ordförande`, vice && `${vice} vice ordförande`].filter(Boolean);
  return `Under ${year} har ${parts.join(' och ')}.`;
}

/** Finansiering's table heading and row words. */
export const FUNDING_TABLE = { title: 'Medelstilldelning per part', total: 'Summa' } as const;

/** Insatsernas måluppföljning without any approved follow-up. */
export const NO_FOLLOW_UPS_TEXT = 'Inga godkända uppföljningar för perioden.';

/** The words of the signature page (Styrelsens underskrift), as the seeds print them. */
export const SIGNATURE_PAGE = {
  statement:
    'Vi intygar att årsredovisningen ger en rättvisande bild av verksamhetens resultat samt kostnader, intäkter och förbundets ekonomiska ställning.',
  personalMandate:
    'Då varje ledamot sitter på personligt mandat skriver ledamöterna under i sin roll i förbundets styrelse, inte som företrädare för en myndighet.',
  placeAndDate: 'Ort och datum',
  revisorer: 'Revisionsberättelse har avgivits den dag som framgår av digital signatur.',
  /** A revisor's line names whom the revisor audits for ("för Region Värmland/kommunerna"). */
  forParty: (party: string) => `för ${party}`,
  /**
   * Which day the list of signers is for (YYYY-MM-DD), in words ("12 februari 2026", by the formatting module):
   * the board's decision on the report, or, before any decision date is known, the day the report was compiled
   * (never before the year-end, which is then the day).
   */
  boardAsOf: (basis: SignersBasis, isoDate: string, day = swedishDay(isoDate)) =>
    `Styrelsen enligt uppdrag den ${day}, ${BOARD_AS_OF_DAY[basis]}.${basis === 'DECISION' ? '' : ` ${NO_DECISION_YET}`}`,
} as const;

/** Where the signature page's date comes from: the decision, the planned decision, the compile date, the year-end. */
export type SignersBasis = 'DECISION' | 'PLANNED' | 'COMPILED' | 'YEAR_END';

const BOARD_AS_OF_DAY: Record<SignersBasis, string> = {
  DECISION: 'dagen för styrelsens beslut om årsredovisningen',
  PLANNED: 'den dag styrelsen planerar att besluta om årsredovisningen',
  COMPILED: 'dagen då årsredovisningen sammanställdes',
  YEAR_END: 'räkenskapsårets sista dag',
};
const NO_DECISION_YET =
  'Beslutsdatum är ännu inte fastställt; de som skriver under är de som har uppdrag den dag styrelsen beslutar.';
