import { Injectable, Logger } from '@nestjs/common';
import { appendAudit, UnitOfWork } from '@app/infra';
import { clearOrganisationLogo } from './files.store';

/**
 * The förbund's logo on its published reports (issue 18.4). Setting it is an upload (`purpose=logo`, FilesService);
 * removing it takes it off the organisation, audited in the same transaction. The stored file itself is left to the
 * storage's normal rules (it is still one of the förbund's files, counted in its quota).
 */
@Injectable()
export class OrganisationLogoService {
  private readonly logger = new Logger(OrganisationLogoService.name);

  constructor(private readonly uow: UnitOfWork) {}

  /** Removes the logo; returns the file that was the logo, or null when there was none (nothing changes then). */
  async remove(organisationId: string, actorId: string): Promise<string | null> {
    const removed = await this.uow.write(async (tx) => {
      const fileId = await clearOrganisationLogo(tx, organisationId);
      if (fileId)
        await appendAudit(tx, {
          organisationId,
          actorId,
          action: 'organisation.logo_removed',
          entityType: 'organisation',
          entityId: organisationId,
          payload: { fileId },
        });
      return fileId;
    });
    this.logger.log({ organisationId, removed: !!removed }, 'organisation logo removed');
    return removed;
  }
}
