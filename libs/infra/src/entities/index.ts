export * from './organisation.entity';
export * from './insats.entity';
export * from './person.entity';
import { OrganisationEntity } from './organisation.entity';
import { InsatsEntity, MatpunktEntity } from './insats.entity';
import { PersonEntity, RoleAssignmentEntity } from './person.entity';

export const ENTITIES = [
  OrganisationEntity,
  InsatsEntity,
  MatpunktEntity,
  PersonEntity,
  RoleAssignmentEntity,
];
