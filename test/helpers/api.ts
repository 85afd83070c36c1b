import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createApp } from '../../apps/api/src/bootstrap';
import { AuthService } from '../../apps/api/src/auth/auth.service';
import { DemoSeedService } from '../../apps/api/src/demo/demo-seed.service';
import { DATA_SOURCE } from '../../apps/api/src/common/infra/tokens';

export const FIXTURES = join(__dirname, '..', '..', 'demo', 'samspelet');
export const DEMO_PASSWORD = 'Demo-Samspelet-2025!';
export const ADMIN = {
  email: process.env.ADMIN_EMAIL as string,
  password: process.env.ADMIN_PASSWORD as string,
};

export interface GqlResult<T = Record<string, unknown>> {
  data?: T | null;
  errors?: Array<{
    message: string;
    path?: string[];
    extensions?: Record<string, unknown> & { code?: string };
  }>;
}

/** The real API on a real port; requests go over HTTP. */
export class TestApi {
  constructor(
    readonly app: INestApplication,
    readonly url: string,
  ) {}

  static async start(): Promise<TestApi> {
    const app = await createApp({ logger: false });
    await app.get(AuthService).ensurePlatformAdmin();
    await app.listen(0, '127.0.0.1');
    const addr = app.getHttpServer().address();
    return new TestApi(app, `http://127.0.0.1:${addr.port}`);
  }

  /**
   * An API that another process runs (test/helpers/instance-process.ts), reached over HTTP only: its `app`,
   * `ds` and `close` are not available.
   */
  static remote(url: string): TestApi {
    return new TestApi(undefined as unknown as INestApplication, url);
  }

  get ds(): DataSource {
    return this.app.get(DATA_SOURCE);
  }

  async gql<T = Record<string, unknown>>(
    query: string,
    variables: Record<string, unknown> = {},
    token?: string,
    headers: Record<string, string> = {},
  ): Promise<GqlResult<T>> {
    const req = request(this.url)
      .post('/graphql')
      .set('content-type', 'application/json')
      .set('apollo-require-preflight', 'true');
    if (token) req.set('authorization', `Bearer ${token}`);
    for (const [k, v] of Object.entries(headers)) req.set(k, v);
    const res = await req.send({ query, variables });
    return res.body as GqlResult<T>;
  }

