import {
  Column,
  CreateDateColumn,
  Entity,
  OneToMany,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { InsatsEntity } from './insats.entity';

@Entity('organisation')
export class OrganisationEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('text') slug: string;
  @Column('text') name: string;
  @Column('text') reportingUnit: 'tkr' | 'kr';
  @Column('text', { nullable: true }) vision: string | null;
  @Column('jsonb', { nullable: true }) accountMapping: unknown;
  @Column('jsonb', { nullable: true }) workflowConfig: unknown;
  @Column('int') version: number;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
  @OneToMany(() => InsatsEntity, (i) => i.organisation) insatser?: InsatsEntity[];
}
