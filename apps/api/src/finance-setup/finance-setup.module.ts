import { Module } from '@nestjs/common';
import { FinanceSetupResolver } from './finance-setup.resolver';
import { FinanceSetupService } from './finance-setup.service';

/** The förbund's financial set-up by its own kansli (issue 18). */
@Module({ providers: [FinanceSetupService, FinanceSetupResolver] })
export class FinanceSetupModule {}
