import { Module } from '@nestjs/common';
import { SurveyResolver } from './survey.resolver';
import { SurveyService } from './survey.service';

/** NNS indikatorenkät: the national catalogue and each förbund's answer counts. */
@Module({ providers: [SurveyService, SurveyResolver], exports: [SurveyService] })
export class SurveysModule {}
