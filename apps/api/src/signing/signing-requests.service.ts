import { Inject, Injectable } from '@nestjs/common';
import {
  AuditAction,
  decideRequest,
  decideSigner,
  groupFor,
  isIsoDate,
  mandateCovers,
  MAIL_ROUTES,
  Principal,
  REFUSAL_MESSAGE,
  Role,
  rolesIn,
  signersAt,
  signerRoleText,
  decideSubstitution,
  SUBSTITUTION_REFUSAL_MESSAGE,
  signingRequestMail,
  swedishDate,
  webBaseUrl,
} from '@app/domain';
import {
  AppConfig,
  appendAudit,
  boardMandates,
  enqueueJob,
  JobName,
  planSentForDecision,
  Tx,
  UnitOfWork,
  WriteTx,
} from '@app/infra';
import { AppError } from '../common/errors/app-error';
import { APP_CONFIG } from '../common/infra/tokens';
import { BoardError, SigningError } from '../common/errors/error-codes';
import { FilesService } from '../files/files.service';
import * as store from './signing.store';
import { RequestRow } from './signing.store';
import { SigningOrder, SigningRequestType } from './signing.types';
import { checkReasonLength } from './reason-limit';

/** Signing requests on a report version: create, send to the signers in turn, view, cancel, read. */
@Injectable()
export class SigningRequestsService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly files: FilesService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async request(tx: Tx, id: string, lock = false): Promise<RequestRow> {
    const r = await store.request(tx, id, lock);
    if (!r) throw new AppError(SigningError.NOT_FOUND, 'Signeringsbegäran finns inte.');
    return r;
  }

  async create(
    p: Principal,
    reportId: string,
    order: SigningOrder,
    expiresInDays: number,
    reminderDays: number | null,
    overrideReason: string | null,
    decisionDate: string | null = null,
  ): Promise<SigningRequestType> {
    checkReasonLength(overrideReason, '$.overrideReason');
    const rep = await this.uow.read((tx) => store.report(tx, reportId));
    if (rep?.status !== 'READY')
      throw new AppError(
        SigningError.NOT_READY,
        'Rapporten är inte färdig och kan inte skickas för underskrift.',
      );
    if (rep.checks_passed === false && !overrideReason?.trim()) {
      throw new AppError(
        SigningError.OVERRIDE_REQUIRED,
        'Rapporten har kontroller som inte är godkända. Förbundschefen måste ange en skriftlig motivering för att ändå skicka den för underskrift.',
        {
          details: [{ path: '$.overrideReason', message: 'krävs när kontroller inte är godkända' }],
        },
      );
    }
    if (!Number.isInteger(expiresInDays) || expiresInDays < 1 || expiresInDays > 365) {
      throw new AppError(SigningError.REASON_REQUIRED, 'Ange giltighetstid i dagar (1–365).', {
        details: [{ path: '$.expiresInDays', message: '1–365' }],
      });
    }
    const sha256 = (await this.uow.read((tx) => store.fileSha256(tx, rep.pdf_file_id))) as string;
    // The signers are those sitting on the day the board decides the report (it may have changed since year-end).
    const date = decisionDate ?? swedishDate(new Date());
    if (!isIsoDate(date))
      throw new AppError(SigningError.REASON_REQUIRED, 'Ange beslutsdatum som ÅÅÅÅ-MM-DD.', {
        details: [{ path: '$.decisionDate', message: 'ska vara ett datum ÅÅÅÅ-MM-DD' }],
      });
    const mandates = await this.uow.read((tx) => boardMandates(tx, rep.organisation_id));
    const people: store.Candidate[] = signersAt(mandates, date, rep.kind).map((m) => ({
      person_id: m.personId,
      name: m.name,
      email: m.email,
      role: m.role,
      title: m.title,
    }));
    if (!people.length)
      throw new AppError(
        SigningError.NO_SIGNERS,
        `Förbundet har inga ledamöter eller revisorer med mandat ${date} att skicka till.`,
      );
    const id = await this.uow.write(async (tx) => {
      if (await store.hasOpenRequest(tx, reportId))
        throw new AppError(
          SigningError.ALREADY_OPEN,
          'Rapporten har redan en öppen signeringsbegäran; avbryt den först.',
        );
      const requestId = await store.insertRequest(tx, {
        organisationId: rep.organisation_id,
        reportId,
        fileId: rep.pdf_file_id,
        sha256,
        order,
        expiresInDays,
        reminderDays,
        overrideReason,
        createdBy: p.personId,
        decisionDate: date,
      });
      await planSentForDecision(tx, reportId, p.personId);
      const first = Math.min(...people.map((x, i) => groupFor(order, i, x.role)));
      // Everyone starts NOT_SENT; the first group is then sent through the signer transition.
      for (const [i, x] of people.entries())
        await store.insertSigner(tx, requestId, x, i, groupFor(order, i, x.role), 'NOT_SENT');
      const audit = (action: AuditAction, payload: Record<string, unknown>) =>
        appendAudit(tx, {
          organisationId: rep.organisation_id,
          actorId: p.personId,
          action,
          entityType: 'signing_request',
          entityId: requestId,
          payload,
          documentHash: sha256,
        });
      await audit('signing.created', {
        reportId,
        order,
        signers: people.length,
        expiresInDays,
        decisionDate: date,
      });
      // Reminders every N days while the request is open (at most ten).
      if (reminderDays && reminderDays > 0) {
        for (let round = 1; round <= Math.min(10, Math.floor((expiresInDays - 1) / reminderDays)); round++) {
          await enqueueJob(
            tx,
            JobName.SIGNING_REMINDER,
            { requestId, round },
            {
              organisationId: rep.organisation_id,
              delayUntil: new Date(Date.now() + round * reminderDays * 24 * 3600 * 1000),
            },
          );
        }
      }
      if (overrideReason) await audit('signing.override', { reason: overrideReason });
      await this.send(
        tx,
        requestId,
        rep.organisation_id,
        people.filter((x, i) => groupFor(order, i, x.role) === first).map((x) => x.person_id),
      );
      return requestId;
    });
    return this.get(id);
  }

  /** Mails the signers who are now asked, and records that they were. */
  async send(tx: WriteTx, requestId: string, organisationId: string, personIds: string[]): Promise<void> {
    const sent = decideSigner('NOT_SENT', 'send');
    if (!sent.ok) return;
    const r = await this.request(tx, requestId);
    const doc = await store.documentTitleInfo(tx, requestId);
    const link = `${webBaseUrl(this.config)}${MAIL_ROUTES.report(r.report_id)}`;
    for (const x of await store.people(tx, personIds)) {
      await store.moveSigner(tx, requestId, x.id, sent);
      await appendAudit(tx, {
        organisationId,
        actorId: null,
        action: 'signing.sent',
        entityType: 'signing_request',
        entityId: requestId,
        payload: { to: x.name },
      });
      await enqueueJob(
        tx,
        JobName.SEND_EMAIL,
        {
          eventId: `signing-${requestId}-sent`,
          to: x.email,
          ...signingRequestMail({
            name: x.name,
            organisationName: doc.name,
            kind: doc.kind,
            year: doc.year,
            expiresAt: r.expires_at,
            link,
          }),
        },
        { organisationId },
      );
    }
  }

  async get(id: string): Promise<SigningRequestType> {
    const r = await this.uow.read((tx) => this.request(tx, id));
    const signers = await this.uow.read((tx) => store.signerViews(tx, id));
    const expired = decideRequest(r.status, 'expire').ok && new Date(r.expires_at).getTime() < Date.now();
    return {
      id: r.id,
      reportId: r.report_id,
      status: expired ? 'EXPIRED' : r.status,
      orderMode: r.order_mode,
      decisionDate: r.decision_date,
      expiresAt: new Date(r.expires_at).toISOString(),
      documentSha256: r.document_sha256,
      sealedPdfFileId: r.sealed_file_id,
      failureReason: r.failure_reason,
      signers: signers.map((x) => ({ ...x, roleText: signerRoleText(x) })),
    };
  }

  async forReport(reportId: string): Promise<SigningRequestType | null> {
    const id = await this.uow.read((tx) => store.latestRequestId(tx, reportId));
    return id ? this.get(id) : null;
  }

  /**
   * An ersättare signs in a ledamot's place (issue 18.2): the ersättare must hold an ersättare mandate on the
   * request's decision date, appointed by the ledamot's party, and the reason is recorded on the signer row, in the
   * audit trail and so on the signeringsintyg. One transaction; the ersättare is asked at once if the ledamot was.
   */
  async substitute(
    p: Principal,
    requestId: string,
    ledamotPersonId: string,
    ersattarePersonId: string,
    reason: string,
  ): Promise<SigningRequestType> {
    checkReasonLength(reason);
    const r = await this.uow.read((tx) => this.request(tx, requestId));
    const mine = rolesIn(p, r.organisation_id);
    if (!mine.includes(Role.FORBUNDSCHEF) && !mine.includes(Role.ADMIN) && ersattarePersonId !== p.personId)
      throw new AppError(
        SigningError.NOT_ON_LIST,
        'En ersättare kan bara träda in själv; kansliet eller förbundschefen kan utse vilken ersättare som helst.',
      );
    await this.uow.write(async (tx) => {
      const current = await this.request(tx, requestId, true);
      if (current.status !== 'OPEN') throw new AppError(SigningError.REFUSED, REFUSAL_MESSAGE.NOT_OPEN);
      const mandates = await boardMandates(tx, r.organisation_id);
      const date = current.decision_date ?? swedishDate(new Date());
      const signers = await store.signers(tx, requestId);
      const ledamot = signers.find((x) => x.personId === ledamotPersonId);
      const seat = mandates.find(
        (m) => m.personId === ledamotPersonId && m.role === 'STYRELSELEDAMOT' && mandateCovers(m, date),
      );
      const d = decideSubstitution({
        signers,
        ledamotPersonId,
        ledamotParty: seat?.appointedBy ?? null,
        ersattarePersonId,
        mandates,
        decisionDate: date,
        reason,
      });
      if (!d.ok)
        throw new AppError(BoardError.SUBSTITUTION_REFUSED, SUBSTITUTION_REFUSAL_MESSAGE[d.reason], {
          details: [{ path: d.reason === 'REASON_REQUIRED' ? '$.reason' : '$.personId', message: d.reason }],
        });
      const by = { personId: ersattarePersonId, name: d.mandate.name };
      const place = { personId: ledamotPersonId, name: ledamot!.name };
      if (!(await store.substituteSigner(tx, requestId, place, by, reason.trim())))
        throw new AppError(BoardError.SUBSTITUTION_REFUSED, SUBSTITUTION_REFUSAL_MESSAGE.ALREADY_DONE);
      await appendAudit(tx, {
        organisationId: r.organisation_id,
        actorId: p.personId,
        action: 'signing.substituted',
        entityType: 'signing_request',
        entityId: requestId,
        payload: { inPlaceOf: place.name, by: by.name, reason: reason.trim() },
        documentHash: r.document_sha256,
      });
      if (ledamot!.state !== 'NOT_SENT') await this.send(tx, requestId, r.organisation_id, [by.personId]);
    });
    return this.get(requestId);
  }

  /** The signer opens the document: recorded, and a short-lived link that shows it in the browser. */
  async view(p: Principal, requestId: string): Promise<string> {
    const r = await this.uow.read((tx) => this.request(tx, requestId));
    const viewed = decideSigner('SENT', 'view');
    await this.uow.write(async (tx) => {
      if (viewed.ok && (await store.moveSigner(tx, requestId, p.personId, viewed)))
        await appendAudit(tx, {
          organisationId: r.organisation_id,
          actorId: p.personId,
          action: 'signing.viewed',
          entityType: 'signing_request',
          entityId: requestId,
          documentHash: r.document_sha256,
        });
    });
    // Shown in the page's PDF viewer, not downloaded.
    return `${this.files.signedPath(r.document_file_id)}&disposition=inline`;
  }

  async cancel(p: Principal, requestId: string, reason: string): Promise<SigningRequestType> {
    checkReasonLength(reason);
    if (!reason.trim())
      throw new AppError(SigningError.REASON_REQUIRED, 'Ange varför begäran avbryts.', {
        details: [{ path: '$.reason', message: 'krävs' }],
      });
    const r = await this.uow.read((tx) => this.request(tx, requestId));
    if (!rolesIn(p, r.organisation_id).includes(Role.FORBUNDSCHEF))
      throw new AppError(SigningError.NOT_ON_LIST, 'Endast förbundschefen kan avbryta en signeringsbegäran.');
    await this.uow.write(async (tx) => {
      const current = await this.request(tx, requestId, true);
      const t = decideRequest(current.status, 'cancel');
      if (!t.ok || !(await store.moveRequest(tx, requestId, t, reason)))
        throw new AppError(SigningError.REFUSED, REFUSAL_MESSAGE.NOT_OPEN);
      await appendAudit(tx, {
        organisationId: r.organisation_id,
        actorId: p.personId,
        action: 'signing.cancelled',
        entityType: 'signing_request',
        entityId: requestId,
        payload: { reason },
      });
    });
    return this.get(requestId);
  }

  /**
   * A seal that failed for good is tried again (the signatures stand): SEAL_FAILED → SEALING with a seal job of
   * its own, in one transaction with its audit entry. Only the förbund's förbundschef.
   */
  async retrySeal(p: Principal, requestId: string): Promise<SigningRequestType> {
    const r = await this.uow.read((tx) => this.request(tx, requestId));
    if (!rolesIn(p, r.organisation_id).includes(Role.FORBUNDSCHEF))
      throw new AppError(SigningError.NOT_ON_LIST, 'Endast förbundschefen kan försöka försegla igen.');
    await this.uow.write(async (tx) => {
      const t = decideRequest((await this.request(tx, requestId, true)).status, 'retrySeal');
      const retry = t.ok ? await store.retrySeal(tx, requestId, t) : null;
      if (retry === null)
        throw new AppError(
          SigningError.REFUSED,
          'Förseglingen har inte misslyckats; det finns inget att försöka igen.',
        );
      await appendAudit(tx, {
        organisationId: r.organisation_id,
        actorId: p.personId,
        action: 'signing.seal_retried',
        entityType: 'signing_request',
        entityId: requestId,
        fromState: 'SEAL_FAILED',
        toState: 'SEALING',
        payload: { retry },
      });
      await enqueueJob(
        tx,
        JobName.SEAL_SIGNED_DOCUMENT,
        { requestId, retry },
        { organisationId: r.organisation_id },
      );
    });
    return this.get(requestId);
  }
}
