import { Foundation1763859600000 } from './1763859600000-foundation';
import { FilesAndLedger1763863200000 } from './1763863200000-files-and-ledger';
import { Submissions1763866800000 } from './1763866800000-submissions';
import { Reports1763870400000 } from './1763870400000-reports';
import { ReportTexts1763874000000 } from './1763874000000-report-texts';
import { Signing1763877600000 } from './1763877600000-signing';
import { BankId1763881200000 } from './1763881200000-bankid';
import { Passkeys1763884800000 } from './1763884800000-passkeys';
import { SigningEvidence1763900000000 } from './1763900000000-signing-evidence';
import { AuditEvidence1763910000000 } from './1763910000000-audit-evidence';
import { NnsSurveys1763920000000 } from './1763920000000-nns-surveys';
import { Plans1763920100000 } from './1763920100000-plans';
import { PlanReports1763920200000 } from './1763920200000-plan-reports';
import { InvitationId1763920300000 } from './1763920300000-invitation-id';
import { FileBlobs1763930000000 } from './1763930000000-file-blobs';
import { SealKeys1763930100000 } from './1763930100000-seal-keys';
import { SealFailed1763930200000 } from './1763930200000-seal-failed';
import { Memberships1763930400000 } from './1763930400000-memberships';
import { TenantRls1763930000000 } from './1763930000000-tenant-rls';
import { TenantRlsLaterTables1763950000000 } from './1763950000000-tenant-rls-later-tables';
import { ReportStructures1764050000000 } from './1764050000000-report-structures';
import { SubmissionSnapshots1764070000000 } from './1764070000000-submission-snapshots';
import { OrganisationNumber1764091000000 } from './1764091000000-organisation-number';
import { LedgerTransactionBulkLoad1764095000000 } from './1764095000000-ledger-transaction-bulk-load';
import { LedgerTransactionObjects1764096000000 } from './1764096000000-ledger-transaction-objects';
import { OrganisationLogo1764093000000 } from './1764093000000-organisation-logo';
import { FollowUpExemptions1763940370000 } from './1763940370000-follow-up-exemptions';
import { InsatsRegister1764010000000 } from './1764010000000-insats-register';
import { FinanceSetup1764020000000 } from './1764020000000-finance-setup';
import { ReportRules1764040000000 } from './1764040000000-report-rules';
import { BoardMandates1764030000000 } from './1764030000000-board-mandates';
import { AuditSequencer1764094000000 } from './1764094000000-audit-sequencer';

/** Every migration, in order. A new one is appended here. */
export const MIGRATIONS = [
  Foundation1763859600000,
  FilesAndLedger1763863200000,
  Submissions1763866800000,
  Reports1763870400000,
  ReportTexts1763874000000,
  Signing1763877600000,
  BankId1763881200000,
  Passkeys1763884800000,
  SigningEvidence1763900000000,
  AuditEvidence1763910000000,
  NnsSurveys1763920000000,
  Plans1763920100000,
  PlanReports1763920200000,
  InvitationId1763920300000,
  FileBlobs1763930000000,
  TenantRls1763930000000,
  SealKeys1763930100000,
  SealFailed1763930200000,
  Memberships1763930400000,
  FollowUpExemptions1763940370000,
  TenantRlsLaterTables1763950000000,
  InsatsRegister1764010000000,
  FinanceSetup1764020000000,
  BoardMandates1764030000000,
  ReportRules1764040000000,
  ReportStructures1764050000000,
  SubmissionSnapshots1764070000000,
  OrganisationNumber1764091000000,
  OrganisationLogo1764093000000,
  AuditSequencer1764094000000,
  LedgerTransactionBulkLoad1764095000000,
  LedgerTransactionObjects1764096000000,
];
