import { z } from 'zod';

/**
 * Every audit action, one typed event each: the action's name and the schema of its payload. The writer
 * checks the payload against the schema inside the change's transaction (a wrong payload rolls the change
 * back), and readers (the signing certificate, the web's history, the audit view) parse what was written
 * with the same schema. A new action is added here first; nothing else may write an action.
 */
const id = z.string().min(1);
const reason = z.string();
const decimal = z.string().regex(/^-?\d+(\.\d+)?$/);

const submissionTransition = z.looseObject({
  version: z.number().int(),
  step: z.number().int().nullable().optional(),
  comment: z.string().optional(),
  answersHash: z.string().optional(),
  stepCompleted: z.string().optional(),
  seenVersion: z.number().int().optional(),
  signed: z.object({ method: z.string(), contentHash: z.string() }).optional(),
});

/** A change of an insats by the kansli: the fields that changed, each with its value before and after. */
const insatsChange = z.looseObject({
  key: z.string(),
  version: z.number().int(),
  changes: z.record(z.string(), z.object({ from: z.unknown(), to: z.unknown() })),
});

export const AUDIT_EVENTS = {
  'organisation.created_from_bundle': z.looseObject({ slug: z.string(), changes: z.number().int() }),
  'organisation.created': z.looseObject({
    slug: z.string(),
    name: z.string(),
    organisationNumber: z.string(),
    forbundschefId: z.string(),
    invited: z.boolean(),
  }),
  'organisation.bundle_imported': z.looseObject({ slug: z.string(), changes: z.number().int() }),
  'person.invited': z.looseObject({ email: z.string(), expires: z.string() }),
  'person.invitation_accepted': z.looseObject({}),
  'person.password_changed': z.looseObject({}),
  'person.saved': z.looseObject({}),
  'person.removed': z.looseObject({}),
  'person.renamed': z.looseObject({
    from: z.string(),
    to: z.string(),
    by: z.enum(['SELF', 'PLATFORM_ADMIN', 'KANSLI']),
  }),
  'person.email_changed': z.looseObject({
    from: z.string(),
    to: z.string(),
    by: z.enum(['SELF', 'PLATFORM_ADMIN']),
  }),
  'person.personal_number_changed': z.looseObject({ registered: z.boolean() }),
  'person.factor_enrolled': z.looseObject({ factor: z.string() }),
  'person.factor_removed': z.looseObject({ factor: z.string() }),
  'platform_admin.ensured': z.looseObject({}),
  'template.published': z.looseObject({ key: z.string(), version: z.number().int() }),
  'submission.started': z.looseObject({ period: z.string(), insatsId: id }),
  'submission.saved': submissionTransition,
  'submission.submitted': submissionTransition,
  'submission.approved': submissionTransition,
  'submission.returned': submissionTransition,
  'submission.withdrawn': submissionTransition,
  'submission.reopened': z.looseObject({
    reason: z.string(),
    newRevisionId: id.optional(),
    revision: z.number().int().optional(),
    version: z.number().int().optional(),
  }),
  'submission.revision_started': z.looseObject({ previousRevisionId: id, revision: z.number().int() }),
  'submission.commented': z.looseObject({ commentId: id, path: z.string().nullable().optional() }),
  'submission.comment_resolved': z.looseObject({ commentId: id }),
  'ledger.sie_imported': z.looseObject({ year: z.number().int(), version: z.number().int() }),
  'budget.saved': z.looseObject({
    year: z.number().int(),
    decided: z.string(),
    kind: z.enum(['ORDINARY', 'SUPPLEMENTARY']),
    version: z.number().int().optional(),
  }),
  'forecast.saved': z.looseObject({
    year: z.number().int(),
    asOf: z.string(),
    version: z.number().int().optional(),
  }),
  'key_figures.staff_saved': z.looseObject({
    year: z.number().int(),
    staff: z.number().int(),
    prior: z.number().int().nullable(),
  }),
  'funding.saved': z.looseObject({
    year: z.number().int(),
    party: z.string(),
    amount: decimal,
    version: z.number().int().optional(),
  }),
  // The förbund's financial set-up (issue 18): what the row became, and its new version.
  'cost_centre.saved': z.looseObject({
    code: z.string(),
    name: z.string(),
    category: z.string(),
    split: z.array(z.looseObject({ purpose: z.string(), share: decimal })).nullable(),
    version: z.number().int(),
    created: z.boolean(),
  }),
  'party.saved': z.looseObject({
    key: z.string(),
    name: z.string(),
    kind: z.string(),
    version: z.number().int(),
    created: z.boolean(),
  }),
  'kommun_key.saved': z.looseObject({
    shares: z.record(z.string(), decimal),
    previous: z.record(z.string(), decimal).nullable(),
    version: z.number().int(),
  }),
  'financial_goal.saved': z.looseObject({
    year: z.number().int(),
    key: z.string(),
    metric: z.string(),
    op: z.string(),
    value: decimal,
    version: z.number().int(),
    created: z.boolean(),
  }),
  'financial_goal.removed': z.looseObject({
    year: z.number().int(),
    key: z.string(),
    version: z.number().int(),
  }),
  'file.uploaded': z.looseObject({ name: z.string(), size: z.number().int() }),
  /** The förbund's logo for its published reports (issue 18.4): the file, its size in pixels, the one it replaced. */
  'organisation.logo_set': z.looseObject({
    fileId: z.string(),
    sha256: z.string(),
    width: z.number().int(),
    height: z.number().int(),
    previousFileId: z.string().nullable(),
  }),
  /** The förbund's logo taken off its reports; the file itself stays under the storage's normal rules. */
  'organisation.logo_removed': z.looseObject({ fileId: id }),
  'report.requested': z.looseObject({ kind: z.string(), year: z.number().int(), version: z.number().int() }),
  'report.compiled': z.looseObject({ kind: z.string(), year: z.number().int(), version: z.number().int() }),
  'report.failed': z.looseObject({ reason }),
  'report_texts.saved': z.looseObject({ version: z.number().int(), keys: z.array(z.string()) }),
  'insats.created': z.looseObject({
    key: z.string(),
    version: z.number().int(),
    snapshot: z.looseObject({}),
  }),
  'insats.updated': insatsChange,
  'insats.ended': insatsChange.extend({ end: z.string() }),
  'insats.deleted': z.looseObject({
    key: z.string(),
    version: z.number().int(),
    snapshot: z.looseObject({}),
  }),
  'report_structure.saved': z.looseObject({
    kind: z.enum(['ARSREDOVISNING', 'DELARSRAPPORT']),
    version: z.number().int().positive(),
    sections: z.array(z.string()),
    added: z.array(z.string()),
    removed: z.array(z.string()),
    renamed: z.array(z.object({ id: z.string(), from: z.string(), to: z.string() })),
  }),
  'report_settings.saved': z.looseObject({
    delarEnd: z.string(),
    deviationSign: z.string(),
    driftColumns: z.array(z.string()),
  }),
  'follow_up.exempted': z.looseObject({
    insatsId: id,
    period: z.string().regex(/^(DELAR|HELAR)-\d{4}$/),
    reason: z.string().trim().min(1),
    previousReason: z.string().nullable(),
  }),
  'follow_up.exemption_removed': z.looseObject({
    insatsId: id,
    period: z.string().regex(/^(DELAR|HELAR)-\d{4}$/),
    reason,
  }),
  'signing.created': z.looseObject({ reportId: id, signers: z.number().int() }),
  'signing.override': z.looseObject({ reason }),
  'signing.sent': z.looseObject({ to: z.string() }),
  'signing.viewed': z.looseObject({}),
  'signing.attempt_refused': z.looseObject({ reason }),
  'signing.signed': z.looseObject({ method: z.string() }),
  'signing.declined': z.looseObject({ reason }),
  'signing.cancelled': z.looseObject({ reason }),
  'signing.reminded': z.looseObject({ signers: z.number().int().min(1), round: z.number().int().min(1) }),
  'signing.sealed': z.looseObject({
    sealedFileId: id,
    signers: z.number().int(),
    /** The PAdES baseline level the seal reached. */
    level: z.enum(['B-B', 'B-T', 'B-LT']).optional(),
    /** The förbund's audit chain head written into the sealed PDF (its anchor). */
    auditHead: z
      .object({ seq: z.number().int().min(1), hash: z.string().regex(/^[0-9a-f]{64}$/) })
      .nullable()
      .optional(),
  }),
  'signing.seal_failed': z.looseObject({ reason }),
  'signing.seal_retried': z.looseObject({ retry: z.number().int().min(1) }),
  'signing.substituted': z.looseObject({ inPlaceOf: z.string(), by: z.string(), reason: z.string().min(1) }),
  'bankid.order_started': z.looseObject({ orderRef: z.string() }),
  'bankid.order_completed': z.looseObject({ orderRef: z.string() }),
  'nns.catalogue_loaded': z.looseObject({ version: z.number().int(), catalogueKey: z.string() }),
  'plan.started': z.looseObject({ year: z.number().int(), revision: z.number().int() }),
  'plan.saved': z.looseObject({ year: z.number().int(), version: z.number().int() }),
  'plan.sent_for_decision': z.looseObject({ year: z.number().int(), reportId: id }),
  'plan.decided': z.looseObject({ year: z.number().int(), reportId: id, decidedAt: z.string() }),
  'survey.national_consent_saved': z.looseObject({ optedIn: z.boolean(), decidedAt: z.string() }),
  'survey.collection_opened': z.looseObject({
    year: z.number().int(),
    survey: z.string(),
    asked: z.number().int(),
  }),
  'survey.collection_closed': z.looseObject({ answered: z.number().int(), asked: z.number().int() }),
  'survey.answer_received': z.strictObject({}),
  'survey.settings_saved': z.looseObject({
    indicators: z.array(z.number().int()),
    minGroupSize: z.number().int(),
  }),
  'person.network_account_created': z.looseObject({ email: z.string() }),
  'survey.counts_imported': z.looseObject({
    year: z.number().int(),
    version: z.number().int(),
    replaced: z.boolean(),
    catalogueVersion: z.number().int(),
  }),
  'board.mandate_saved': z.looseObject({
    person: z.string(),
    role: z.enum(['STYRELSELEDAMOT', 'STYRELSEERSATTARE', 'REVISOR']),
    appointedBy: z.string().nullable(),
    from: z.string().nullable(),
    to: z.string().nullable(),
    created: z.boolean(),
    version: z.number().int(),
  }),
  'board.mandate_removed': z.looseObject({ person: z.string(), role: z.string(), roleRemoved: z.boolean() }),
} as const;

