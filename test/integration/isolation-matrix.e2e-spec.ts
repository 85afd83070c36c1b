import { randomUUID } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { INestApplicationContext } from '@nestjs/common';
import { getNamedType } from 'graphql';
import { createClient } from 'graphql-ws';
import request from 'supertest';
import WebSocket from 'ws';
import { DemoSeedService } from '../../apps/api/src/demo/demo-seed.service';
import { SubmissionEvents } from '../../apps/api/src/submissions/submission.events';
import { Bundle, codes, FIXTURES, GqlResult, orgId, tenantBundle, TestApi, upload } from '../helpers/api';
import { FakeBankIdRpApi } from '../helpers/fake-bankid';
import { startWorker } from '../helpers/worker';
import { testPng } from '../../libs/reporting/src/render/__fixtures__/png';
import {
  ArgValues,
  argsFor,
  changed,
  committedSchema,
  documentFor,
  fingerprint,
  graphqlOperations,
  httpRoutes,
  leaks,
  liveOperationKeys,
  tenantTables,
} from '../helpers/isolation-matrix';

/**
 * Issue 11: the cross-förbund matrix. Every query, mutation and subscription of schema.graphql and every HTTP route
 * the app registers has a row below: how förbund B's people call it with förbund A's ids and what refusal they
 * get, or why it is exempt. A new operation without a row, or a row for an operation that is gone, fails the test.
 *
 * Each attempt runs over real HTTP (WebSocket for subscriptions) as each of B's people it names and checks: the
 * refusal code (or, for operations that answer with the caller's own data, an answer), that nothing of A appears
 * in the response (A's ids, slug, names, e-mail domain), and that A's rows in every tenant table and A's people
 * are unchanged afterwards.
 */

const A = { slug: 'matris-a', name: 'Samordningsförbundet Matris A' };
const B = { slug: 'matris-b', name: 'Samordningsförbundet Matris B' };
const PASSWORD = 'Demo-Samspelet-2025!';

/** B's people who attack: the kansli, the förbundschef, a projektägare, a board member and an auditor. */
const CALLERS = {
  kansli: `kansli@${B.slug}.example`,
  chef: `forbundschef@${B.slug}.example`,
  projektagare: `projektagare.stegen@${B.slug}.example`,
  styrelse: `ledamot1@${B.slug}.example`,
  revisor: `revisor1@${B.slug}.example`,
} as const;
type Caller = keyof typeof CALLERS;
const EVERYONE = Object.keys(CALLERS) as Caller[];

/** What seeding gives: A's ids by argument name, and B's own for the attempts that mix the two. */
interface Seeded {
  a: Record<string, string> & { organisationId: string };
  b: Record<string, string> & { organisationId: string };
  aBundle: Bundle;
}

interface Attempt {
  /** Who of B tries (default: every caller). */
  as?: Caller[];
  /** The arguments besides A's ids by name (a function of the seeded ids); undefined leaves an argument out. */
  args?: (s: Seeded) => ArgValues;
  /** 'refused': one of `codes` and no data; 'own-data': an answer that shows nothing of A. */
  expect: 'refused' | 'own-data';
  codes?: string[];
  /** For 'own-data': what the answer must hold besides having nothing of A (it is B's own). */
  check?: (answer: unknown, caller: Caller, s: Seeded) => void;
  /** The fields to ask for, when the generated selection (scalars and one level below) does not fit. */
  select?: string;
  /** Skips the check for A's strings in the answer (the caller put them in the call themselves). */
  echoesInput?: boolean;
}

type Exemption = 'public by design' | 'own account';
type Entry = { attempts: Attempt[]; platformAdminOnly?: string } | { exempt: Exemption; why: string };

const REFUSED = ['FORBIDDEN', 'NOT_FOUND'];
const refused = (args?: Attempt['args'], extra: Partial<Attempt> = {}): Attempt => ({
  expect: 'refused',
  args,
  ...extra,
});
const own = (extra: Partial<Attempt> = {}): Attempt => ({ expect: 'own-data', ...extra });
const rows = (...attempts: Attempt[]): Entry => ({ attempts });
/** Only the platform admin may call it: every tenant user of B is refused with FORBIDDEN. */
const adminOnly = (why: string, args?: Attempt['args']): Entry => ({
  platformAdminOnly: why,
  attempts: [refused(args, { codes: ['FORBIDDEN'] })],
});
const exempt = (kind: Exemption, why: string): Entry => ({ exempt: kind, why });
/** An insats of B's that is sound but for A's board member in `role` (an id smuggled inside the input). */
const smuggledInsats = (s: Seeded, role: 'styrgrupp' | 'projektagare') => ({
  key: 'smuggel',
  name: 'Smugglad person',
  type: 'INDIVID',
  ownerParty: 'KARLSTAD',
  costCentre: '803',
  start: '2026-01-01',
  budgets: [],
  matpunkter: [],
  [role]: [s.a.boardPersonId],
});
/** A's id for the argument `id`, when the operation's own name does not say which object it is. */
const id = (key: string) => (s: Seeded) => ({ id: s.a[key] });

// ---------------------------------------------------------------------------------------------------------------
// The table: one row per operation of schema.graphql. Arguments named organisationId, insatsId, submissionId,
// reportId, requestId, fileId, collectionId, orderRef, linkId, parentId and slug get A's ids by themselves.

