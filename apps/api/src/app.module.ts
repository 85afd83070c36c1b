import { Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR, DiscoveryModule } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { JwtModule, JwtService } from '@nestjs/jwt';
import { LoggerModule } from 'nestjs-pino';
import { createSecretKey, randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import { ServeStaticModule } from '@nestjs/serve-static';
import { AppConfig, loadConfig } from '@app/infra';
import { InfraModule } from './common/infra/infra.module';
import { DataSource } from 'typeorm';
import { APP_CONFIG, DATA_SOURCE } from './common/infra/tokens';
import { graphqlOptions } from './common/graphql/graphql.options';
import { AppErrorFilter } from './common/errors/app-error.filter';
import { AccessGuard } from './common/access/access.guard';
import { DbScopeInterceptor } from './common/access/db-scope.interceptor';
import { ScopeLookup } from './common/access/scope-lookup.service';
import { AuthResolver } from './auth/auth.resolver';
import { AuthService } from './auth/auth.service';
import { PrincipalService } from './auth/principal.service';
import { BundleService } from './organisations/bundle.service';
import { PeopleService } from './organisations/people.service';
import { OrganisationCreateService } from './organisations/organisation-create.service';
import { InsatsResolver, OrganisationResolver } from './organisations/organisation.resolver';
import { ProfileResolver } from './organisations/profile.resolver';
import { ProfileService } from './organisations/profile.service';
import { HealthController } from './health/health.controller';
import { AuditResolver } from './audit/audit.resolver';
import { FilesController } from './files/files.controller';
import { FilesService } from './files/files.service';
import { OrganisationLogoService } from './files/organisation-logo.service';
import { OrganisationLogoResolver } from './files/organisation-logo.resolver';
import { SieImportService } from './ledger/sie-import.service';
import { BudgetService } from './ledger/budget.service';
import { LedgerResolver } from './ledger/ledger.resolver';
import { SubmissionService } from './submissions/submission.service';
import { SubmissionEvents } from './submissions/submission.events';
import { ApiMetrics } from './common/observability/api-metrics';
import { SubmissionResolver } from './submissions/submission.resolver';
import { SUBMISSION_PROVIDERS } from './submissions/submission.providers';
import { WaitingResolver } from './waiting/waiting.resolver';
import { WaitingService } from './waiting/waiting.service';
import { DemoSeedService } from './demo/demo-seed.service';
import { ReportService } from './reports/report.service';
import { ReportResolver } from './reports/report.resolver';
import { ReportTextsService } from './reports/report-texts.service';
import { ReportStructureResolver } from './reports/report-structure.resolver';
import { ReportStructureService } from './reports/report-structure.service';
import { ReportSettingsService } from './reports/report-settings.service';
import { ReportSettingsResolver } from './reports/report-settings.resolver';
import { FollowUpExemptionService } from './reports/follow-up-exemption.service';
import { FollowUpExemptionResolver, ReportCoverageResolver } from './reports/follow-up-exemption.resolver';
import { SigningRequestsService } from './signing/signing-requests.service';
import { SignaturesService } from './signing/signatures.service';
import { BankIdService } from './signing/bankid.service';
import { VerificationService } from './signing/verification.service';
import { SigningResolver } from './signing/signing.resolver';
import { SigningFollowUpService } from './signing/signing-follow-up.service';
import { ReportSigningResolver, SigningFollowUpResolver } from './signing/signing-follow-up.resolver';
import { SurveysModule } from './surveys/surveys.module';
import { PlansModule } from './plans/plans.module';
import { InsatserModule } from './insatser/insatser.module';
import { FinanceSetupModule } from './finance-setup/finance-setup.module';
import { BoardModule } from './board/board.module';
import { PasskeyService } from './auth/factors/passkey.service';
import { FactorAttempts } from './auth/factors/factor-attempts';
import { FactorsService } from './auth/factors/factors.service';
import { FactorsResolver } from './auth/factors/factors.resolver';

/** The HS256 key as a KeyObject, built once (see JwtModule below). */
function jwtKeyProvider(secret: string) {
  const key = createSecretKey(Buffer.from(secret, 'utf8'));
  return () => key;
}

@Module({
  imports: [
    InfraModule,
    DiscoveryModule,
    SurveysModule,
    PlansModule,
    InsatserModule,
    FinanceSetupModule,
    BoardModule,
    LoggerModule.forRootAsync({
      useFactory: () => {
        const config = loadConfig();
        return {
          pinoHttp: {
            level: config.LOG_LEVEL,
            genReqId: (req, res) => {
              const given = req.headers['x-request-id'];
              const id = typeof given === 'string' && /^[\w-]{1,100}$/.test(given) ? given : randomUUID();
              res.setHeader('x-request-id', id);
              return id;
            },
            redact: ['req.headers.authorization', 'req.headers.cookie'],
            autoLogging: { ignore: (req) => (req.url ?? '').startsWith('/health') },
          },
        };
      },
    }),
    JwtModule.registerAsync({
      global: true,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        // A KeyObject made once: handed the secret as a string, jsonwebtoken first tries (and fails) to parse it
        // as a public key on every verify, which was 15 % of the API's CPU per request under load (BENCHMARKS.md).
        secretOrKeyProvider: jwtKeyProvider(config.JWT_SECRET),
        signOptions: { expiresIn: config.JWT_TTL_SECONDS, algorithm: 'HS256' },
        verifyOptions: { algorithms: ['HS256'] },
      }),
    }),
    // The web application: static files at /, and index.html for its own routes (/uppfoljning/…).
    ServeStaticModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => [
        {
          rootPath: resolve(config.WEB_DIST_DIR),
          exclude: ['/graphql{/*path}', '/files{/*path}', '/health{/*path}', '/nns{/*path}'],
          serveStaticOptions: {
            index: 'index.html',
            maxAge: 0,
            fallthrough: true,
            // Vite names every built file under assets/ by its content hash: it never changes, so browsers keep
            // it for a year; index.html (which names them) is checked on every visit.
            setHeaders: (res: { setHeader(name: string, value: string): void }, path: string) =>
              res.setHeader(
                'cache-control',
                /[\\/]assets[\\/]/.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache',
              ),
          },
        },
      ],
    }),
    GraphQLModule.forRootAsync<ApolloDriverConfig>({
      driver: ApolloDriver,
      inject: [APP_CONFIG, DATA_SOURCE, JwtService],
      // graphql-ws checks the token at connect and before every event with the same PrincipalService logic.
      useFactory: (config: AppConfig, ds: DataSource, jwt: JwtService) =>
        graphqlOptions(config, new PrincipalService(ds, jwt)),
    }),
  ],
  controllers: [HealthController, FilesController],
  providers: [
    { provide: APP_GUARD, useClass: AccessGuard },
    { provide: APP_INTERCEPTOR, useClass: DbScopeInterceptor },
    { provide: APP_FILTER, useClass: AppErrorFilter },
    ScopeLookup,
    PrincipalService,
    AuthService,
    AuthResolver,
    BundleService,
    PeopleService,
    OrganisationCreateService,
    OrganisationResolver,
    InsatsResolver,
    ProfileService,
    ProfileResolver,
    AuditResolver,
    FilesService,
    OrganisationLogoService,
    OrganisationLogoResolver,
    SieImportService,
    BudgetService,
    LedgerResolver,
    SubmissionEvents,
    ApiMetrics,
    ...SUBMISSION_PROVIDERS,
    SubmissionService,
    SubmissionResolver,
    WaitingService,
    WaitingResolver,
    DemoSeedService,
    ReportService,
    ReportResolver,
    ReportTextsService,
    ReportStructureResolver,
    ReportStructureService,
    ReportSettingsService,
    ReportSettingsResolver,
    FollowUpExemptionService,
    FollowUpExemptionResolver,
    ReportCoverageResolver,
    SigningRequestsService,
    SignaturesService,
    BankIdService,
    VerificationService,
    SigningResolver,
    SigningFollowUpService,
    SigningFollowUpResolver,
    ReportSigningResolver,
    PasskeyService,
    FactorAttempts,
    FactorsService,
    FactorsResolver,
  ],
})
export class AppModule {}
