import { Module } from '@nestjs/common';
import { PlanResolver } from './plan.resolver';
import { PlanService } from './plan.service';

/** Verksamhetsplan och budget: written, checked and (with signing) decided in the platform. */
@Module({ providers: [PlanService, PlanResolver], exports: [PlanService] })
export class PlansModule {}
