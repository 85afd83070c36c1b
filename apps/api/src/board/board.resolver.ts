import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Principal, Role } from '@app/domain';
import { Allow, CurrentPrincipal, ScopeResolver, scopeOf } from '../common/access/access.decorators';
import { REPORT_READERS } from '../common/access/role-groups';
import { BoardService } from './board.service';
import { BoardMandateInput, BoardMandateType } from './board.types';

/** The kansli (ADMIN) and the förbundschef keep the board; the board, revisorer and beredningsgrupp read it. */
const WRITERS = [Role.FORBUNDSCHEF, Role.ADMIN] as const;
const mandateScope: ScopeResolver = (args, lookup) =>
  lookup.row('board_mandate', String(args.mandateId ?? ''));

@Resolver(() => BoardMandateType)
export class BoardResolver {
  constructor(private readonly board: BoardService) {}

  @Allow(REPORT_READERS, scopeOf.organisationId())
  @Query(() => [BoardMandateType], {
    description: 'Styrelsens och revisorernas mandat, tidigare och nuvarande, i styrelsens ordning.',
  })
  boardMandates(
    @Args('organisationId', { type: () => ID }) organisationId: string,
  ): Promise<BoardMandateType[]> {
    return this.board.list(organisationId);
  }

  @Allow(WRITERS, scopeOf.organisationId())
  @Mutation(() => BoardMandateType, {
    description:
      'Lägger till eller ändrar ett mandat (med id: version är den du utgick från, annars VERSION_CONFLICT).',
  })
  saveBoardMandate(
    @Args('organisationId', { type: () => ID }) organisationId: string,
    @Args('mandate', { type: () => BoardMandateInput }) mandate: BoardMandateInput,
    @CurrentPrincipal() me: Principal,
  ): Promise<BoardMandateType> {
    return this.board.save(organisationId, mandate, me.personId);
  }

  @Allow(WRITERS, mandateScope)
  @Mutation(() => Boolean, {
    description:
      'Tar bort ett felaktigt mandat (ett som har tagit slut avslutas med ett slutdatum i stället); var det personens sista mandat i rollen tas även styrelserollen bort.',
  })
  removeBoardMandate(
    @Args('mandateId', { type: () => ID }) mandateId: string,
    @Args('version', { type: () => Int }) version: number,
    @CurrentPrincipal() me: Principal,
  ): Promise<boolean> {
    return this.board.remove(mandateId, version, me.personId);
  }
}
