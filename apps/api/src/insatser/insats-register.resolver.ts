import { Args, ID, Int, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Principal, Role } from '@app/domain';
import { UnitOfWork } from '@app/infra';
import { Allow, CurrentPrincipal, scopeOf } from '../common/access/access.decorators';
import { Loaders, RequestLoaders } from '../common/graphql/request-loaders';
import GraphQLJSON from 'graphql-type-json';
import { insatsById, organisationById } from '../organisations/organisation.store';
import { InsatsType, OrganisationType } from '../organisations/organisation.types';
import { InsatsRegisterService } from './insats-register.service';
import { teamsOf } from './insats-register.store';
import { InsatsInput, InsatsMemberType } from './insats-register.types';

/** The kansli and the förbundschef keep the förbund's insatser (the platform admin may too). */
const KEEPERS = [Role.ADMIN, Role.FORBUNDSCHEF] as const;

@Resolver(() => InsatsType)
export class InsatsRegisterResolver {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly register: InsatsRegisterService,
  ) {}

  @Allow(KEEPERS, scopeOf.organisationId(), { platformAdmin: true })
  @Mutation(() => InsatsType, {
    description:
      'Kansliet registrerar en insats som styrelsen beslutat, med budget per år, mätpunkter, styrgrupp och projektägare. Samma regler som förbundets paket; fel per fält.',
  })
  async createInsats(
    @Args('organisationId', { type: () => ID }) organisationId: string,
    @Args('insats') insats: InsatsInput,
    @CurrentPrincipal() me: Principal,
  ): Promise<InsatsType> {
    const id = await this.register.create(organisationId, insats, me.personId);
    return (await insatsById(this.uow.reader, id))!;
  }

  @Allow(KEEPERS, scopeOf.insatsId('id'), { platformAdmin: true })
  @Mutation(() => InsatsType, {
    description:
      'Ändrar en insats (även avslutar den med ett slutdatum); version är den du utgick från (annars VERSION_CONFLICT).',
  })
  async updateInsats(
    @Args('id', { type: () => ID }) id: string,
    @Args('version', { type: () => Int }) version: number,
    @Args('insats') insats: InsatsInput,
    @CurrentPrincipal() me: Principal,
  ): Promise<InsatsType> {
    await this.register.update(id, version, insats, me.personId);
    return (await insatsById(this.uow.reader, id))!;
  }

  @Allow(KEEPERS, scopeOf.insatsId('id'), { platformAdmin: true })
  @Mutation(() => Boolean, {
    description:
      'Tar bort en felregistrerad insats. En insats med uppföljningar tas inte bort; den avslutas med ett slutdatum.',
  })
  async deleteInsats(
    @Args('id', { type: () => ID }) id: string,
    @Args('version', { type: () => Int }) version: number,
    @CurrentPrincipal() me: Principal,
  ): Promise<boolean> {
    await this.register.delete(id, version, me.personId);
    return true;
  }

  @Allow(KEEPERS, scopeOf.organisationId(), { platformAdmin: true })
  @Mutation(() => OrganisationType, {
    description:
      'Sparar en insats i form av ett insatser[]-element i förbundets paket, matchad på nyckel (CONTRACT.md §4a); version skyddar ändringen när den anges.',
  })
  async saveInsats(
    @Args('organisationId', { type: () => ID }) organisationId: string,
    @Args('insats', { type: () => GraphQLJSON }) insats: unknown,
    @Args('version', { type: () => Int, nullable: true }) version: number | null | undefined,
    @CurrentPrincipal() me: Principal,
  ): Promise<OrganisationType> {
    await this.register.saveByKey(organisationId, insats, version ?? null, me.personId);
    return (await organisationById(this.uow.reader, organisationId))!;
  }

  @ResolveField(() => [InsatsMemberType], { description: 'Insatsens styrgrupp och projektägare.' })
  team(@Parent() i: InsatsType, @Loaders() loaders: RequestLoaders): Promise<InsatsMemberType[]> {
    return loaders.list('insats.team', i.id, (ids) => teamsOf(this.uow.reader, ids));
  }
}
