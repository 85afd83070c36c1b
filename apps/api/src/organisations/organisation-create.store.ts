import { Tx } from '@app/infra';

/** The SQL of creating a förbund from nothing (issue 18). */

/** What already holds the slug or the organisationsnummer, if anything. */
export async function organisationsHolding(
  tx: Tx,
  slug: string,
  organisationNumber: string,
): Promise<{ slug: boolean; organisationNumber: boolean }> {
  const rows: Array<{ slug: string; organisation_number: string | null }> = await tx.query(
    'SELECT slug, organisation_number FROM organisation WHERE slug = $1 OR organisation_number = $2',
    [slug, organisationNumber],
  );
  return {
    slug: rows.some((r) => r.slug === slug),
    organisationNumber: rows.some((r) => r.organisation_number === organisationNumber),
  };
}

/** The förbund's own row, with the report settings every förbund starts with; its id. */
export async function insertOrganisation(
  tx: Tx,
  o: { slug: string; name: string; organisationNumber: string; reportingUnit: string },
): Promise<string> {
  const [row] = await tx.query(
    `INSERT INTO organisation (slug, name, organisation_number, reporting_unit) VALUES ($1,$2,$3,$4) RETURNING id`,
    [o.slug, o.name, o.organisationNumber, o.reportingUnit],
  );
  return row.id;
}
