import { Inject, Injectable } from '@nestjs/common';
import { Principal, REFUSAL_MESSAGE, SIGN_METHOD_LABEL } from '@app/domain';
import { AppConfig, appendAudit, enqueueJob, JobName, UnitOfWork } from '@app/infra';
import { AppError } from '../common/errors/app-error';
import { SigningError } from '../common/errors/error-codes';
import { APP_CONFIG } from '../common/infra/tokens';
import { SigningRequestsService } from './signing-requests.service';
import * as store from './signing.store';
import * as followUp from './signing-follow-up.store';
import { ReportSigningType, SigningMethodType } from './signing-follow-up.types';

/** How long the förbundschef waits between two reminders of one request (people are not mailed daily). */
export const REMIND_INTERVAL_MS = 24 * 3600 * 1000;
/** Manual reminders get job rounds of their own, after the scheduled ones (at most ten). */
const MANUAL_ROUND_BASE = 100;

const capitalised = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * Following a signing request up: which methods a signer may use, a reminder by the förbundschef, and a report
 * version's signing in short (for the reports list and the warning before sending an outdated version).
 */
@Injectable()
export class SigningFollowUpService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly requests: SigningRequestsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Only the methods this installation has: BankID only with BANKID_URL. Each says what it needs from me. */
  async methods(p: Principal, requestId: string): Promise<SigningMethodType[]> {
    const r = await this.uow.read((tx) => this.requests.request(tx, requestId));
    const ready = await this.uow.read((tx) => followUp.readiness(tx, p.personId, r.organisation_id));
    const methods: SigningMethodType[] = [
      {
        method: 'TOTP',
        label: capitalised(SIGN_METHOD_LABEL.TOTP),
        ready: ready.totp,
        requirement:
          'Kräver en autentiseringsapp i mobilen (till exempel Microsoft Authenticator eller Google Authenticator), som du ställer in under Mitt konto.',
      },
      {
        method: 'PASSKEY',
        label: 'Passkey (säkerhetsnyckel eller enhetens upplåsning)',
        ready: ready.passkeys > 0,
        requirement: 'Kräver en passkey som du har registrerat under Mitt konto.',
      },
    ];
    if (this.config.BANKID_URL)
      methods.push({
        method: 'BANKID',
        label: SIGN_METHOD_LABEL.BANKID,
        ready: ready.personal_number,
        requirement: 'Kräver BankID och att kansliet har registrerat ditt personnummer i förbundet.',
      });
    return methods;
  }

  /**
   * The förbundschef reminds everyone asked who has not signed yet: one mail each (through the worker's reminder
   * job), audited, and at most once a day per request.
   */
  async remind(p: Principal, requestId: string): Promise<{ reminded: number; nextAllowedAt: string }> {
    return this.uow.write(async (tx) => {
      const r = await this.requests.request(tx, requestId, true);
      const expired = new Date(r.expires_at).getTime() < Date.now();
      if (r.status !== 'OPEN' || expired) throw new AppError(SigningError.REFUSED, REFUSAL_MESSAGE.NOT_OPEN);
      const waiting = (await store.signers(tx, requestId)).filter((x) =>
        ['SENT', 'VIEWED'].includes(x.state),
      );
      if (!waiting.length)
        throw new AppError(SigningError.REFUSED, 'Ingen som har fått begäran väntar med att underteckna.');
      const before = await followUp.reminders(tx, requestId);
      if (before.last && Date.now() - before.last.getTime() < REMIND_INTERVAL_MS) {
        const next = new Date(before.last.getTime() + REMIND_INTERVAL_MS);
        throw new AppError(
          SigningError.REMINDED_RECENTLY,
          'En påminnelse har redan skickats det senaste dygnet. Nästa kan skickas ett dygn efter den förra.',
          { nextAllowedAt: next.toISOString() },
        );
      }
      const round = MANUAL_ROUND_BASE + before.count + 1;
      await appendAudit(tx, {
        organisationId: r.organisation_id,
        actorId: p.personId,
        action: 'signing.reminded',
        entityType: 'signing_request',
        entityId: requestId,
        payload: { signers: waiting.length, round },
        documentHash: r.document_sha256,
      });
      await enqueueJob(
        tx,
        JobName.SIGNING_REMINDER,
        { requestId, round },
        { organisationId: r.organisation_id },
      );
      return {
        reminded: waiting.length,
        nextAllowedAt: new Date(Date.now() + REMIND_INTERVAL_MS).toISOString(),
      };
    });
  }

  /** Each report's signing in short, in the order asked (a DataLoader's batch). */
  async reportSigning(reportIds: readonly string[]): Promise<ReportSigningType[]> {
    const rows = await this.uow.read((tx) => followUp.reportSigning(tx, reportIds));
    const byId = new Map(rows.map((x) => [x.report_id, x]));
    return reportIds.map((id) => {
      const x = byId.get(id);
      const expired =
        x?.status === 'OPEN' && x.expires_at !== null && new Date(x.expires_at).getTime() < Date.now();
      return {
        status: x ? (expired ? 'EXPIRED' : x.status) : null,
        signed: x?.signed ?? 0,
        signers: x?.signers ?? 0,
        newestVersion: x?.newest_version ?? 0,
        signedVersion: x?.signed_version ?? null,
      };
    });
  }
}
