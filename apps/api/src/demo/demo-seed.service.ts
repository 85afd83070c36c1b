import { readdirSync, readFileSync, createReadStream } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { Injectable, Logger } from '@nestjs/common';
import { Principal } from '@app/domain';
import { UnitOfWork } from '@app/infra';
import { PrincipalService } from '../auth/principal.service';
import { BundleService } from '../organisations/bundle.service';
import { SieImportService } from '../ledger/sie-import.service';
import { SubmissionService } from '../submissions/submission.service';
import { personByEmail } from '../auth/auth.store';
import { activeImportOfFile } from '../ledger/sie-import.store';
import { insatsByKey } from './demo-seed.store';

/**
 * Sets up the demo förbund from the Samspelet fixture inside the repo: the bundle, both SIE files, and every
 * follow-up carried through the real workflow by the right people. Safe to run again.
 */
@Injectable()
export class DemoSeedService {
  private readonly logger = new Logger(DemoSeedService.name);

  constructor(
    private readonly uow: UnitOfWork,
    private readonly bundles: BundleService,
    private readonly sie: SieImportService,
    private readonly submissions: SubmissionService,
    private readonly principals: PrincipalService,
  ) {}

  private async as(email: string): Promise<Principal> {
    const p = await personByEmail(this.uow.reader, email);
    return (await this.principals.load(p!.id)) as Principal;
  }

  async seed(dir: string): Promise<string[]> {
    const log: string[] = [];
    const bundle = JSON.parse(readFileSync(join(dir, 'organisation.json'), 'utf8'));
    const r = await this.bundles.import(bundle, null);
    log.push(`Förbundet ${bundle.organisation.name}: ${r.changes} ändringar.`);
    const orgId = r.organisationId;
    for (const file of readdirSync(join(dir, 'sie')).sort()) {
      const path = join(dir, 'sie', file);
      const sha256 = createHash('sha256').update(readFileSync(path)).digest('hex');
      if (await activeImportOfFile(this.uow.reader, orgId, sha256)) continue;
      const imp = await this.sie.importStream(orgId, createReadStream(path), {
        fileId: null,
        sha256,
        actorId: null,
      });
      log.push(`Huvudbok ${imp.year}: ${imp.vouchers} verifikationer, ${imp.transactions} transaktioner.`);
    }
    const chef = await this.as(
      String(
        bundle.people.find((p: { roles: Array<{ role: string }> }) =>
          p.roles.some((x) => x.role === 'FORBUNDSCHEF'),
        ).email,
      ),
    );
    for (const file of readdirSync(join(dir, 'submissions')).sort()) {
      const f = JSON.parse(readFileSync(join(dir, 'submissions', file), 'utf8'));
      const insats = (await insatsByKey(this.uow.reader, orgId, f.insats))!;
      const emailOf = (role: string) =>
        bundle.people.find((p: { roles: Array<{ role: string; insats?: string }> }) =>
          p.roles.some((x) => x.role === role && x.insats === f.insats),
        ).email;
      const owner = await this.as(emailOf('PROJEKTAGARE'));
      let s = await this.submissions.start(owner, insats.id, f.period);
      if (s.status === 'APPROVED') continue;
      if (s.status === 'DRAFT' || s.status === 'RETURNED' || s.status === 'WITHDRAWN') {
        s = await this.submissions.save(owner, s.id, s.version, f.answers);
        s = await this.submissions.submit(owner, s.id, s.version);
      }
      if (s.status === 'SUBMITTED')
        s = await this.submissions.approve(
          await this.as(emailOf('STYRGRUPP')),
          s.id,
          'Styrgruppen tillstyrker.',
        );
      if (s.status === 'STYRGRUPP_APPROVED') s = await this.submissions.approve(chef, s.id, 'Godkänd.');
      log.push(`Uppföljning ${f.insats} ${f.period}: ${s.status}.`);
    }
    return log;
  }
}
