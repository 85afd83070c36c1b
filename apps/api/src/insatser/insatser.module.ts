import { Module } from '@nestjs/common';
import { InsatsRegisterResolver } from './insats-register.resolver';
import { InsatsRegisterService } from './insats-register.service';

/** The förbund's own register of insatser (issue 18): kept by the kansli without the platform admin. */
@Module({ providers: [InsatsRegisterService, InsatsRegisterResolver] })
export class InsatserModule {}