const OPERATIONS: Record<string, Entry> = {
  // Queries
  'Query.accountMapping': rows(refused()),
  'Query.auditTrail': rows(refused()),
  'Query.bankIdQr': rows(refused()),
  'Query.boardMandates': rows(refused()),
  'Query.budgets': rows(refused()),
  'Query.exportOrganisationBundle': rows(refused()),
  'Query.followUpExemptions': rows(refused(() => ({ year: 2025 }))),
  'Query.financeSetup': rows(refused()),
  'Query.forecasts': rows(refused()),
  'Query.inbox': rows(
    own({
      check: (a, _c, s) =>
        expect(
          (a as Array<{ organisationId: string }>).filter((x) => x.organisationId !== s.b.organisationId),
        ).toEqual([]),
    }),
  ),
  'Query.insats': rows(refused(id('insatsId'))),
  'Query.ledgerBalances': rows(refused(() => ({ from: '2025-01-01', to: '2025-12-31' }))),
  'Query.me': rows(
    own({
      check: (a) =>
        expect(
          new Set((a as { roles: Array<{ organisationSlug: string }> }).roles.map((r) => r.organisationSlug)),
        ).toEqual(new Set([B.slug])),
    }),
  ),
  'Query.mySurveyForms': rows(
    own({
      check: (a, caller) =>
        expect((a as Array<{ organisationName: string }>).map((f) => f.organisationName)).toEqual(
          caller === 'styrelse' ? [B.name] : [],
        ),
    }),
  ),
  'Query.nnsCatalogue': rows(own()),
  'Query.nnsNationalConsent': rows(refused()),
  'Query.nnsNationalRollup': adminOnly(
    'the national picture is for the platform admin and the national network only (sums over consenting förbund)',
  ),
  'Query.organisation': rows(refused()),
  // people is for the kansli and chef only (a refused non-null field would blank the whole list for the others)
  'Query.organisations': rows(
    own({
      select: 'id slug name myRoles parties { key name } insatser { id key name organisationId }',
      check: (a) => expect((a as Array<{ slug: string }>).map((o) => o.slug)).toEqual([B.slug]),
    }),
  ),
  'Query.plan': rows(refused(() => ({ year: 2026 }))),
  'Query.report': rows(refused(id('reportId'))),
  'Query.reportStructure': rows(refused()),
  'Query.reportSettings': rows(refused()),
  'Query.reportTexts': rows(refused()),
  'Query.reports': rows(refused()),
  'Query.sieImports': rows(refused()),
  'Query.signingMethods': rows(refused()),
  'Query.signingRequest': rows(refused()),
  'Query.submission': rows(refused(id('submissionId'))),
  'Query.submissions': rows(refused()),
  'Query.surveyCollections': rows(refused()),
  'Query.surveyForm': exempt(
    'public by design',
    'the anonymous survey link is meant for anyone who holds it (no login); it shows the questions, never answers',
  ),
  'Query.surveyRound': rows(refused()),
  'Query.verifyAuditTrail': rows(refused()),
  'Query.waitingForMe': rows(
    own({
      check: (a, _c, s) =>
        expect(
          (a as Array<{ organisationId: string }>).filter((x) => x.organisationId !== s.b.organisationId),
        ).toEqual([]),
    }),
  ),

  // Mutations
  'Mutation.acceptInvitation': exempt(
    'public by design',
    'takes a secret invitation token (stored only as a hash), no förbund id; whoever holds the link sets a password',
  ),
  'Mutation.addComment': rows(
    refused(() => ({ body: 'Intrång' })),
    // B's own submission, but a reply to a comment of A's
    refused((s) => ({ submissionId: s.b.submissionId, body: 'Intrång', parentId: s.a.commentId }), {
      as: ['projektagare', 'chef'],
      codes: [...REFUSED, 'BAD_USER_INPUT'],
    }),
  ),
  'Mutation.answerSurvey': exempt(
    'public by design',
    'an anonymous answer on a survey link needs a one-time code handed out by the förbund; nothing of A is read',
  ),
  'Mutation.answerSurveySignedIn': rows(
    refused((s) => ({
      answers: [{ question: 1, option: 'I_MYCKET_LITEN_GRAD' }],
      collectionId: s.a.collectionId,
    })),
  ),
  'Mutation.approveSubmission': rows(refused((s) => ({ id: s.a.draftSubmissionId, comment: 'Ok' }))),
  'Mutation.cancelBankIdSigning': rows(refused()),
  'Mutation.cancelSigningRequest': rows(refused(() => ({ reason: 'Intrång' }))),
  'Mutation.changePassword': exempt(
    'own account',
    "changes the caller's own password (checked against the current one); takes no id",
  ),
  'Mutation.closeSurveyCollection': rows(refused((s) => ({ id: s.a.collectionId, version: 1 }))),
  'Mutation.collectBankIdSigning': rows(refused()),
  'Mutation.compileReport': rows(refused(() => ({ kind: 'ARSREDOVISNING', year: 2025 }))),
  'Mutation.confirmTotp': exempt('own account', "confirms the caller's own authenticator app; takes no id"),
  'Mutation.createInsats': rows(
    refused(),
    // B's own förbund, A's person smuggled into the styrgrupp: refused like an unknown person.
    refused((s) => ({ organisationId: s.b.organisationId, insats: smuggledInsats(s, 'styrgrupp') }), {
      as: ['kansli', 'chef'],
      codes: ['BAD_USER_INPUT'],
    }),
  ),
  'Mutation.createNationalNetworkAccount': adminOnly(
    'accounts of the national network are made by the platform admin',
    () => ({ email: `forbundschef@${A.slug}.example`, name: 'Kapad' }),
  ),
  'Mutation.createOrganisation': adminOnly('creating a förbund from nothing is the platform admin’s', () => ({
    organisation: {
      name: 'Kapat förbund',
      organisationNumber: '222000-1867',
      slug: 'kapat-forbund',
      forbundschef: { name: 'Kapad', email: 'kapad@kapat.example' },
    },
  })),
  'Mutation.createSigningRequest': rows(refused(() => ({ overrideReason: 'Intrång' }))),
  'Mutation.declineSigning': rows(refused(() => ({ reason: 'Intrång' }))),
  'Mutation.deleteInsats': rows(refused((s) => ({ id: s.a.insatsId, version: 1 }))),
  'Mutation.importOrganisationBundle': adminOnly(
    'setting up or overwriting a förbund from a bundle is the platform admin’s',
    (s) => ({ bundle: { ...s.aBundle, organisation: { ...s.aBundle.organisation, name: 'Kapad' } } }),
  ),
  'Mutation.importSie': rows(
    refused((s) => ({ fileId: s.a.sieFileId })),
    // B's own förbund, A's uploaded SIE file
    refused((s) => ({ organisationId: s.b.organisationId, fileId: s.a.sieFileId }), {
      as: ['kansli', 'chef'],
    }),
  ),
  'Mutation.importSurveyCounts': rows(refused(() => ({ year: 2025, counts: {} }))),
  'Mutation.loadNnsCatalogue': adminOnly('the national NNS catalogue is loaded by the platform admin'),
  'Mutation.exemptFollowUp': rows(
    refused(() => ({ period: 'HELAR-2025', reason: 'Försök från ett annat förbund.' })),
  ),
  'Mutation.login': exempt(
    'public by design',
    'signing in takes an e-mail and a password, no förbund id (attempts are rate-limited before any hashing)',
  ),
  'Mutation.openSurveyCollection': rows(
    refused(() => ({ survey: 'DELTAGARE_AVSLUT', year: 2025, codes: 1 })),
    // B's own förbund, A's insats
    refused(
      (s) => ({ organisationId: s.b.organisationId, survey: 'DELTAGARE_AVSLUT', year: 2025, codes: 1 }),
      {
        as: ['kansli', 'chef'],
        codes: [...REFUSED, 'BAD_USER_INPUT'],
      },
    ),
  ),
  'Mutation.passkeyRegistrationOptions': exempt(
    'own account',
    "starts enrolling a passkey for the caller's own account (needs the password); takes no id",
  ),
  'Mutation.passkeySigningOptions': rows(refused()),
  'Mutation.publishTemplate': rows(refused(() => ({ definition: { title: 'Kapad', sections: [] } }))),
  'Mutation.remindSigners': rows(refused()),
  'Mutation.registerPasskey': exempt(
    'own account',
    "registers a passkey on the caller's own account from their own registration options; takes no id",
  ),
  'Mutation.removeSigningFactor': exempt(
    'own account',
    "removes a factor from the caller's own account (needs the password or a code); takes no id",
  ),
  'Mutation.removeFinancialGoal': rows(refused(() => ({ year: 2025, key: 'budget_halls', version: 1 }))),
  'Mutation.removeBoardMandate': rows(refused(() => ({ version: 1 }))),
  'Mutation.removeFollowUpExemption': rows(refused(() => ({ period: 'HELAR-2025' }))),
  // A has a logo (seeded below); the fingerprint holds A's organisation row, so a removal by B would show.
  'Mutation.removeOrganisationLogo': rows(refused()),
  'Mutation.reopenSubmission': rows(refused((s) => ({ id: s.a.submissionId, reason: 'Intrång' }))),
  'Mutation.resolveComment': rows(refused(id('commentId'))),
  'Mutation.retrySealing': rows(refused()),
  'Mutation.returnSubmission': rows(refused((s) => ({ id: s.a.draftSubmissionId, comment: 'Intrång' }))),
  'Mutation.revisePlan': rows(refused(() => ({ year: 2026 }))),
  'Mutation.saveBoardMandate': rows(
    refused((s) => ({
      mandate: {
        personId: s.a.boardPersonId,
        role: 'STYRELSELEDAMOT',
        appointedBy: 'AF',
        from: '2027-01-01',
      },
    })),
    // A's mandate changed through B's own förbund: refused, and A's mandate stays as it was.
    refused(
      (s) => ({
        organisationId: s.b.organisationId,
        mandate: {
          id: s.a.mandateId,
          version: 1,
          personId: s.a.boardPersonId,
          role: 'STYRELSELEDAMOT',
          appointedBy: 'AF',
          to: '2025-01-01',
        },
      }),
      { as: ['kansli', 'chef'], codes: [...REFUSED, 'BAD_USER_INPUT'] },
    ),
  ),
  'Mutation.saveStaffCount': rows(refused(() => ({ year: 2025, staff: 9 }))),
  'Mutation.saveBudget': rows(
    refused(() => ({ budget: { decided: '2025-01-01', year: 2025, lines: { X: '1' } } })),
  ),
  'Mutation.saveCostCentre': rows(
    refused(() => ({ costCentre: { code: '800', name: 'Intrång', category: 'FORBUND', version: 1 } })),
  ),
  'Mutation.saveFinancialGoal': rows(
    refused(() => ({
      goal: {
        year: 2025,
        key: 'budget_halls',
        text: 'Intrång',
        metric: 'soliditet',
        op: '>=',
        value: '0',
        version: 1,
      },
    })),
  ),
  'Mutation.saveKommunKey': rows(refused(() => ({ key: { version: 0, shares: { GRUMS: '1' } } }))),
  'Mutation.saveParty': rows(
    refused(() => ({ party: { key: 'FK', name: 'Intrång', kind: 'STAT', version: 1 } })),
  ),
  'Mutation.saveForecast': rows(
    refused(() => ({ forecast: { asOf: '2025-06-30', year: 2025, lines: { X: '1' } } })),
  ),
  'Mutation.saveFunding': rows(
    refused(() => ({ funding: { account: '3000', amount: '1', party: 'AF', year: 2025 } })),
  ),
  'Mutation.saveInsats': rows(
    refused(() => ({ insats: { key: 'matris' } })),
    refused((s) => ({ organisationId: s.b.organisationId, insats: smuggledInsats(s, 'projektagare') }), {
      as: ['kansli', 'chef'],
      codes: ['BAD_USER_INPUT'],
    }),
  ),
  'Mutation.saveNnsSettings': rows(refused(() => ({ indicators: [1], minGroupSize: 1 }))),
  'Mutation.savePerson': rows(
    refused(() => ({
      person: { email: `ledamot1@${A.slug}.example`, name: 'Omdöpt', roles: [{ role: 'ADMIN' }] },
    })),
    // B's kansli puts A's board member into B under another name: A's view of that person must not change.
    {
      expect: 'own-data',
      as: ['kansli'],
      echoesInput: true,
      args: (s) => ({
        organisationId: s.b.organisationId,
        person: {
          email: `ledamot2@${A.slug}.example`,
          name: 'Omdöpt av grannen',
          roles: [{ role: 'BEREDNINGSGRUPP', title: 'Kapad titel' }],
        },
      }),
    },
  ),
  'Mutation.savePlan': rows(refused(() => ({ year: 2026, version: 1, plan: {} }))),
  'Mutation.saveReportStructure': rows(
    refused(() => ({
      kind: 'ARSREDOVISNING',
      version: 0,
      entries: [{ id: 'forvaltningsberattelse', heading: 'Kapad' }],
    })),
  ),
  'Mutation.saveReportSettings': rows(refused(() => ({ delarEnd: '08-31' }))),
  'Mutation.saveReportTexts': rows(
    refused(() => ({ kind: 'ARSREDOVISNING', year: 2025, version: 0, texts: { forvaltning: 'Kapad' } })),
  ),
  'Mutation.saveSubmission': rows(
    refused((s) => ({ id: s.a.draftSubmissionId, version: 1, answers: { verksamhet: 'Kapad' } })),
  ),
  'Mutation.setNnsNationalConsent': rows(
    refused(() => ({ optedIn: true, decidedAt: '2025-01-01', decisionReference: '§ 1' })),
  ),
  'Mutation.setupTotp': exempt(
    'own account',
    "creates a secret for the caller's own authenticator app (needs the password); takes no id",
  ),
  'Mutation.signInPlaceOf': rows(
    refused((s) => ({
      ledamotPersonId: s.a.boardPersonId,
      ersattarePersonId: s.a.boardPersonId,
      reason: 'Intrång',
    })),
  ),
  'Mutation.signWithPasskey': rows(refused(() => ({ response: {} }))),
  'Mutation.signWithTotp': rows(refused(() => ({ password: PASSWORD, code: '000000' }))),
  'Mutation.startBankIdSigning': rows(refused()),
  'Mutation.startPlan': rows(refused(() => ({ year: 2027 }))),
  'Mutation.startSubmission': rows(refused(() => ({ period: 'HELAR-2027' }))),
  'Mutation.submitSubmission': rows(refused((s) => ({ id: s.a.draftSubmissionId, version: 1 }))),
  'Mutation.updateInsats': rows(
    refused((s) => ({ id: s.a.insatsId, version: 1 })),
    // B's own insats given A's person as projektägare.
    refused(
      (s) => ({
        id: s.b.insatsId,
        version: 1,
        insats: { ...smuggledInsats(s, 'projektagare'), key: 'stegen', start: '2024-01-01' },
      }),
      { as: ['kansli', 'chef'], codes: ['BAD_USER_INPUT'] },
    ),
  ),
  'Mutation.updateMyProfile': exempt(
    'own account',
    "changes the caller's own name and e-mail (a new e-mail needs the password); takes no id",
  ),
  'Mutation.updatePersonProfile': adminOnly(
    "a person's name and e-mail are changed by the person or the platform admin",
    () => ({ profile: { name: 'Kapad', email: `kapad@${A.slug}.example` } }),
  ),
  'Mutation.verifyDocument': rows(
    refused(),
    // A copy of the same PDF that B's kansli uploaded into B: verifying what one holds stays open.
    own({ as: ['kansli'], args: (s) => ({ fileId: s.b.fileId }) }),
  ),
  'Mutation.viewSigningDocument': rows(refused()),
  'Mutation.withdrawSubmission': rows(refused(id('submissionId'))),

  // Subscriptions (over graphql-ws)
  'Subscription.inboxChanged': rows(own({ as: ['projektagare'] })),
  'Subscription.reportProgress': rows(refused(id('reportId'))),
  'Subscription.submissionChanged': rows(refused(id('draftSubmissionId'))),
};

