import { SubmissionComments } from './submission-comments.service';
import { SubmissionNotifications } from './submission-notifications.service';
import { SubmissionReads } from './submission-reads.service';
import { SubmissionTemplates } from './submission-templates.service';
import { SubmissionWrites } from './submission-writes.service';
import { SubmissionStore } from './submission.store';
import { SubmissionChangesResolver } from './submission-changes.resolver';

/** The follow-up feature's parts, registered together (the module lists this once). */
export const SUBMISSION_PROVIDERS = [
  SubmissionStore,
  SubmissionTemplates,
  SubmissionReads,
  SubmissionNotifications,
  SubmissionWrites,
  SubmissionComments,
  SubmissionChangesResolver,
];
