import { Query, Resolver } from '@nestjs/graphql';
import { Principal } from '@app/domain';
import { Authenticated, CurrentPrincipal } from '../common/access/access.decorators';
import { WaitingService } from './waiting.service';
import { WaitingItemType } from './waiting.types';

@Resolver(() => WaitingItemType)
export class WaitingResolver {
  constructor(private readonly service: WaitingService) {}

  /** Only the caller's own items, from their own grants (like the inbox); nothing to scope by argument. */
  @Authenticated()
  @Query(() => [WaitingItemType], {
    description:
      'Allt som väntar på mig: uppföljningar att påbörja (eller sena), utkast, återsända, granskningar vid mitt steg, underskrifter och rapporter att skicka för underskrift.',
  })
  waitingForMe(@CurrentPrincipal() me: Principal): Promise<WaitingItemType[]> {
    return this.service.forMe(me);
  }
}
