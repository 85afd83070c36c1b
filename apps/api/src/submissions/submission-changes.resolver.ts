import { Field, ObjectType, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import GraphQLJSON from 'graphql-type-json';
import { answerChanges } from '@app/domain';
import { UnitOfWork } from '@app/infra';
import { SubmissionType } from './submission.types';
import { baseline } from './submission-snapshot.store';

@ObjectType('AnswerChange', { description: 'Ett svar som har ändrats: JSON-sökväg, värdet förut och nu.' })
export class AnswerChangeType {
  @Field({ description: 'JSON-sökväg i svaren, t.ex. $.deltagare.avslutade.' }) path: string;
  @Field(() => GraphQLJSON, { nullable: true }) before: unknown;
  @Field(() => GraphQLJSON, { nullable: true }) after: unknown;
}

@ObjectType('SubmissionChanges', {
  description: 'Vad som har ändrats sedan granskarna senast såg uppföljningen.',
})
export class SubmissionChangesType {
  @Field({
    description:
      'SUBMISSION: sedan förra inskickningen (efter återsändning eller tillbakadragning); REVISION: sedan förra revisionen.',
  })
  kind: string;
  @Field({ description: 'När den jämförda versionen skickades in eller godkändes (ISO 8601).' })
  since: string;
  @Field(() => [AnswerChangeType]) changes: AnswerChangeType[];
}

/** Bilagor are compared as a whole list (a section whose answer is a list of files). */
function fileSections(answers: unknown): string[] {
  if (typeof answers !== 'object' || answers === null) return [];
  return Object.entries(answers as Record<string, unknown>)
    .filter(
      ([, v]) => Array.isArray(v) && v.some((x) => typeof x === 'object' && x !== null && 'fileId' in x),
    )
    .map(([k]) => k);
}

@Resolver(() => SubmissionType)
export class SubmissionChangesResolver {
  constructor(private readonly uow: UnitOfWork) {}

  @ResolveField(() => SubmissionChangesType, {
    nullable: true,
    description:
      'Ändringarna sedan förra inskickningen eller revisionen; null när uppföljningen skickas in för första gången.',
  })
  async changesSinceLastReview(@Parent() s: SubmissionType): Promise<SubmissionChangesType | null> {
    const base = await this.uow.read((tx) => baseline(tx, s.id));
    if (!base) return null;
    const whole = [...new Set([...fileSections(base.answers), ...fileSections(s.answers)])];
    return {
      kind: base.kind,
      since: new Date(base.at).toISOString(),
      changes: answerChanges(base.answers, s.answers, whole),
    };
  }
}
