import { ArgumentsHost, Catch, Logger } from '@nestjs/common';
import { GqlExceptionFilter } from '@nestjs/graphql';
import type { Response } from 'express';
import { AppError } from './app-error';
import { ContractCode, GRAPHQL_CODE } from './error-codes';

const HTTP_STATUS: Partial<Record<ContractCode, number>> = {
  [ContractCode.UNAUTHENTICATED]: 401,
  [ContractCode.FORBIDDEN]: 403,
  [ContractCode.NOT_FOUND]: 404,
  [ContractCode.BAD_USER_INPUT]: 400,
  [ContractCode.VERSION_CONFLICT]: 409,
  [ContractCode.INVALID_TRANSITION]: 409,
  [ContractCode.RATE_LIMITED]: 429,
};

/** Expected refusals (AppError) go to the client as they are, logged briefly in English, without a stack. */
@Catch(AppError)
export class AppErrorFilter implements GqlExceptionFilter {
  private readonly logger = new Logger('Refused');

  catch(exception: AppError, host: ArgumentsHost): AppError | void {
    this.logger.log(
      { code: exception.code, details: exception.extra.details?.length },
      `request refused: ${exception.code}`,
    );
    if (host.getType<string>() === 'graphql') return exception;
    const code = GRAPHQL_CODE[exception.code] ?? ContractCode.INTERNAL;
    const res = host.switchToHttp().getResponse<Response>();
    res
      .status(HTTP_STATUS[code] ?? 500)
      .json({ code, reason: exception.code, message: exception.message, ...exception.extra });
  }
}
