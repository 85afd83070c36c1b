import { Args, ID, Mutation, Resolver } from '@nestjs/graphql';
import { Principal, Role } from '@app/domain';
import { UnitOfWork } from '@app/infra';
import { Allow, CurrentPrincipal, scopeOf } from '../common/access/access.decorators';
import { OrganisationType } from '../organisations/organisation.types';
import { organisationById } from '../organisations/organisation.store';
import { OrganisationLogoService } from './organisation-logo.service';

@Resolver()
export class OrganisationLogoResolver {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly logos: OrganisationLogoService,
  ) {}

  // The same roles that may set the logo (an upload with purpose=logo): the förbundschef and the kansli.
  @Allow([Role.FORBUNDSCHEF, Role.ADMIN], scopeOf.organisationId())
  @Mutation(() => OrganisationType, {
    description:
      'Förbundschefen eller kansliet tar bort förbundets logotyp; rapporter som sammanställs därefter har ingen logotyp. Utan logotyp ändras inget.',
  })
  async removeOrganisationLogo(
    @Args('organisationId', { type: () => ID }) organisationId: string,
    @CurrentPrincipal() me: Principal,
  ): Promise<OrganisationType> {
    await this.logos.remove(organisationId, me.personId);
    return (await organisationById(this.uow.reader, organisationId))!;
  }
}
