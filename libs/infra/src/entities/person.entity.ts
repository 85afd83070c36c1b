import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

@Entity('person')
export class PersonEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('text') email: string;
  @Column('text') name: string;
  @Column('text', { nullable: true, select: false }) passwordHash: string | null;
  @Column('boolean') isPlatformAdmin: boolean;
  @Column('int') tokenVersion: number;
  @Column('text', { nullable: true, select: false }) invitationTokenHash: string | null;
  @Column('timestamptz', { nullable: true }) invitationExpiresAt: Date | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}

@Entity('role_assignment')
export class RoleAssignmentEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid') personId: string;
  @Column('uuid') organisationId: string;
  @Column('text') role: string;
  @Column('uuid', { nullable: true }) insatsId: string | null;
  @Column('text', { nullable: true }) partyKey: string | null;
  @Column('text', { nullable: true }) title: string | null;
}
