import {
  Column,
  CreateDateColumn,
  Entity,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { OrganisationEntity } from './organisation.entity';

@Entity('insats')
export class InsatsEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid') organisationId: string;
  @ManyToOne(() => OrganisationEntity, (o) => o.insatser)
  @JoinColumn({ name: 'organisation_id' })
  organisation?: OrganisationEntity;
  @Column('text') key: string;
  @Column('text') name: string;
  @Column('text') type: 'INDIVID' | 'STRUKTUR';
  @Column('text') ownerPartyKey: string;
  @Column('text') costCentreCode: string;
  @Column('date') startDate: string;
  @Column('date') endDate: string;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}

@Entity('matpunkt')
export class MatpunktEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid') insatsId: string;
  @Column('int') year: number;
  @Column('text') key: string;
  @Column('text') text: string;
  @Column('text', { nullable: true }) metric: string | null;
  @Column('text', { nullable: true }) op: string | null;
  @Column('numeric', { nullable: true }) target: string | null;
  @Column('int') position: number;
}