// ---------------------------------------------------------------------------------------------------------------
// HTTP routes, as the Express router has them.

interface RouteCtx {
  api: TestApi;
  s: Seeded;
  token: (c: Caller) => Promise<string>;
}
type RouteEntry = { run: (ctx: RouteCtx) => Promise<void> } | { exempt: Exemption | 'no data'; why: string };

const ROUTES: Record<string, RouteEntry> = {
  'POST /files': {
    run: async ({ api, s, token }) => {
      const answer = (r: request.Response) => [r.status, r.text];
      for (const c of EVERYONE)
        for (const [file, name, purpose] of [
          [Buffer.from('%PDF-1.4\n%%EOF\n'), 'intrang.pdf', 'bilaga'],
          // nor can anyone of B set A's logo (issue 18.4), whatever B's role
          [testPng(64, 64), 'logotyp.png', 'logo'],
        ] as const) {
          const res = await upload(api, await token(c), file, name, {
            organisationId: s.a.organisationId,
            purpose,
          });
          expect([c, purpose, res.status, res.body.code]).toEqual([c, purpose, 404, 'NOT_FOUND']);
          // A's real förbund is answered exactly like a made-up one (no existence leak)
          const made = await upload(api, await token(c), file, name, {
            organisationId: randomUUID(),
            purpose,
          });
          expect([c, purpose, ...answer(res)]).toEqual([c, purpose, ...answer(made)]);
        }
      const [a] = await api.ds.query('SELECT logo_file_id FROM organisation WHERE id = $1', [
        s.a.organisationId,
      ]);
      expect(a.logo_file_id).toBe(s.a.logoFileId);
    },
  },
  'GET /files/:id': {
    run: async ({ api, s, token }) => {
      const answer = (r: { status: number; body: Buffer }) => [r.status, r.body.toString('utf8')];
      for (const c of EVERYONE) {
        const made = await api.download(randomUUID(), await token(c));
        expect(made.status).toBe(404);
        for (const file of ['fileId', 'sieFileId', 'reportPdfFileId']) {
          const res = await api.download(s.a[file], await token(c));
          // A's real file is answered exactly like a made-up id (no existence leak)
          expect([c, file, ...answer(res)]).toEqual([c, file, ...answer(made)]);
          expect(leaks(res.body.toString('utf8'), markers(s))).toEqual([]);
        }
      }
      // a made-up signed link is no way round it either, and tells a real file from a made-up one no better
      const forged = (fileId: string) =>
        request(api.url).get(`/files/${fileId}?expires=9999999999&signature=${'0'.repeat(64)}`);
      const [real, made] = [await forged(s.a.fileId), await forged(randomUUID())];
      expect([real.status, real.body.code]).toEqual([404, 'NOT_FOUND']);
      expect([real.status, real.text]).toEqual([made.status, made.text]);
    },
  },
  'GET /nns/national/:year': {
    run: async ({ api, token }) => {
      for (const c of EVERYONE) {
        const res = await request(api.url)
          .get('/nns/national/2025?format=xlsx')
          .set('authorization', `Bearer ${await token(c)}`);
        expect([c, res.status, res.body.code]).toEqual([c, 403, 'FORBIDDEN']);
      }
    },
  },
  'ALL /{*path}': {
    exempt: 'no data',
    why: 'Nest middleware bound to every path (the request logger and request id of nestjs-pino); it answers nothing itself',
  },
  'GET /health': {
    exempt: 'public by design',
    why: 'says whether PostgreSQL and Redis answer, for the load balancer; no förbund data',
  },
  'GET /health/live': {
    exempt: 'public by design',
    why: 'says the process answers, for the orchestrator; no data at all',
  },
  'GET /health/ready': {
    exempt: 'public by design',
    why: 'says whether PostgreSQL and Redis answer, for the load balancer; no förbund data',
  },
  'GET {*any}': {
    exempt: 'no data',
    why: 'the web application’s index.html for its own paths (ServeStaticModule); static files, no förbund data',
  },
};

