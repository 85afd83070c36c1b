import { Inject, Injectable, Logger } from '@nestjs/common';
import { Role, validateNewOrganisation } from '@app/domain';
import { AppConfig, appendAudit, UnitOfWork } from '@app/infra';
import { APP_CONFIG } from '../common/infra/tokens';
import { AppError } from '../common/errors/app-error';
import { OrganisationError } from '../common/errors/error-codes';
import { sendInvitation } from './invitation';
import * as people from './people.store';
import * as store from './organisation-create.store';

/** The roles of a new förbund's first person: its förbundschef, who also keeps the förbund until a kansli joins. */
export const FIRST_PERSON_ROLES = [Role.FORBUNDSCHEF, Role.ADMIN] as const;

/**
 * The platform admin creates a förbund from nothing (issue 18): its name, organisationsnummer and short name, and
 * its first förbundschef, invited by e-mail like everyone else (no password over the wire). Everything else (parties,
 * cost centres, insatser, budgets, the board) the förbund registers itself.
 */
@Injectable()
export class OrganisationCreateService {
  private readonly logger = new Logger(OrganisationCreateService.name);

  constructor(
    private readonly uow: UnitOfWork,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async create(input: unknown, actorId: string): Promise<string> {
    const v = validateNewOrganisation(input);
    if (!v.ok)
      throw new AppError(OrganisationError.INVALID, 'Förbundet kunde inte skapas; se felen per fält.', {
        details: v.issues,
      });
    const o = v.organisation;
    const id = await this.uow.platform('the platform admin creates a förbund', async (tx) => {
      // The same lock as a bundle import of this slug, so the two cannot both create it.
      await people.lockBundle(tx, o.slug);
      const held = await store.organisationsHolding(tx, o.slug, o.organisationNumber);
      if (held.slug || held.organisationNumber)
        throw new AppError(OrganisationError.TAKEN, 'Det finns redan ett förbund med de uppgifterna.', {
          details: [
            ...(held.slug ? [{ path: '$.slug', message: 'används redan av ett annat förbund' }] : []),
            ...(held.organisationNumber
              ? [{ path: '$.organisationNumber', message: 'finns redan på plattformen' }]
              : []),
          ],
        });
      const organisationId = await store.insertOrganisation(tx, o);
      const chef = await people.personByEmail(tx, o.forbundschef.email);
      const personId =
        chef?.id ??
        (await people.insertPerson(tx, {
          email: o.forbundschef.email,
          name: o.forbundschef.name,
          passwordHash: null,
        }));
      await people.ensureMembership(tx, organisationId, personId);
      for (const role of FIRST_PERSON_ROLES)
        await people.insertRoleAssignment(tx, organisationId, {
          personId,
          role,
          insatsId: null,
          partyKey: null,
          title: null,
        });
      // Someone who already has an account signs in with it; everyone else gets the one-time link.
      const invited = !chef?.hasPassword;
      if (invited)
        await sendInvitation(tx, this.config, {
          organisationId,
          personId,
          email: o.forbundschef.email,
          name: chef?.name ?? o.forbundschef.name,
          orgName: o.name,
        });
      await appendAudit(tx, {
        organisationId,
        actorId,
        action: 'organisation.created',
        entityType: 'organisation',
        entityId: organisationId,
        payload: {
          slug: o.slug,
          name: o.name,
          organisationNumber: o.organisationNumber,
          reportingUnit: o.reportingUnit,
          forbundschefId: personId,
          invited,
        },
      });
      return organisationId;
    });
    this.logger.log({ slug: o.slug, organisationId: id }, 'organisation created');
    return id;
  }
}
