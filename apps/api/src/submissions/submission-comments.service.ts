import { Injectable } from '@nestjs/common';
import { Principal } from '@app/domain';
import { UnitOfWork } from '@app/infra';
import { AppError } from '../common/errors/app-error';
import { SubmissionError } from '../common/errors/error-codes';
import { SubmissionEvents } from './submission.events';
import { SubmissionStore } from './submission.store';
import { SubmissionReads } from './submission-reads.service';

const JSON_PATH = /^\$(\.[A-Za-z_][A-Za-z0-9_]*|\[\d+\])*$/;

/** Comments on a field or the whole follow-up, in threads; resolving one is audited too. */
@Injectable()
export class SubmissionComments {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly store: SubmissionStore,
    private readonly reads: SubmissionReads,
    private readonly events: SubmissionEvents,
  ) {}

  async add(
    p: Principal,
    submissionId: string,
    path: string | null,
    body: string,
    parentId: string | null,
  ): Promise<string> {
    const row = await this.reads.load(this.uow.reader, submissionId);
    const text = body.trim();
    if (!text || text.length > 5000)
      throw new AppError(SubmissionError.INVALID_ANSWERS, 'Kommentaren ska ha 1–5000 tecken.', {
        details: [{ path: '$.body', message: '1–5000 tecken' }],
      });
    if (path !== null && !JSON_PATH.test(path)) {
      throw new AppError(SubmissionError.INVALID_ANSWERS, 'Fältets sökväg är ogiltig.', {
        details: [{ path: '$.path', message: 'ska vara en JSON-sökväg som $.deltagare.avslutade' }],
      });
    }
    return this.uow
      .write(async (tx) => {
        if (parentId && !(await this.store.commentExists(tx, parentId, submissionId)))
          throw new AppError(SubmissionError.NOT_FOUND, 'Kommentaren du svarar på finns inte.');
        const commentId = await this.store.insertComment(tx, {
          submissionId,
          organisationId: row.organisation_id,
          parentId,
          path,
          body: text,
          by: p.personId,
        });
        await this.store.audit(tx, {
          organisationId: row.organisation_id,
          actorId: p.personId,
          action: 'submission.commented',
          entityType: 'submission',
          entityId: submissionId,
          payload: { commentId, path, parentId, body: text },
        });
        return commentId;
      })
      .finally(() => this.events.publish(submissionId, row.organisation_id));
  }

  async resolve(p: Principal, commentId: string): Promise<boolean> {
    const c = await this.store.commentOwner(this.uow.reader, commentId);
    if (!c) throw new AppError(SubmissionError.NOT_FOUND, 'Kommentaren finns inte.');
    await this.uow.write(async (tx) => {
      await this.store.resolveComment(tx, commentId, p.personId);
      await this.store.audit(tx, {
        organisationId: c.organisation_id,
        actorId: p.personId,
        action: 'submission.comment_resolved',
        entityType: 'submission',
        entityId: c.submission_id,
        payload: { commentId },
      });
    });
    this.events.publish(c.submission_id, c.organisation_id);
    return true;
  }
}