/**
 * The same arguments with every id (and the slug) of A replaced by a made-up one that exists nowhere: what someone
 * who guesses gets, to compare with what someone who holds a leaked id of A gets.
 */
function withUnknownIds(args: ArgValues, a: Seeded['a']): ArgValues | null {
  const made = new Map<string, string>();
  const real = new Set(Object.values(a).filter((v): v is string => typeof v === 'string'));
  const swap = (v: unknown): unknown => {
    if (typeof v === 'string' && real.has(v)) {
      if (!made.has(v)) made.set(v, v === a.slug ? `okand-${randomUUID().slice(0, 8)}` : randomUUID());
      return made.get(v);
    }
    if (Array.isArray(v)) return v.map(swap);
    if (v && typeof v === 'object')
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, swap(x)]));
    return v;
  };
  const out = swap(args) as ArgValues;
  return made.size > 0 ? out : null;
}

/** The strings that would show A's data in an answer. */
function markers(s: Seeded): string[] {
  const ids = Object.entries(s.a)
    .filter(([k]) => k !== 'slug')
    .map(([, v]) => v)
    .filter((v) => typeof v === 'string' && v.length >= 8);
  return [...new Set([A.slug, A.name, 'Matris A', ...ids])];
}

// ---------------------------------------------------------------------------------------------------------------

