import { Inject } from '@nestjs/common';
import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import GraphQLJSON from 'graphql-type-json';
import { DataSource } from 'typeorm';
import { INSATS_ROLES, periodDeadline, Principal, Role, rolesIn } from '@app/domain';
import {
  Allow,
  Authenticated,
  CurrentPrincipal,
  PlatformAdminOnly,
  scopeOf,
} from '../common/access/access.decorators';
import { DATA_SOURCE } from '../common/infra/tokens';
import { AppError } from '../common/errors/app-error';
import { CommonError } from '../common/errors/error-codes';
import { ALL_ROLES } from '@app/domain';
import { BundleService } from './bundle.service';
import {
  CostCentreType,
  InsatsBudgetType,
  InsatsType,
  MatpunktType,
  OrganisationType,
  PartyType,
  PersonInput,
  PersonType,
  ReportingPeriodType,
} from './organisation.types';

const ORG_COLUMNS = 'id, slug, name, reporting_unit AS "reportingUnit", vision';
const INSATS_COLUMNS = `id, organisation_id AS "organisationId", key, name, type, cost_centre_code AS "costCentre", owner_party_key AS "ownerParty",
  to_char(start_date,'YYYY-MM-DD') AS start, to_char(end_date,'YYYY-MM-DD') AS "end"`;

/** Whether the person sees the whole förbund, or only the insatser they work in. */
function seesWholeOrganisation(p: Principal, organisationId: string): boolean {
  return p.isPlatformAdmin || rolesIn(p, organisationId).some((r) => !INSATS_ROLES.includes(r));
}

@Resolver(() => OrganisationType)
export class OrganisationResolver {
  constructor(
    @Inject(DATA_SOURCE) private readonly ds: DataSource,
    private readonly bundles: BundleService,
  ) {}

  @Allow(ALL_ROLES, scopeOf.organisationSlug(), { platformAdmin: true, insatsRolesReachOrganisation: true })
  @Query(() => OrganisationType, { description: 'Ett förbund, för dess medlemmar.' })
  async organisation(@Args('slug') slug: string): Promise<OrganisationType> {
    const [o] = await this.ds.query(`SELECT ${ORG_COLUMNS} FROM organisation WHERE slug = $1`, [slug]);
    return o;
  }

  @Authenticated()
  @Query(() => [OrganisationType], {
    description: 'De förbund där jag har en roll (alla, för plattformens administratör).',
  })
  organisations(@CurrentPrincipal() me: Principal): Promise<OrganisationType[]> {
    if (me.isPlatformAdmin) return this.ds.query(`SELECT ${ORG_COLUMNS} FROM organisation ORDER BY name`);
    return this.ds.query(`SELECT ${ORG_COLUMNS} FROM organisation WHERE id = ANY($1) ORDER BY name`, [
      [...new Set(me.grants.map((g) => g.organisationId))],
    ]);
  }

  @PlatformAdminOnly()
  @Mutation(() => OrganisationType, {
    description: 'Sätter upp eller uppdaterar ett förbund från ett paket (idempotent per slug).',
  })
  async importOrganisationBundle(
    @Args('bundle', { type: () => GraphQLJSON }) bundle: unknown,
    @CurrentPrincipal() me: Principal,
  ): Promise<OrganisationType> {
    const r = await this.bundles.import(bundle, me.personId);
    const [o] = await this.ds.query(`SELECT ${ORG_COLUMNS} FROM organisation WHERE id = $1`, [
      r.organisationId,
    ]);
    return o;
  }

  @Allow([Role.ADMIN], scopeOf.organisationId(), { platformAdmin: true })
  @Mutation(() => OrganisationType, {
    description:
      'Kansliet lägger till en person eller ändrar personens roller i förbundet (inga roller: tar bort personen ur förbundet). Nya personer får en inbjudan per e-post.',
  })
  async savePerson(
    @Args('organisationId', { type: () => ID }) organisationId: string,
    @Args('person') person: PersonInput,
    @CurrentPrincipal() me: Principal,
  ): Promise<OrganisationType> {
    await this.bundles.savePerson(organisationId, person, me.personId);
    const [o] = await this.ds.query(`SELECT ${ORG_COLUMNS} FROM organisation WHERE id = $1`, [
      organisationId,
    ]);
    return o;
  }

  @Allow([Role.ADMIN], scopeOf.organisationSlug(), { platformAdmin: true })
  @Query(() => GraphQLJSON, { description: 'Förbundets uppsättning som paket (utan lösenord).' })
  exportOrganisationBundle(@Args('slug') slug: string): Promise<unknown> {
    return this.bundles.export(slug);
  }

  @ResolveField(() => [InsatsType], {
    description: 'Förbundets insatser; projektägare och styrgrupp ser sina egna.',
  })
  insatser(@Parent() o: OrganisationType, @CurrentPrincipal() me: Principal): Promise<InsatsType[]> {
    if (seesWholeOrganisation(me, o.id))
      return this.ds.query(`SELECT ${INSATS_COLUMNS} FROM insats WHERE organisation_id = $1 ORDER BY key`, [
        o.id,
      ]);
    const mine = me.grants.filter((g) => g.organisationId === o.id && g.insatsId).map((g) => g.insatsId);
    return this.ds.query(
      `SELECT ${INSATS_COLUMNS} FROM insats WHERE organisation_id = $1 AND id = ANY($2) ORDER BY key`,
      [o.id, mine],
    );
  }

