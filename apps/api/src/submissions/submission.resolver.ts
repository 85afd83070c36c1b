import {
  Args,
  ID,
  Int,
  Mutation,
  Parent,
  Query,
  ResolveField,
  Resolver,
  Subscription,
} from '@nestjs/graphql';
import GraphQLJSON from 'graphql-type-json';
import { withFilter } from 'graphql-subscriptions';
import { Principal, Role } from '@app/domain';
import { rowToAuditEntry, UnitOfWork } from '@app/infra';
import {
  Allow,
  Authenticated,
  CurrentPrincipal,
  ScopeResolver,
  scopeOf,
} from '../common/access/access.decorators';
import { AuditEntryType } from '../audit/audit.resolver';
import { Loaders, RequestLoaders } from '../common/graphql/request-loaders';
import { commentsOf, historyOf } from './submission-batch.store';
import { SubmissionService } from './submission.service';
import { SUBMISSION_CHANGED, SubmissionEvents } from './submission.events';
import { FormTemplateType, SubmissionCommentType, SubmissionType } from './submission.types';

/** The förbund and insats a submission (or one of its comments) belongs to. */
const submissionScope =
  (arg = 'id'): ScopeResolver =>
  (args, lookup) =>
    lookup.row('submission', String(args[arg] ?? ''), 'insats_id');
const commentScope: ScopeResolver = async (args, lookup) => {
  const c = await lookup.row('submission_comment', String(args.id ?? ''));
  if (!c) return null;
  return c;
};

/** Who may read a follow-up: its insats' people, and the förbund's kansli, chef, revisorer and beredningsgrupp. */
const READERS = [
  Role.PROJEKTAGARE,
  Role.STYRGRUPP,
  Role.FORBUNDSCHEF,
  Role.ADMIN,
  Role.REVISOR,
  Role.BEREDNINGSGRUPP,
];
/** Who takes part in the workflow; the transition map decides each step. */
const ACTORS = [Role.PROJEKTAGARE, Role.STYRGRUPP, Role.FORBUNDSCHEF, Role.BEREDNINGSGRUPP, Role.ADMIN];

@Resolver(() => SubmissionType)
export class SubmissionResolver {
  constructor(
    private readonly service: SubmissionService,
    private readonly events: SubmissionEvents,
    private readonly uow: UnitOfWork,
  ) {}

  @Allow(READERS, submissionScope())
  @Query(() => SubmissionType)
  submission(@Args('id', { type: () => ID }) id: string): Promise<SubmissionType> {
    return this.service.get(id);
  }

  @Allow(READERS, scopeOf.organisationId(), { insatsRolesReachOrganisation: true })
  @Query(() => [SubmissionType], {
    description: 'Förbundets aktuella uppföljningar (projektägare och styrgrupp: sina insatsers).',
  })
  submissions(
    @Args('organisationId', { type: () => ID }) organisationId: string,
    @Args('period', { type: () => String, nullable: true }) period: string | undefined,
    @CurrentPrincipal() me: Principal,
  ): Promise<SubmissionType[]> {
    return this.service.list(me, organisationId, period);
  }

  @Authenticated()
  @Query(() => [SubmissionType], {
    description: 'Det som väntar på mig: utkast att skicka in, steg att godkänna.',
  })
  inbox(@CurrentPrincipal() me: Principal): Promise<SubmissionType[]> {
    return this.service.inbox(me);
  }

  @Allow([Role.PROJEKTAGARE, Role.ADMIN], scopeOf.insatsId())
  @Mutation(() => SubmissionType, {
    description: 'Påbörjar (eller öppnar) insatsens uppföljning för perioden, t.ex. "HELAR-2025".',
  })
  startSubmission(
    @Args('insatsId', { type: () => ID }) insatsId: string,
    @Args('period') period: string,
    @CurrentPrincipal() me: Principal,
  ): Promise<SubmissionType> {
    return this.service.start(me, insatsId, period);
  }

  @Allow(ACTORS, submissionScope())
  @Mutation(() => SubmissionType, {
    description: 'Sparar utkastet; version är den du utgick från (annars VERSION_CONFLICT).',
  })
  saveSubmission(
    @Args('id', { type: () => ID }) id: string,
    @Args('version', { type: () => Int }) version: number,
    @Args('answers', { type: () => GraphQLJSON }) answers: unknown,
    @CurrentPrincipal() me: Principal,
  ): Promise<SubmissionType> {
    return this.service.save(me, id, version, answers);
  }

  @Allow(ACTORS, submissionScope())
  @Mutation(() => SubmissionType)
  submitSubmission(
    @Args('id', { type: () => ID }) id: string,
    @Args('version', { type: () => Int }) version: number,
    @CurrentPrincipal() me: Principal,
  ): Promise<SubmissionType> {
    return this.service.submit(me, id, version);
  }

  @Allow(ACTORS, submissionScope())
  @Mutation(() => SubmissionType)
  approveSubmission(
    @Args('id', { type: () => ID }) id: string,
    @Args('comment', { type: () => String, nullable: true }) comment: string | undefined,
    @CurrentPrincipal() me: Principal,
    @Args('password', { type: () => String, nullable: true, description: 'För steg som ska undertecknas.' })
    password?: string,
    @Args('code', {
      type: () => String,
      nullable: true,
      description: 'Engångskod, för steg som ska undertecknas.',
    })
    code?: string,
    @Args('version', {
      type: () => Int,
      nullable: true,
      description:
        'Versionen du granskade; har uppföljningen ändrats sedan dess avvisas godkännandet (VERSION_CONFLICT).',
    })
    version?: number | null,
    @Args('acknowledgeOpenComments', {
      type: () => Boolean,
      nullable: true,
      description: 'Bekräftar att du har sett de olösta kommentarerna och godkänner ändå.',
    })
    acknowledgeOpenComments?: boolean | null,
  ): Promise<SubmissionType> {
    return this.service.approve(me, id, comment, password && code ? { password, code } : null, {
      version,
      acknowledgeOpenComments,
    });
  }

