import { Module } from '@nestjs/common';
import { SurveyResolver } from './survey.resolver';
import { SurveyService } from './survey.service';
import { SurveyCollectionService } from './survey-collection.service';
import { SurveyAnswerService } from './survey-answer.service';
import { SurveyCollectionResolver } from './survey-collection.resolver';
import { NationalController } from './national.controller';

/** NNS indikatorenkät: the national catalogue and each förbund's answer counts. */
@Module({
  controllers: [NationalController],
  providers: [
    SurveyService,
    SurveyResolver,
    SurveyCollectionService,
    SurveyAnswerService,
    SurveyCollectionResolver,
  ],
  exports: [SurveyService],
})
export class SurveysModule {}
