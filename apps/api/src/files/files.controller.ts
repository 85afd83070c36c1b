import { Controller, Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import busboy from 'busboy';
import { Principal } from '@app/domain';
import { Authenticated, Public } from '../common/access/access.decorators';
import { AppError } from '../common/errors/app-error';
import { ContractCode, FileError, GRAPHQL_CODE } from '../common/errors/error-codes';
import { FilesService, UploadPurpose } from './files.service';

type AuthedRequest = Request & { principal?: Principal | null };

function sendError(res: Response, e: unknown): void {
  if (e instanceof AppError) {
    const code = GRAPHQL_CODE[e.code];
    const status =
      e.code === FileError.TOO_LARGE
        ? 413
        : ({ FORBIDDEN: 403, NOT_FOUND: 404, UNAUTHENTICATED: 401 }[code as string] ?? 400);
    res.status(status).json({ code, reason: e.code, message: e.message, ...e.extra });
    return;
  }
  res.status(500).json({ code: ContractCode.INTERNAL, message: 'Ett internt fel inträffade.' });
}

@Controller('files')
export class FilesController {
  constructor(private readonly files: FilesService) {}

  /** multipart/form-data with the field `file`; ?organisationId=…&purpose=bilaga|sie|logo (logo: becomes the förbund's) */
  @Authenticated()
  @Post()
  upload(
    @Req() req: AuthedRequest,
    @Res() res: Response,
    @Query('organisationId') organisationId?: string,
    @Query('purpose') purposeRaw?: string,
  ): void {
    const principal = req.principal as Principal;
    const purpose: UploadPurpose = purposeRaw === 'sie' || purposeRaw === 'logo' ? purposeRaw : 'bilaga';
    let orgId: string;
    try {
      orgId = this.files.resolveOrganisation(principal, organisationId);
    } catch (e) {
      req.resume();
      return sendError(res, e);
    }
    let bb: busboy.Busboy;
    try {
      bb = busboy({ headers: req.headers, limits: { files: 1, fields: 10 } });
    } catch {
      return void res.status(400).json({
        code: ContractCode.BAD_USER_INPUT,
        message: 'Skicka filen som multipart/form-data i fältet "file".',
      });
    }
    let handled = false;
    bb.on('file', (field, stream, info) => {
      if (field !== 'file' || handled) {
        stream.resume();
        return;
      }
      handled = true;
      this.files
        .store(principal, orgId, purpose, info.filename ?? null, stream)
        .then((f) =>
          res.status(201).json({ id: f.id, sha256: f.sha256, size: f.size, contentType: f.contentType }),
        )
        .catch((e) => sendError(res, e));
    });
    bb.on('close', () => {
      if (!handled)
        res.status(400).json({
          code: ContractCode.BAD_USER_INPUT,
          message: 'Fältet "file" saknas.',
          details: [{ path: '$.file', message: 'saknas' }],
        });
    });
    bb.on('error', () => {
      if (!res.headersSent)
        res
          .status(400)
          .json({ code: ContractCode.BAD_USER_INPUT, message: 'Uppladdningen kunde inte läsas.' });
    });
    req.pipe(bb);
  }

  /** With a bearer token of the file's förbund, or a signed short-lived link. */
  @Public()
  @Get(':id')
  async download(
    @Req() req: AuthedRequest,
    @Res() res: Response,
    @Param('id') id: string,
    @Query('expires') expires?: string,
    @Query('signature') signature?: string,
    @Query('disposition') disposition?: string,
  ): Promise<void> {
    const file = await this.files.get(id);
    const allowed =
      file && (this.files.verifySignature(id, expires, signature) || this.files.canRead(req.principal, file));
    if (!file || !allowed) {
      res.status(req.principal || signature ? 404 : 401).json({
        code: req.principal || signature ? 'NOT_FOUND' : 'UNAUTHENTICATED',
        message: 'Filen finns inte, eller så saknar du behörighet.',
      });
      return;
    }
    res.setHeader('content-type', file.contentType);
    res.setHeader('content-length', String(file.size));
    res.setHeader('x-content-sha256', file.sha256);
    res.setHeader('x-content-type-options', 'nosniff');
    // A PDF may be shown in the page (the document to sign, in the browser's viewer); anything else is a download,
    // so an uploaded HTML or SVG file never runs in the platform's origin.
    const inline = disposition === 'inline' && file.contentType === 'application/pdf';
    if (file.originalName || inline)
      res.setHeader(
        'content-disposition',
        `${inline ? 'inline' : 'attachment'}${file.originalName ? `; filename*=UTF-8''${encodeURIComponent(file.originalName)}` : ''}`,
      );
    this.files
      .open(file)
      .on('error', () => res.destroy())
      .pipe(res);
  }
}