  @ResolveField(() => [PartyType])
  parties(@Parent() o: OrganisationType): Promise<PartyType[]> {
    return this.ds.query(
      'SELECT key, name, kind FROM party WHERE organisation_id = $1 ORDER BY created_at, key',
      [o.id],
    );
  }

  @ResolveField(() => [CostCentreType])
  costCentres(@Parent() o: OrganisationType): Promise<CostCentreType[]> {
    return this.ds.query(
      'SELECT code, name, category FROM cost_centre WHERE organisation_id = $1 ORDER BY code',
      [o.id],
    );
  }

  @ResolveField(() => [ReportingPeriodType], {
    description:
      'Uppföljningsperioderna för åren fromYear–toYear (högst 20 år) med sista inlämningsdag enligt förbundets inställning.',
  })
  async periods(
    @Parent() o: OrganisationType,
    @Args('fromYear', { type: () => Int }) fromYear: number,
    @Args('toYear', { type: () => Int }) toYear: number,
  ): Promise<ReportingPeriodType[]> {
    if (toYear < fromYear || toYear - fromYear > 20)
      throw new AppError(CommonError.BAD_USER_INPUT, 'Ange högst 20 år, med fromYear före toYear.', {
        details: [{ path: '$.toYear', message: 'högst 20 år efter fromYear' }],
      });
    const [row] = await this.ds.query('SELECT workflow_config FROM organisation WHERE id = $1', [o.id]);
    const out: ReportingPeriodType[] = [];
    for (let year = fromYear; year <= toYear; year++)
      for (const kind of ['DELAR', 'HELAR'] as const)
        out.push({
          period: `${kind}-${year}`,
          kind,
          deadline: periodDeadline(kind, year, row?.workflow_config),
        });
    return out;
  }

  @ResolveField(() => [String], { description: 'Mina roller i förbundet.' })
  myRoles(@Parent() o: OrganisationType, @CurrentPrincipal() me: Principal): string[] {
    return rolesIn(me, o.id).sort();
  }

  @ResolveField(() => [PersonType], {
    description: 'Förbundets personer och roller (kansli och förbundschef).',
  })
  async people(@Parent() o: OrganisationType, @CurrentPrincipal() me: Principal): Promise<PersonType[]> {
    const roles = rolesIn(me, o.id);
    if (!me.isPlatformAdmin && !roles.includes(Role.ADMIN) && !roles.includes(Role.FORBUNDSCHEF)) {
      throw new AppError(CommonError.FORBIDDEN, 'Endast kansli och förbundschef ser förbundets personer.');
    }
    const rows = await this.ds.query(
      `SELECT p.id, p.name, p.email, p.password_hash IS NOT NULL AS "hasPassword",
              array_agg(r.role || COALESCE(':' || i.key, '') ORDER BY r.role, i.key) AS roles
         FROM person p JOIN role_assignment r ON r.person_id = p.id LEFT JOIN insats i ON i.id = r.insats_id
        WHERE r.organisation_id = $1 GROUP BY p.id ORDER BY p.name`,
      [o.id],
    );
    return rows;
  }
}

@Resolver(() => InsatsType)
export class InsatsResolver {
  constructor(@Inject(DATA_SOURCE) private readonly ds: DataSource) {}

  @Allow(ALL_ROLES, scopeOf.insatsId('id'))
  @Query(() => InsatsType, { description: 'En insats (projektägare och styrgrupp: bara sin egen).' })
  async insats(@Args('id', { type: () => ID }) id: string): Promise<InsatsType> {
    const [row] = await this.ds.query(`SELECT ${INSATS_COLUMNS} FROM insats WHERE id = $1`, [id]);
    return row;
  }

  @ResolveField(() => [MatpunktType])
  matpunkter(
    @Parent() i: InsatsType,
    @Args('year', { type: () => Int, nullable: true }) year?: number,
  ): Promise<MatpunktType[]> {
    return this.ds.query(
      `SELECT key, year, text, metric, op, target::text AS target FROM matpunkt WHERE insats_id = $1 AND ($2::int IS NULL OR year = $2) ORDER BY year, position`,
      [i.id, year ?? null],
    );
  }

  @ResolveField(() => OrganisationType, { description: 'Förbundet som insatsen hör till.' })
  async organisation(@Parent() i: InsatsType): Promise<OrganisationType> {
    const [o] = await this.ds.query(`SELECT ${ORG_COLUMNS} FROM organisation WHERE id = $1`, [
      i.organisationId,
    ]);
    return o;
  }

  @ResolveField(() => [InsatsBudgetType])
  budgets(@Parent() i: InsatsType): Promise<InsatsBudgetType[]> {
    return this.ds.query(
      'SELECT year, amount::text AS amount FROM insats_budget WHERE insats_id = $1 ORDER BY year',
      [i.id],
    );
  }
}