export type AuditAction = keyof typeof AUDIT_EVENTS;
export type AuditPayload<A extends AuditAction> = z.input<(typeof AUDIT_EVENTS)[A]>;

export const AUDIT_ACTIONS = Object.keys(AUDIT_EVENTS) as AuditAction[];

export function isAuditAction(action: string): action is AuditAction {
  return Object.prototype.hasOwnProperty.call(AUDIT_EVENTS, action);
}

export class AuditPayloadError extends Error {
  constructor(
    readonly action: string,
    readonly issues: string[],
  ) {
    super(`audit payload of ${action} does not match its schema: ${issues.join('; ')}`);
  }
}

/** Checks a payload against its action's schema; throws (in English, for logs) when it does not match. */
export function checkAuditPayload<A extends AuditAction>(
  action: A,
  payload: unknown,
): Record<string, unknown> {
  if (!isAuditAction(action)) throw new AuditPayloadError(action, ['unknown action']);
  const r = AUDIT_EVENTS[action].safeParse(payload ?? {});
  if (!r.success)
    throw new AuditPayloadError(
      action,
      r.error.issues.map((i) => `${i.path.join('.') || '(payload)'}: ${i.message}`),
    );
  return r.data as Record<string, unknown>;
}

/** Reads a stored payload back through its schema; an unknown or malformed entry is reported, not hidden. */
export function readAuditPayload(
  action: string,
  payload: unknown,
): { ok: true; payload: Record<string, unknown> } | { ok: false; reason: string } {
  if (!isAuditAction(action)) return { ok: false, reason: `unknown action ${action}` };
  const r = AUDIT_EVENTS[action].safeParse(payload ?? {});
  return r.success
    ? { ok: true, payload: r.data as Record<string, unknown> }
    : { ok: false, reason: r.error.issues.map((i) => i.message).join('; ') };
}
