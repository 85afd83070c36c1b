import { Field, ID, ObjectType } from '@nestjs/graphql';

@ObjectType('RoleGrant', {
  description: 'A role a person holds in a förbund (and for one insats, for PROJEKTAGARE/STYRGRUPP).',
})
export class RoleGrantType {
  @Field(() => ID) organisationId: string;
  @Field() organisationSlug: string;
  @Field() role: string;
  @Field(() => ID, { nullable: true }) insatsId: string | null;
  @Field(() => String, { nullable: true }) insatsKey: string | null;
  @Field(() => String, { nullable: true }) title: string | null;
}

@ObjectType('User')
export class UserType {
  @Field(() => ID) id: string;
  @Field() email: string;
  @Field() name: string;
  @Field() isPlatformAdmin: boolean;
  @Field(() => [RoleGrantType]) roles: RoleGrantType[];
}

@ObjectType('AuthPayload')
export class AuthPayloadType {
  @Field() token: string;
  @Field() expiresAt: Date;
  @Field(() => UserType) user: UserType;
}
