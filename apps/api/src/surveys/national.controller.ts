import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { NationalPicture } from '../common/access/access.decorators';
import { AppError } from '../common/errors/app-error';
import { SurveyError } from './survey.errors';
import { SurveyService } from './survey.service';

const TYPES = {
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

/** The national NNS picture as a file for the platform admin and the national network (PDF or XLSX). */
@Controller('nns/national')
export class NationalController {
  constructor(private readonly surveys: SurveyService) {}

  @NationalPicture()
  @Get(':year')
  async download(
    @Param('year') yearRaw: string,
    @Query('format') formatRaw: string | undefined,
    @Res() res: Response,
  ): Promise<void> {
    const year = Number(yearRaw);
    const format =
      formatRaw === 'pdf' ? 'pdf' : formatRaw === 'xlsx' || formatRaw === undefined ? 'xlsx' : null;
    if (!/^\d{4}$/.test(yearRaw) || !format)
      throw new AppError(SurveyError.BAD_YEAR, 'Ange ett år (ÅÅÅÅ) och format=pdf eller format=xlsx.');
    const r = await this.surveys.nationalRollup(year);
    // The renderers (pdfkit, exceljs: tens of MB) are loaded on the first download, not with every API process.
    const { renderNationalPdf, renderNationalXlsx } = await import('@app/reporting/render/nns-national');
    const body = format === 'pdf' ? await renderNationalPdf(r) : await renderNationalXlsx(r);
    res
      .status(200)
      .type(TYPES[format])
      .setHeader(
        'content-disposition',
        `attachment; filename*=UTF-8''${encodeURIComponent(`NNS nationellt ${year}.${format}`)}`,
      )
      .send(body);
  }
}
