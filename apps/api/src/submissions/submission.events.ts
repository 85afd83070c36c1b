import { Injectable } from '@nestjs/common';
import { PubSub } from 'graphql-subscriptions';

export const SUBMISSION_CHANGED = 'submissionChanged';

/** Live updates for subscriptions (saved, commented, transitioned). In-process; one API instance. */
@Injectable()
export class SubmissionEvents {
  readonly pubsub = new PubSub();

  publish(submissionId: string, organisationId: string): void {
    void this.pubsub.publish(SUBMISSION_CHANGED, { submissionId, organisationId });
  }
}
