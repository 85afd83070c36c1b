import {
  AnswerOption,
  CollectionTally,
  countsFromTallies,
  NnsCatalogue,
  sumSurveyCounts,
  SurveyCounts,
  SurveyGroup,
} from '@app/domain';
import { Tx } from '../database/unit-of-work';

export interface SurveyYear {
  /** The imported counts' row, when the year has any. */
  imported: {
    id: string;
    version: number;
    updatedAt: Date;
    catalogueVersion: number;
  } | null;
  /** Answers given in the platform this year. */
  platformAnswers: number;
  /** Imported counts and the platform's tallies, added up. */
  counts: SurveyCounts;
  catalogue: { version: number; data: NnsCatalogue } | null;
  minGroupSize: number;
  /** The indicators the förbund shows in its annex; empty: every indicator with counts. */
  annexIndicators: number[];
}

/**
 * Reads a förbund's NNS counts of a year: imported counts plus the tallies of rounds answered in the platform.
 * Shared by the API and the report's gathering, so both see the same figures.
 */
export async function readSurveyYear(tx: Tx, organisationId: string, year: number): Promise<SurveyYear> {
  const [imported] = await tx.query(
    `SELECT id, version, updated_at AS "updatedAt", catalogue_version AS "catalogueVersion", counts
       FROM survey_round WHERE organisation_id = $1 AND year = $2`,
    [organisationId, year],
  );
  const rows: Array<{
    collectionId: string;
    survey: SurveyGroup;
    asked: number;
    answered: number;
    question: number | null;
    option: AnswerOption | null;
    count: number | null;
  }> = await tx.query(
    `SELECT c.id AS "collectionId", c.survey, c.asked, c.answered, t.question, t.option, t.count
       FROM survey_collection c LEFT JOIN survey_tally t ON t.collection_id = c.id
      WHERE c.organisation_id = $1 AND c.year = $2 ORDER BY c.id, t.question, t.option`,
    [organisationId, year],
  );
  const collections = new Map<string, CollectionTally>();
  for (const r of rows) {
    const c = collections.get(r.collectionId) ?? {
      survey: r.survey,
      asked: r.asked,
      answered: r.answered,
      tallies: [],
    };
    if (r.question !== null && r.option !== null && r.count !== null)
      c.tallies.push({ question: r.question, option: r.option, count: r.count });
    collections.set(r.collectionId, c);
  }
  const platform = countsFromTallies([...collections.values()]);
  const platformAnswers = [...collections.values()].reduce((a, c) => a + c.answered, 0);
  const version = imported?.catalogueVersion ?? null;
  const [catalogue] = await tx.query(
    version === null
      ? 'SELECT version, data FROM nns_catalogue ORDER BY version DESC LIMIT 1'
      : 'SELECT version, data FROM nns_catalogue WHERE version = $1',
    version === null ? [] : [version],
  );
  const [settings] = await tx.query(
    'SELECT indicators, min_group_size AS "minGroupSize" FROM nns_settings WHERE organisation_id = $1',
    [organisationId],
  );
  return {
    annexIndicators: (settings?.indicators as number[] | undefined) ?? [],
    imported: imported
      ? {
          id: imported.id,
          version: imported.version,
          updatedAt: imported.updatedAt,
          catalogueVersion: imported.catalogueVersion,
        }
      : null,
    platformAnswers,
    counts: sumSurveyCounts([...(imported ? [imported.counts as SurveyCounts] : []), platform]),
    catalogue: catalogue ?? null,
    minGroupSize: (settings?.minGroupSize as number | undefined) ?? 5,
  };
}

export interface NationalYear {
  /** How many förbund contribute (their board decided to, and their counts follow the newest catalogue). */
  organisations: number;
  counts: SurveyCounts;
  catalogue: { version: number; data: NnsCatalogue } | null;
}

/**
 * The national picture of a year: the counts of every förbund that opted in, added up (never their shares).
 * A förbund whose counts follow another catalogue version than the newest is left out.
 */
export async function readNationalYear(tx: Tx, year: number): Promise<NationalYear> {
  const [catalogue] = await tx.query('SELECT version, data FROM nns_catalogue ORDER BY version DESC LIMIT 1');
  if (!catalogue) return { organisations: 0, counts: { responses: [] }, catalogue: null };
  const ids: Array<{ id: string }> = await tx.query(
    'SELECT organisation_id AS id FROM nns_national_consent WHERE opted_in ORDER BY organisation_id',
  );
  const years: SurveyYear[] = [];
  for (const { id } of ids) {
    const y = await readSurveyYear(tx, id, year);
    if ((y.imported || y.platformAnswers) && y.catalogue?.version === catalogue.version) years.push(y);
  }
  return { organisations: years.length, counts: sumSurveyCounts(years.map((y) => y.counts)), catalogue };
}
