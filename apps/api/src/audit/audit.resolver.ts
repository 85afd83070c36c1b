import { Inject } from '@nestjs/common';
import { Args, Field, ID, Int, ObjectType, Query, Resolver } from '@nestjs/graphql';
import GraphQLJSON from 'graphql-type-json';
import { DataSource } from 'typeorm';
import { Role } from '@app/domain';
import { AppConfig, auditCheckpointKey, rowToAuditEntry, verifyAuditChain } from '@app/infra';
import { Allow, scopeOf } from '../common/access/access.decorators';
import { APP_CONFIG, DATA_SOURCE } from '../common/infra/tokens';
import { auditTrail } from './audit.store';

@ObjectType('AuditVerification')
export class AuditVerificationType {
  @Field() valid: boolean;
  @Field(() => Int) entries: number;
  @Field(() => ID, { nullable: true }) firstInvalidEntryId: string | null;
  @Field(() => String, { nullable: true }) reason: string | null;
  @Field(() => Int, {
    description:
      'Poster som ännu inte har fått sin plats i kedjan (sekvenseras strax efter att de skrivits).',
  })
  unsequenced: number;
}

@ObjectType('AuditEntry')
export class AuditEntryType {
  @Field(() => ID) id: string;
  @Field(() => Int, {
    nullable: true,
    description: 'Postens plats i förbundets kedja; tom tills sekvenseraren har kedjat posten.',
  })
  seq: number | null;
  @Field() at: string;
  @Field(() => ID, { nullable: true }) actorId: string | null;
  @Field(() => String, { nullable: true }) actorName: string | null;
  @Field() action: string;
  @Field() entityType: string;
  @Field(() => String, { nullable: true }) entityId: string | null;
  @Field(() => String, { nullable: true }) fromState: string | null;
  @Field(() => String, { nullable: true }) toState: string | null;
  @Field(() => GraphQLJSON) payload: unknown;
  @Field(() => String, { nullable: true }) documentHash: string | null;
  @Field(() => String, { nullable: true, description: 'Kedjehash (SHA-256); tom tills posten är kedjad.' })
  hash: string | null;
  @Field(() => String, {
    nullable: true,
    description:
      'SHA-256 av postens innehåll, skriven med ändringen (tom för poster från före sekvenseraren).',
  })
  contentHash: string | null;
}

const AUDIT_READERS = [Role.ADMIN, Role.FORBUNDSCHEF, Role.REVISOR];

@Resolver()
export class AuditResolver {
  constructor(
    @Inject(DATA_SOURCE) private readonly ds: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Allow(AUDIT_READERS, scopeOf.organisationId())
  @Query(() => AuditVerificationType, {
    description: 'Räknar om förbundets hashkedja och pekar ut första felaktiga post.',
  })
  verifyAuditTrail(
    @Args('organisationId', { type: () => ID }) organisationId: string,
  ): Promise<AuditVerificationType> {
    return verifyAuditChain(this.ds.manager, organisationId, auditCheckpointKey(this.config));
  }

  @Allow(AUDIT_READERS, scopeOf.organisationId())
  @Query(() => [AuditEntryType], {
    description:
      'Förbundets granskningslogg, nyast sist (i kedjans ordning, poster som väntar på sin plats sist); kan filtreras på objekt.',
  })
  async auditTrail(
    @Args('organisationId', { type: () => ID }) organisationId: string,
    @Args('entityType', { nullable: true }) entityType?: string,
    @Args('entityId', { nullable: true }) entityId?: string,
    @Args('limit', { type: () => Int, nullable: true, defaultValue: 200 }) limit = 200,
  ): Promise<AuditEntryType[]> {
    const rows = await auditTrail(this.ds.manager, {
      organisationId,
      entityType: entityType ?? null,
      entityId: entityId ?? null,
      limit: Math.min(Math.max(limit, 1), 1000),
    });
    return rows.reverse().map((r) => ({
      ...rowToAuditEntry(r),
      actorName: r.actor_name,
    }));
  }
}
