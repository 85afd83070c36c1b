import { ArgumentsHost, Catch, Logger } from '@nestjs/common';
import { GqlExceptionFilter } from '@nestjs/graphql';
import { AppError } from './app-error';

/** Expected refusals (AppError) go to the client as they are, logged briefly in English, without a stack. */
@Catch(AppError)
export class AppErrorFilter implements GqlExceptionFilter {
  private readonly logger = new Logger('Refused');

  catch(exception: AppError, host: ArgumentsHost): AppError {
    if (host.getType<string>() === 'graphql') {
      this.logger.log({ code: exception.code, details: exception.extra.details?.length }, `request refused: ${exception.code}`);
    }
    return exception;
  }
}