const operations = graphqlOperations(committedSchema());

describe('cross-förbund isolation matrix', () => {
  let api: TestApi;
  let worker: INestApplicationContext;
  let s: Seeded;
  let tables: string[];
  let initial: Record<string, string>;
  const bankid = new FakeBankIdRpApi();
  const tokens = new Map<string, string>();
  const token = async (c: Caller | string): Promise<string> => {
    const email = c in CALLERS ? CALLERS[c as Caller] : c;
    if (!tokens.has(email)) tokens.set(email, await api.login(email));
    return tokens.get(email)!;
  };

  beforeAll(async () => {
    await bankid.start();
    process.env.BANKID_URL = bankid.url;
    api = await TestApi.start();
    worker = await startWorker();
    const admin = await api.adminToken();
    await api.ok(
      'mutation($c: JSON!){ loadNnsCatalogue(catalogue: $c){ version } }',
      { c: JSON.parse(readFileSync(join(FIXTURES, '..', 'nns', 'nns-katalog.json'), 'utf8')) },
      admin,
    );

    // Förbund A: the demo förbund's ledgers and follow-ups, an upload, a report out for signing, a BankID order,
    // a comment, survey rounds, imported survey counts and a plan.
    const aBundle = tenantBundle(A.slug, A.name);
    aBundle.people.find((p: { email: string }) => p.email === `ledamot1@${A.slug}.example`).personalNumber =
      '196501011234';
    const dir = mkdtempSync(join(tmpdir(), 'matrix-'));
    mkdirSync(dir, { recursive: true });
    cpSync(join(FIXTURES, 'sie'), join(dir, 'sie'), { recursive: true });
    cpSync(join(FIXTURES, 'submissions'), join(dir, 'submissions'), { recursive: true });
    writeFileSync(join(dir, 'organisation.json'), JSON.stringify(aBundle));
    await api.app.get(DemoSeedService).seed(dir);
    const aOrg = await orgId(api, A.slug);
    const aChef = await token(`forbundschef@${A.slug}.example`);
    const aKansli = await token(`kansli@${A.slug}.example`);
    const aOwner = await token(`projektagare.stegen@${A.slug}.example`);
    const [{ id: aInsats }] = await api.ds.query(
      "SELECT id FROM insats WHERE organisation_id = $1 AND key = 'stegen'",
      [aOrg],
    );
    const [{ id: aSubmission }] = await api.ds.query(
      "SELECT id FROM submission WHERE organisation_id = $1 AND period = 'HELAR-2025' AND insats_id = $2",
      [aOrg, aInsats],
    );
    const draft = await api.ok<{ startSubmission: { id: string } }>(
      'mutation($i: ID!){ startSubmission(insatsId: $i, period: "HELAR-2026"){ id } }',
      { i: aInsats },
      aOwner,
    );
    const comment = await api.ok<{ addComment: string }>(
      'mutation($s: ID!){ addComment(submissionId: $s, body: "Hur räknades deltagarna?") }',
      { s: draft.startSubmission.id },
      aChef,
    );
    const pdf = Buffer.from('%PDF-1.4\n%%EOF\n');
    const bilaga = await upload(api, aOwner, pdf, 'bilaga.pdf', {
      organisationId: aOrg,
    });
    const sie = await upload(
      api,
      aKansli,
      readFileSync(join(FIXTURES, 'sie', 'samspelet-2025.se')),
      'hb.se',
      {
        organisationId: aOrg,
        purpose: 'sie',
      },
    );
    // A's logo, so that B's attempts to replace or remove it have something to change
    const logo = await upload(api, aChef, testPng(64, 64), 'logotyp.png', {
      organisationId: aOrg,
      purpose: 'logo',
    });
    expect([bilaga.status, sie.status, logo.status]).toEqual([201, 201, 201]);
    const { done: report } = await api.compileReport<{ id: string; status: string; pdfFileId: string }>(
      aOrg,
      'ARSREDOVISNING',
      aChef,
      'id status pdfFileId',
    );
    expect(report.status).toBe('READY');
    const signing = await api.ok<{ createSigningRequest: { id: string } }>(
      'mutation($r: ID!){ createSigningRequest(reportId: $r, overrideReason: "Matrisen"){ id } }',
      { r: report.id },
      aChef,
    );
    const order = await api.ok<{ startBankIdSigning: { orderRef: string } }>(
      'mutation($r: ID!){ startBankIdSigning(requestId: $r){ orderRef } }',
      { r: signing.createSigningRequest.id },
      await token(`ledamot1@${A.slug}.example`),
    );
    const OPEN = `mutation($o: ID!, $s: String!, $i: ID, $n: Int){ openSurveyCollection(organisationId: $o, year: 2025, survey: $s, insatsId: $i, codes: $n){ collection { id linkId } } }`;
    const codesRound = await api.ok<{ openSurveyCollection: { collection: { id: string; linkId: string } } }>(
      OPEN,
      { o: aOrg, s: 'DELTAGARE_AVSLUT', i: aInsats, n: 3 },
      aChef,
    );
    const boardRound = await api.ok<{ openSurveyCollection: { collection: { id: string } } }>(
      OPEN,
      { o: aOrg, s: 'STYRELSE' },
      aChef,
    );
    await api.ok(
      'mutation($o: ID!, $c: JSON!){ importSurveyCounts(organisationId: $o, year: 2025, counts: $c){ version } }',
      { o: aOrg, c: JSON.parse(readFileSync(join(FIXTURES, 'nns', 'samspelet-nns-2025.json'), 'utf8')) },
      aChef,
    );
    await api.ok('mutation($o: ID!){ startPlan(organisationId: $o, year: 2026){ id } }', { o: aOrg }, aChef);
    const [aMandate] = await api.ds.query(
      `SELECT m.id, m.person_id FROM board_mandate m JOIN person p ON p.id = m.person_id
        WHERE m.organisation_id = $1 AND p.email = $2`,
      [aOrg, `ledamot1@${A.slug}.example`],
    );

    // Förbund B: the same people under its own domain, and a follow-up of its own.
    const { id: bOrg } = await api
      .ok<{ importOrganisationBundle: { id: string } }>(
        'mutation($b: JSON!){ importOrganisationBundle(bundle: $b){ id } }',
        { b: tenantBundle(B.slug, B.name) },
        admin,
      )
      .then((d) => d.importOrganisationBundle);
    const [{ id: bInsats }] = await api.ds.query(
      "SELECT id FROM insats WHERE organisation_id = $1 AND key = 'stegen'",
      [bOrg],
    );
    const bSubmission = await api.ok<{ startSubmission: { id: string } }>(
      'mutation($i: ID!){ startSubmission(insatsId: $i, period: "HELAR-2025"){ id } }',
      { i: bInsats },
      await token('projektagare'),
    );
    const bCopy = await upload(api, await token('kansli'), pdf, 'kopia.pdf', { organisationId: bOrg });
    expect(bCopy.status).toBe(201);
    // B's board has a round of its own open, so that mySurveyForms answers B's form and never A's.
    await api.ok(OPEN, { o: bOrg, s: 'STYRELSE' }, await token('chef'));

    s = {
      aBundle,
      a: {
        organisationId: aOrg,
        slug: A.slug,
        insatsId: aInsats,
        submissionId: aSubmission,
        draftSubmissionId: draft.startSubmission.id,
        commentId: comment.addComment,
        parentId: comment.addComment,
        fileId: bilaga.body.id,
        sieFileId: sie.body.id,
        reportId: report.id,
        reportPdfFileId: report.pdfFileId,
        requestId: signing.createSigningRequest.id,
        orderRef: order.startBankIdSigning.orderRef,
        collectionId: boardRound.openSurveyCollection.collection.id,
        codesCollectionId: codesRound.openSurveyCollection.collection.id,
        linkId: codesRound.openSurveyCollection.collection.linkId,
        mandateId: aMandate.id,
        boardPersonId: aMandate.person_id,
        logoFileId: logo.body.id,
      },
      b: {
        organisationId: bOrg,
        insatsId: bInsats,
        submissionId: bSubmission.startSubmission.id,
        fileId: bCopy.body.id,
      },
    };
    tables = await tenantTables(api.ds);
    initial = await fingerprint(api.ds, tables, aOrg);
  }, 300_000);

  afterAll(async () => {
    await worker?.close();
    await api?.close();
    await bankid.stop();
  });

  describe('coverage', () => {
    it('has a row for every query, mutation and subscription in schema.graphql and the running app, and none extra', () => {
      const inSchema = new Set([...operations.map((o) => o.key), ...liveOperationKeys(api.app)]);
      const missing = [...inSchema].filter((k) => !(k in OPERATIONS)).sort();
      const gone = Object.keys(OPERATIONS)
        .filter((k) => !inSchema.has(k))
        .sort();
      expect({ missing, gone }).toEqual({ missing: [], gone: [] });
      expect(inSchema.size).toBeGreaterThan(50);
    });

    it('has a row for every HTTP route the app registers, and none extra', () => {
      const live = httpRoutes(api.app);
      expect({
        missing: live.filter((r) => !(r in ROUTES)),
        gone: Object.keys(ROUTES).filter((r) => !live.includes(r)),
      }).toEqual({ missing: [], gone: [] });
      expect(live).toContain('GET /files/:id');
    });

    it('gives every exemption a reason, and proves platform-admin-only operations refused', () => {
      for (const [key, e] of Object.entries(OPERATIONS)) {
        if ('exempt' in e) expect([key, e.why.length > 20]).toEqual([key, true]);
        else expect([key, e.attempts.length > 0]).toEqual([key, true]);
        // An own-account exemption holds only while the operation takes no id of anything.
        const field = operations.find((o) => o.key === key)?.field;
        if ('exempt' in e && e.exempt === 'own account' && field)
          expect([
            key,
            field.args.filter((a) => getNamedType(a.type).name === 'ID').map((a) => a.name),
          ]).toEqual([key, []]);
      }
    });
  });

  describe('förbund B’s people against förbund A', () => {
    it.each(operations.map((o) => [o.key, o] as const))('%s', async (key, op) => {
      const entry = OPERATIONS[key];
      if (!entry)
        throw new Error(`${key} has no row in the isolation matrix: add an isolation case or an exemption`);
      if ('exempt' in entry) return;
      const marks = markers(s);
      for (const attempt of entry.attempts) {
        for (const caller of attempt.as ?? EVERYONE) {
          const args = argsFor(op.field, s.a, attempt.args?.(s) ?? {});
          const before = await fingerprint(api.ds, tables, s.a.organisationId);
          const call = async (vars: ArgValues): Promise<{ status: number; text: string; r: GqlResult }> => {
            const doc = documentFor(op, vars, attempt.select);
            if (op.kind !== 'Subscription') return raw(doc, vars, await token(caller));
            const r = await subscribe(op.key, doc, vars, await token(caller));
            return { status: 0, text: JSON.stringify(r), r };
          };
          const known = await call(args);
          const r = known.r;
          const label = `${key} as B's ${caller} with ${JSON.stringify(args).slice(0, 200)}`;
          if (attempt.expect === 'refused') {
            // No existence leak: A's real ids are answered exactly like made-up ones (status and every byte).
            const unknownArgs = withUnknownIds(args, s.a);
            if (unknownArgs) {
              const unknown = await call(unknownArgs);
              expect({ label, status: known.status, answer: known.text }).toEqual({
                label,
                status: unknown.status,
                answer: unknown.text,
              });
            }
            const got = codes(r);
            expect({ label, data: r.data?.[op.name] ?? null, refused: got.length > 0 }).toEqual({
              label,
              data: null,
              refused: true,
            });
            expect({ label, codes: got.filter((c) => !(attempt.codes ?? REFUSED).includes(c)) }).toEqual({
              label,
              codes: [],
            });
          } else {
            // The caller's own answer; a nested field their role may not see (e.g. people) may be refused.
            const topLevel = (r.errors ?? []).filter(
              (e) => (e.path ?? []).length < 2 || e.extensions?.code !== 'FORBIDDEN',
            );
            expect({ label, errors: topLevel, answered: r.data?.[op.name] != null }).toEqual({
              label,
              errors: [],
              answered: true,
            });
            attempt.check?.(r.data?.[op.name], caller, s);
          }
          if (!attempt.echoesInput) expect({ label, leaked: leaks(r, marks) }).toEqual({ label, leaked: [] });
          expect({
            label,
            changed: changed(before, await fingerprint(api.ds, tables, s.a.organisationId)),
          }).toEqual({ label, changed: [] });
        }
      }
    });

    it.each(Object.keys(ROUTES))('%s', async (route) => {
      const entry = ROUTES[route];
      if ('exempt' in entry) return;
      const before = await fingerprint(api.ds, tables, s.a.organisationId);
      await entry.run({ api, s, token });
      expect(changed(before, await fingerprint(api.ds, tables, s.a.organisationId))).toEqual([]);
    });

    it('still tells FORBIDDEN to those who know the förbund: its own people lacking the role, the platform admin', async () => {
      // Only the förbundschef writes the report texts. A's kansli and projektägare are members of A, and the
      // platform admin sees every förbund: none of them learns anything from FORBIDDEN. B's chef is told NOT_FOUND.
      const SAVE_TEXTS =
        'mutation($o: ID!){ saveReportTexts(organisationId: $o, kind: ARSREDOVISNING, year: 2025, version: 0, texts: {}){ version } }';
      const vars = { o: s.a.organisationId };
      const answers: Record<string, string[]> = {};
      for (const [who, bearer] of [
        ['A kansli', await token(`kansli@${A.slug}.example`)],
        ['A projektagare', await token(`projektagare.stegen@${A.slug}.example`)],
        ['platform admin', await api.adminToken()],
        ["B's chef", await token('chef')],
      ] as const)
        answers[who] = codes(await api.gql(SAVE_TEXTS, vars, bearer));
      expect(answers).toEqual({
        'A kansli': ['FORBIDDEN'],
        'A projektagare': ['FORBIDDEN'],
        'platform admin': ['FORBIDDEN'],
        "B's chef": ['NOT_FOUND'],
      });
    });

    it('leaves all of förbund A as it was seeded', async () => {
      expect(changed(initial, await fingerprint(api.ds, tables, s.a.organisationId))).toEqual([]);
    });
  });

  /**
   * One subscription over graphql-ws: its error, or its first event. inboxChanged, which takes no id, is proven by
   * counting: once B's person is subscribed, two changes in A and one in B bring exactly one event, with nothing of A.
   */
  async function subscribe(
    key: string,
    query: string,
    variables: ArgValues,
    bearer: string,
  ): Promise<GqlResult> {
    const client = createClient({
      url: api.url.replace('http', 'ws') + '/graphql',
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${bearer}` },
      retryAttempts: 0,
    });
    const events: GqlResult[] = [];
    let failed: GqlResult | null = null;
    const finished = new Promise<void>((resolve) => {
      client.subscribe(
        { query, variables },
        {
          next: (m) => void events.push(m as GqlResult),
          error: (e) => {
            failed = {
              errors: Array.isArray(e) ? e : [{ message: String(e), extensions: { code: 'CLOSED' } }],
            };
            resolve();
          },
          complete: () => resolve(),
        },
      );
    });
    try {
      if (key !== 'Subscription.inboxChanged') {
        await Promise.race([finished, until(() => events.length > 0)]);
        return failed ?? events[0] ?? {};
      }
      // Registered once an own change arrives (then quiet). Then A's follow-up changes twice (published as its
      // save publishes it, so that A's data stays as seeded) and B's once: B's person gets one event.
      await saveUntil(s.b.submissionId, await token('projektagare'), () => events.length > 0);
      await settle(() => events.length);
      const seen = events.length;
      const changes = api.app.get(SubmissionEvents);
      changes.publish(s.a.draftSubmissionId, s.a.organisationId);
      changes.publish(s.a.submissionId, s.a.organisationId);
      await save(s.b.submissionId, await token('projektagare'));
      await until(() => events.length > seen);
      await settle(() => events.length);
      expect({ key, eventsAfterTwoChangesInAAndOneInB: events.length - seen }).toEqual({
        key,
        eventsAfterTwoChangesInAAndOneInB: 1,
      });
      return events[events.length - 1];
    } finally {
      await client.dispose();
    }
  }

  /** A GraphQL call over HTTP: the status, the body exactly as sent, and the body read. */
  async function raw(
    query: string,
    variables: ArgValues,
    bearer: string,
  ): Promise<{ status: number; text: string; r: GqlResult }> {
    const res = await request(api.url)
      .post('/graphql')
      .set('content-type', 'application/json')
      .set('apollo-require-preflight', 'true')
      .set('authorization', `Bearer ${bearer}`)
      .send({ query, variables });
    return { status: res.status, text: res.text, r: res.body as GqlResult };
  }

  async function save(id: string, bearer: string): Promise<void> {
    const [{ version }] = await api.ds.query('SELECT version FROM submission WHERE id = $1', [id]);
    await api.ok(
      'mutation($id: ID!, $v: Int!, $a: JSON!){ saveSubmission(id: $id, version: $v, answers: $a){ version } }',
      { id, v: version, a: { verksamhet: `Sparad ${Date.now()}` } },
      bearer,
    );
  }

  async function saveUntil(id: string, bearer: string, done: () => boolean): Promise<void> {
    for (let i = 0; i < 100 && !done(); i++) {
      await save(id, bearer);
      await until(done, 100);
    }
  }
});

/** Waits until `count()` has not changed for half a second (events already on their way have arrived). */
async function settle(count: () => number): Promise<void> {
  for (let last = -1; last !== count();) {
    last = count();
    await new Promise((r) => setTimeout(r, 500));
  }
}

/** Waits until `done()` holds, at most `ms` milliseconds. */
async function until(done: () => boolean, ms = 10_000): Promise<void> {
  for (let t = 0; t < ms && !done(); t += 20) await new Promise((r) => setTimeout(r, 20));
}