  @Allow(ACTORS, submissionScope())
  @Mutation(() => SubmissionType)
  returnSubmission(
    @Args('id', { type: () => ID }) id: string,
    @Args('comment') comment: string,
    @CurrentPrincipal() me: Principal,
  ): Promise<SubmissionType> {
    return this.service.return(me, id, comment);
  }

  @Allow(ACTORS, submissionScope())
  @Mutation(() => SubmissionType, {
    description: 'Projektägaren drar tillbaka en inskickad uppföljning innan något steg har godkänt den.',
  })
  withdrawSubmission(
    @Args('id', { type: () => ID }) id: string,
    @CurrentPrincipal() me: Principal,
  ): Promise<SubmissionType> {
    return this.service.withdraw(me, id);
  }

  @Allow([Role.FORBUNDSCHEF], submissionScope())
  @Mutation(() => SubmissionType, {
    description: 'Förbundschefen öppnar en godkänd uppföljning som en ny revision; den gamla behålls.',
  })
  reopenSubmission(
    @Args('id', { type: () => ID }) id: string,
    @Args('reason') reason: string,
    @CurrentPrincipal() me: Principal,
  ): Promise<SubmissionType> {
    return this.service.reopen(me, id, reason);
  }

  @Allow(READERS, submissionScope('submissionId'))
  @Mutation(() => ID, {
    description: 'Kommenterar ett fält (JSON-sökväg) eller hela uppföljningen; parentId svarar i en tråd.',
  })
  addComment(
    @Args('submissionId', { type: () => ID }) submissionId: string,
    @Args('body') body: string,
    @Args('path', { type: () => String, nullable: true }) path: string | undefined,
    @Args('parentId', { type: () => ID, nullable: true }) parentId: string | undefined,
    @CurrentPrincipal() me: Principal,
  ): Promise<string> {
    return this.service.addComment(me, submissionId, path ?? null, body, parentId ?? null);
  }

  @Allow(READERS, commentScope)
  @Mutation(() => Boolean)
  resolveComment(
    @Args('id', { type: () => ID }) id: string,
    @CurrentPrincipal() me: Principal,
  ): Promise<boolean> {
    return this.service.resolveComment(me, id);
  }

  @Allow([Role.ADMIN, Role.FORBUNDSCHEF], scopeOf.organisationId())
  @Mutation(() => FormTemplateType, {
    description: 'Publicerar förbundets egen version av uppföljningsmallen.',
  })
  async publishTemplate(
    @Args('organisationId', { type: () => ID }) organisationId: string,
    @Args('definition', { type: () => GraphQLJSON }) definition: unknown,
    @CurrentPrincipal() me: Principal,
  ): Promise<FormTemplateType> {
    const t = await this.service.publishTemplate(me, organisationId, definition);
    return {
      id: t.id,
      key: 'uppfoljning-insats',
      version: t.version,
      title: (definition as { title: string }).title,
      definition,
      organisationId,
    };
  }

  @Allow(READERS, submissionScope())
  @Subscription(() => SubmissionType, {
    description: 'Uppföljningen när den sparas, kommenteras eller byter status.',
    filter: (payload: { submissionId: string }, variables: { id: string }) =>
      payload.submissionId === variables.id,
    resolve(this: SubmissionResolver, payload: { submissionId: string }) {
      return this.service.get(payload.submissionId);
    },
  })
  submissionChanged(@Args('id', { type: () => ID }) _id: string) {
    return this.events.pubsub.asyncIterableIterator(SUBMISSION_CHANGED);
  }

  @Authenticated()
  @Subscription(() => [SubmissionType], {
    description: 'Min inkorg, när något i mina förbund ändras.',
    resolve(
      this: SubmissionResolver,
      _payload: unknown,
      _args: unknown,
      ctx: { req: { principal: Principal } },
    ) {
      return this.service.inbox(ctx.req.principal);
    },
  })
  inboxChanged(@CurrentPrincipal() me: Principal) {
    return withFilter(
      () => this.events.pubsub.asyncIterableIterator(SUBMISSION_CHANGED),
      (payload?: { organisationId: string }) =>
        !!payload && me.grants.some((g) => g.organisationId === payload.organisationId),
    )(undefined, {}, undefined, undefined as never);
  }

  @ResolveField(() => [SubmissionCommentType])
  comments(
    @Parent() s: SubmissionType,
    @Loaders() loaders: RequestLoaders,
  ): Promise<SubmissionCommentType[]> {
    return loaders.list('submission.comments', s.id, (ids) => commentsOf(this.uow.reader, ids));
  }

  @ResolveField(() => [AuditEntryType], { description: 'Hela historiken, alla revisioner, i ordning.' })
  async history(@Parent() s: SubmissionType, @Loaders() loaders: RequestLoaders): Promise<AuditEntryType[]> {
    const rows = await loaders.list('submission.history', s.id, (ids) => historyOf(this.uow.reader, ids));
    return rows.map((r) => ({
      ...rowToAuditEntry(r),
      actorName: r.actor_name,
    }));
  }
}
