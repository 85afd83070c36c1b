import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * For the demo: logs in as the förbundschef, asks the API to compile the delårsrapport and the årsredovisning
 * 2025, follows their progress, and downloads the files. Uses only the public API.
 */
async function main(): Promise<void> {
  const [base, out] = process.argv.slice(2);
  mkdirSync(out, { recursive: true });
  const gql = async <T>(query: string, variables: Record<string, unknown>, token?: string): Promise<T> => {
    const res = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await res.json()) as { data?: T; errors?: Array<{ message: string }> };
    if (body.errors?.length) throw new Error(body.errors.map((e) => e.message).join('; '));
    return body.data as T;
  };
  const { login } = await gql<{ login: { token: string } }>(
    'mutation { login(email: "forbundschef@samspelet.example", password: "Demo-Samspelet-2025!") { token } }',
    {},
  );
  const token = login.token;
  const { organisation } = await gql<{ organisation: { id: string } }>(
    '{ organisation(slug: "samspelet") { id } }',
    {},
    token,
  );
  for (const kind of ['DELARSRAPPORT', 'ARSREDOVISNING']) {
    const { compileReport } = await gql<{ compileReport: { id: string } }>(
      'mutation($o: ID!, $k: ReportKind!){ compileReport(organisationId: $o, kind: $k, year: 2025){ id } }',
      { o: organisation.id, k: kind },
      token,
    );
    let report: {
      status: string;
      progress: number;
      stage: string;
      pdfFileId: string;
      xlsxFileId: string;
      jsonFileId: string;
      version: number;
      checks: Array<{ status: string }>;
    };
    let shown = -1;
    for (;;) {
      ({ report } = await gql<{ report: typeof report }>(
        'query($id: ID!){ report(id: $id){ status progress stage version pdfFileId xlsxFileId jsonFileId checks { status } } }',
        { id: compileReport.id },
        token,
      ));
      if (report.progress !== shown) {
        shown = report.progress;
        process.stdout.write(`  ${kind}: ${String(report.progress).padStart(3)} % ${report.stage ?? ''}\n`);
      }
      if (report.status === 'READY' || report.status === 'FAILED') break;
      await new Promise((r) => setTimeout(r, 300));
    }
    if (report.status !== 'READY') throw new Error(`${kind} misslyckades`);
    const name = `${kind === 'ARSREDOVISNING' ? 'arsredovisning' : 'delarsrapport'}-2025-v${report.version}`;
    for (const [id, ext] of [
      [report.pdfFileId, 'pdf'],
      [report.xlsxFileId, 'xlsx'],
      [report.jsonFileId, 'json'],
    ]) {
      const res = await fetch(`${base}/files/${id}`, { headers: { authorization: `Bearer ${token}` } });
      writeFileSync(join(out, `${name}.${ext}`), Buffer.from(await res.arrayBuffer()));
    }
    const failing = report.checks.filter((c) => c.status === 'FAIL').length;
    process.stdout.write(
      `  ${kind}: klar, ${report.checks.length - failing} av ${report.checks.length} kontroller godkända → ${join(out, `${name}.pdf`)}\n`,
    );
  }
}

main().catch((e: unknown) => {
  process.stderr.write(
    `Rapporterna kunde inte sammanställas: ${e instanceof Error ? e.message : String(e)}\n`,
  );
  process.exit(1);
});
