import { Injectable } from '@nestjs/common';
import { Principal } from '@app/domain';
import { SubmissionComments } from './submission-comments.service';
import { SubmissionReads } from './submission-reads.service';
import { SubmissionTemplates } from './submission-templates.service';
import { ApproveOptions, SubmissionWrites } from './submission-writes.service';
import { SubmissionType } from './submission.types';

/**
 * The follow-ups' entry point for the resolver and the demo seed: it only hands each use case to its side
 * (reads, writes, comments, templates), which hold the logic; all SQL is in submission.store.ts.
 */
@Injectable()
export class SubmissionService {
  constructor(
    readonly reads: SubmissionReads,
    readonly writes: SubmissionWrites,
    readonly commentsSide: SubmissionComments,
    readonly templates: SubmissionTemplates,
  ) {}

  get(id: string): Promise<SubmissionType> {
    return this.reads.get(id);
  }
  list(p: Principal, organisationId: string, period?: string | null): Promise<SubmissionType[]> {
    return this.reads.list(p, organisationId, period);
  }
  inbox(p: Principal): Promise<SubmissionType[]> {
    return this.reads.inbox(p);
  }
  start(p: Principal, insatsId: string, period: string): Promise<SubmissionType> {
    return this.writes.start(p, insatsId, period);
  }
  save(p: Principal, id: string, version: number, answers: unknown): Promise<SubmissionType> {
    return this.writes.save(p, id, version, answers);
  }
  submit(p: Principal, id: string, version: number): Promise<SubmissionType> {
    return this.writes.submit(p, id, version);
  }
  approve(
    p: Principal,
    id: string,
    comment?: string | null,
    signature?: { password: string; code: string } | null,
    opts?: ApproveOptions,
  ): Promise<SubmissionType> {
    return this.writes.approve(p, id, comment, signature, opts);
  }
  return(p: Principal, id: string, comment: string): Promise<SubmissionType> {
    return this.writes.return(p, id, comment);
  }
  withdraw(p: Principal, id: string): Promise<SubmissionType> {
    return this.writes.withdraw(p, id);
  }
  reopen(p: Principal, id: string, reason: string): Promise<SubmissionType> {
    return this.writes.reopen(p, id, reason);
  }
  addComment(p: Principal, submissionId: string, path: string | null, body: string, parentId: string | null) {
    return this.commentsSide.add(p, submissionId, path, body, parentId);
  }
  resolveComment(p: Principal, commentId: string): Promise<boolean> {
    return this.commentsSide.resolve(p, commentId);
  }
  publishTemplate(p: Principal, organisationId: string, definition: unknown) {
    return this.templates.publish(p, organisationId, definition);
  }
}
