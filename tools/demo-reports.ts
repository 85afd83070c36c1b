import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { authenticator } from 'otplib';

/**
 * For the demo: logs in as the förbundschef, asks the API to compile the delårsrapport and the årsredovisning
 * 2025, follows their progress, and downloads the files. Uses only the public API.
 */
async function main(): Promise<void> {
  const [base, out, textsDir = join(process.cwd(), 'demo', 'samspelet', 'texts')] = process.argv.slice(2);
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
    await saveDemoTexts(gql, token, organisation.id, kind, textsDir);
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
    if (kind === 'ARSREDOVISNING') await signAndSeal(gql, base, token, compileReport.id, out, name);
    const failing = report.checks.filter((c) => c.status === 'FAIL').length;
    process.stdout.write(
      `  ${kind}: klar, ${report.checks.length - failing} av ${report.checks.length} kontroller godkända → ${join(out, `${name}.pdf`)}\n`,
    );
  }
}

type Gql = <T>(query: string, variables: Record<string, unknown>, token?: string) => Promise<T>;

/**
 * The förbundschef's texts of Samspelet's published reports (demo/samspelet/texts, taken from the seeds), saved
 * through the API as the förbundschef would write them, so the demo's reports show every section filled in.
 */
async function saveDemoTexts(gql: Gql, token: string, org: string, kind: string, dir: string): Promise<void> {
  const file = join(dir, `${kind === 'ARSREDOVISNING' ? 'arsredovisning' : 'delarsrapport'}-2025.json`);
  if (!existsSync(file)) return;
  const { texts } = JSON.parse(readFileSync(file, 'utf8')) as { texts: Record<string, string> };
  const { reportTexts } = await gql<{ reportTexts: { version: number } }>(
    'query($o: ID!, $k: ReportKind!){ reportTexts(organisationId: $o, kind: $k, year: 2025){ version } }',
    { o: org, k: kind },
    token,
  );
  await gql(
    'mutation($o: ID!, $k: ReportKind!, $v: Int!, $t: JSON!){ saveReportTexts(organisationId: $o, kind: $k, year: 2025, version: $v, texts: $t){ version } }',
    { o: org, k: kind, v: reportTexts.version, t: texts },
    token,
  );
  process.stdout.write(`  ${kind}: förbundschefens texter (${Object.keys(texts).length} avsnitt) sparade\n`);
}

/** The board signs the årsredovisning (password + one-time code), and the förbund's seal is put on it. */
async function signAndSeal(
  gql: Gql,
  base: string,
  chefToken: string,
  reportId: string,
  out: string,
  name: string,
): Promise<void> {
  const { createSigningRequest } = await gql<{
    createSigningRequest: { id: string; signers: Array<{ personId: string; name: string }> };
  }>(
    'mutation($r: ID!){ createSigningRequest(reportId: $r, order: PARALLEL){ id signers { personId name } } }',
    { r: reportId },
    chefToken,
  );
  const emails = [
    ...Array.from({ length: 7 }, (_, i) => `ledamot${i + 1}@samspelet.example`),
    'revisor1@samspelet.example',
    'revisor2@samspelet.example',
  ];
  for (const email of emails) {
    const { login } = await gql<{ login: { token: string } }>(
      'mutation($e: String!){ login(email: $e, password: "Demo-Samspelet-2025!"){ token } }',
      { e: email },
    );
    const { setupTotp } = await gql<{ setupTotp: { secret: string } }>(
      'mutation { setupTotp(password: "Demo-Samspelet-2025!") { secret } }',
      {},
      login.token,
    );
    await gql(
      'mutation($c: String!){ confirmTotp(code: $c) }',
      { c: authenticator.generate(setupTotp.secret) },
      login.token,
    );
    await gql(
      'mutation($r: ID!){ viewSigningDocument(requestId: $r) }',
      { r: createSigningRequest.id },
      login.token,
    );
    await gql(
      'mutation($r: ID!, $c: String!){ signWithTotp(requestId: $r, password: "Demo-Samspelet-2025!", code: $c){ id } }',
      { r: createSigningRequest.id, c: authenticator.generate(setupTotp.secret) },
      login.token,
    );
    process.stdout.write(`  underskrift: ${email}\n`);
  }
  for (let i = 0; i < 600; i++) {
    const { signingRequest } = await gql<{
      signingRequest: { status: string; sealedPdfFileId: string | null };
    }>(
      'query($r: ID!){ signingRequest(reportId: $r){ status sealedPdfFileId } }',
      { r: reportId },
      chefToken,
    );
    if (signingRequest.sealedPdfFileId) {
      const res = await fetch(`${base}/files/${signingRequest.sealedPdfFileId}`, {
        headers: { authorization: `Bearer ${chefToken}` },
      });
      writeFileSync(join(out, `${name}-signerad.pdf`), Buffer.from(await res.arrayBuffer()));
      process.stdout.write(
        `  ARSREDOVISNING: undertecknad av ${emails.length} och förseglad → ${join(out, `${name}-signerad.pdf`)}\n`,
      );
      return;
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error('förseglingen blev inte klar');
}

main().catch((e: unknown) => {
  process.stderr.write(
    `Rapporterna kunde inte sammanställas: ${e instanceof Error ? e.message : String(e)}\n`,
  );
  process.exit(1);
});
