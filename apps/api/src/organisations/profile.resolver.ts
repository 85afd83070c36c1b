import { Args, ID, Mutation, Resolver } from '@nestjs/graphql';
import { Principal } from '@app/domain';
import { Authenticated, CurrentPrincipal, PlatformAdminOnly } from '../common/access/access.decorators';
import { ProfileInput, ProfileType } from './organisation.types';
import { ProfileService } from './profile.service';

@Resolver(() => ProfileType)
export class ProfileResolver {
  constructor(private readonly profiles: ProfileService) {}

  @Authenticated()
  @Mutation(() => ProfileType, {
    description:
      'Ändra mitt namn eller min e-postadress (gäller i alla förbund; ny e-postadress kräver nuvarande lösenord). Ändringen loggas i varje förbund jag tillhör.',
  })
  updateMyProfile(
    @CurrentPrincipal() me: Principal,
    @Args('profile') profile: ProfileInput,
    @Args('currentPassword', { type: () => String, nullable: true }) currentPassword?: string | null,
  ): Promise<ProfileType> {
    return this.profiles.updateMine(me.personId, profile, currentPassword ?? null);
  }

  @PlatformAdminOnly()
  @Mutation(() => ProfileType, {
    description:
      'Plattformens administratör ändrar en persons namn eller e-postadress; loggas i varje förbund personen tillhör.',
  })
  updatePersonProfile(
    @CurrentPrincipal() me: Principal,
    @Args('personId', { type: () => ID }) personId: string,
    @Args('profile') profile: ProfileInput,
  ): Promise<ProfileType> {
    return this.profiles.updateAny(me.personId, personId, profile);
  }
}
