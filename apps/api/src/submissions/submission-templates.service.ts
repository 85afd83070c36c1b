import { Injectable, OnModuleInit } from '@nestjs/common';
import { Principal, STANDARD_TEMPLATES, TemplateDef } from '@app/domain';
import { UnitOfWork } from '@app/infra';
import { AppError } from '../common/errors/app-error';
import { SubmissionError } from '../common/errors/error-codes';
import { SubmissionStore } from './submission.store';

/** What is wrong with a template a förbund wants to publish (empty: nothing). */
export function templateProblems(def: TemplateDef): Array<{ path: string; message: string }> {
  const problems: Array<{ path: string; message: string }> = [];
  if (!def || typeof def !== 'object') return [{ path: '$', message: 'ska vara ett objekt' }];
  if (def.key !== 'uppfoljning-insats')
    problems.push({ path: '$.key', message: 'ska vara "uppfoljning-insats"' });
  if (typeof def.title !== 'string' || !def.title.trim())
    problems.push({ path: '$.title', message: 'krävs' });
  if (!Array.isArray(def.sections) || !def.sections.length)
    problems.push({ path: '$.sections', message: 'minst ett avsnitt krävs' });
  else
    def.sections.forEach((s, i) => {
      if (!s || typeof s.key !== 'string' || !['text', 'group', 'rows', 'files'].includes(s.kind))
        problems.push({
          path: `$.sections[${i}]`,
          message: 'ska ha key och kind (text, group, rows eller files)',
        });
    });
  return problems;
}

/** Follow-up templates: the standard ones are code, published once; a förbund may publish its own versions. */
@Injectable()
export class SubmissionTemplates implements OnModuleInit {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly store: SubmissionStore,
  ) {}

  async onModuleInit(): Promise<void> {
    for (const t of STANDARD_TEMPLATES) await this.store.publishStandardTemplate(this.uow.reader, t);
  }

  /** The number is the next free one; the content is frozen. */
  async publish(
    p: Principal,
    organisationId: string,
    definition: unknown,
  ): Promise<{ id: string; version: number }> {
    const def = definition as TemplateDef;
    const problems = templateProblems(def);
    if (problems.length)
      throw new AppError(SubmissionError.BAD_TEMPLATE, 'Mallen innehåller fel och har inte publicerats.', {
        details: problems,
      });
    return this.uow.write(async (tx) => {
      const version = await this.store.nextTemplateVersion(tx, def.key, organisationId);
      const id = await this.store.insertTemplate(tx, {
        organisationId,
        key: def.key,
        version,
        title: def.title,
        definition: { ...def, version },
        by: p.personId,
      });
      await this.store.audit(tx, {
        organisationId,
        actorId: p.personId,
        action: 'template.published',
        entityType: 'form_template',
        entityId: id,
        payload: { key: def.key, version },
      });
      return { id, version };
    });
  }
}