  /** Asserts success and returns data. */
  async ok<T = Record<string, unknown>>(
    query: string,
    variables: Record<string, unknown> = {},
    token?: string,
  ): Promise<T> {
    const r = await this.gql<T>(query, variables, token);
    if (r.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(r.errors, null, 1)}`);
    return r.data as T;
  }

  async login(email: string, password = DEMO_PASSWORD): Promise<string> {
    const d = await this.ok<{ login: { token: string } }>(
      'mutation($e:String!,$p:String!){ login(email:$e,password:$p){ token } }',
      { e: email, p: password },
    );
    return d.login.token;
  }

  async adminToken(): Promise<string> {
    return this.login(ADMIN.email, ADMIN.password);
  }

  /** GET /files/:id with a bearer token; the body as bytes. */
  async download(fileId: string, token: string): Promise<{ status: number; body: Buffer }> {
    const res = await request(this.url)
      .get(`/files/${fileId}`)
      .set('authorization', `Bearer ${token}`)
      .buffer(true)
      .parse((r, cb) => {
        const parts: Buffer[] = [];
        r.on('data', (c: Buffer) => parts.push(c));
        r.on('end', () => cb(null, Buffer.concat(parts)));
      });
    return { status: res.status, body: res.body as Buffer };
  }

  /**
   * A stored PDF, downloaded with `token`, as pdftotext reads it (layout kept, no-break spaces as plain spaces);
   * with `lastPages`, only that many pages from the end.
   */
  async pdfText(fileId: string, token: string, lastPages?: number): Promise<string> {
    const res = await this.download(fileId, token);
    if (res.status !== 200) throw new Error(`download of ${fileId} gave HTTP ${res.status}`);
    const file = join(mkdtempSync(join(tmpdir(), 'pdf-text-')), `${fileId}.pdf`);
    writeFileSync(file, res.body);
    const range: string[] = [];
    if (lastPages) {
      const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))![1]);
      range.push('-f', String(Math.max(1, pages - lastPages + 1)), '-l', String(pages));
    }
    return execFileSync('pdftotext', [...range, '-layout', file, '-'], { encoding: 'utf8' }).replace(
      /\u00a0/g,
      ' ',
    );
  }

  /** compileReport through the API, then poll report(id) until the worker has finished it. */
  async compileReport<T extends { id: string; status: string }>(
    organisationId: string,
    kind: string,
    token: string,
    fields = 'id status',
  ): Promise<{ queued: T; done: T }> {
    const started = await this.ok<{ compileReport: T }>(
      `mutation($o: ID!, $k: ReportKind!){ compileReport(organisationId: $o, kind: $k, year: 2025){ ${fields} } }`,
      { o: organisationId, k: kind },
      token,
    );
    for (let i = 0; i < 600; i++) {
      const r = (
        await this.ok<{ report: T }>(
          `query($id: ID!){ report(id: $id){ ${fields} } }`,
          { id: started.compileReport.id },
          token,
        )
      ).report;
      if (r.status === 'READY' || r.status === 'FAILED') return { queued: started.compileReport, done: r };
      await new Promise((res) => setTimeout(res, 100));
    }
    throw new Error('report never finished');
  }

  async close(): Promise<void> {
    await this.app.close();
  }
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests plant errors anywhere in the JSON
export type Bundle = Record<string, any>;

export function samspeletBundle(): Bundle {
  return JSON.parse(readFileSync(join(FIXTURES, 'organisation.json'), 'utf8'));
}

/**
 * The Samspelet bundle as another förbund: its own slug and its own people (`@<domain>.example`), so that each
 * test file works on a förbund of its own, whatever order the files run in.
 */
export function tenantBundle(slug: string, name: string, domain = slug): Bundle {
  const b = samspeletBundle();
  b.organisation = { ...b.organisation, slug, name };
  b.people = b.people.map((p: { email: string; name: string }) => ({
    ...p,
    email: p.email.replace('@samspelet.example', `@${domain}.example`),
    name: `${p.name} (${name})`,
  }));
  return b;
}

/** A second förbund, to prove that one förbund's people never reach another's data. */
export function otherBundle(): Bundle {
  return tenantBundle('grannforbundet', 'Samordningsförbundet Grannen', 'grannen');
}

export const IMPORT = 'mutation($b: JSON!){ importOrganisationBundle(bundle: $b){ id slug name } }';

export async function importBundle(
  api: TestApi,
  bundle: unknown,
  token?: string,
): Promise<{ id: string; slug: string }> {
  const d = await api.ok<{ importOrganisationBundle: { id: string; slug: string } }>(
    IMPORT,
    { b: bundle },
    token ?? (await api.adminToken()),
  );
  return d.importOrganisationBundle;
}

export function codes(r: GqlResult): string[] {
  return (r.errors ?? []).map((e) => String(e.extensions?.code));
}

export async function upload(
  api: TestApi,
  token: string,
  content: Buffer,
  filename: string,
  query: Record<string, string> = {},
): Promise<request.Response> {
  const qs = new URLSearchParams(query).toString();
  return request(api.url)
    .post(`/files${qs ? `?${qs}` : ''}`)
    .set('authorization', `Bearer ${token}`)
    .attach('file', content, filename);
}

/**
 * Lets a test förbund's insatser run on without an end date, so a test can start follow-ups of years far ahead
 * (HELAR-2027 …) that no other test uses: startSubmission refuses a period an insats did not run in.
 */
export async function insatserRunOn(api: TestApi, organisationId: string): Promise<void> {
  await api.ds.query('UPDATE insats SET end_date = NULL WHERE organisation_id = $1', [organisationId]);
}

export async function orgId(api: TestApi, slug: string): Promise<string> {
  const [row] = await api.ds.query('SELECT id FROM organisation WHERE slug = $1', [slug]);
  return row.id;
}

/**
 * The Samspelet fixture (bundle, ledger, follow-ups) seeded by the demo seeder as the förbund `bundle` describes
 * (usually `tenantBundle(...)`); `without` names fixture files, relative to FIXTURES, left out. Returns its id.
 */
export async function seedFixture(api: TestApi, bundle: Bundle, without: string[] = []): Promise<string> {
  const slug: string = bundle.organisation.slug;
  const dir = mkdtempSync(join(tmpdir(), `${slug}-`));
  cpSync(FIXTURES, dir, { recursive: true });
  writeFileSync(join(dir, 'organisation.json'), JSON.stringify(bundle));
  for (const file of without) rmSync(join(dir, file));
  await api.app.get(DemoSeedService).seed(dir);
  return orgId(api, slug);
}
