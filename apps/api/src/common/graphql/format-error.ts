import { GraphQLError, GraphQLFormattedError } from 'graphql';
import { Logger } from '@nestjs/common';
import { AppError } from '../errors/app-error';
import { ContractCode, GRAPHQL_CODE } from '../errors/error-codes';

const logger = new Logger('GraphQL');

const PASS_THROUGH = new Set<string>(Object.values(ContractCode));
const REQUEST_ERRORS = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'OPERATION_RESOLUTION_FAILURE',
]);

function unwrap(error: unknown): unknown {
  let e = error;
  for (let i = 0; i < 5 && e instanceof GraphQLError && e.originalError; i++) e = e.originalError;
  return e;
}

/**
 * Every error leaves the API through here: feature errors get their contract code, request errors become
 * BAD_USER_INPUT, and anything unexpected becomes INTERNAL with the details only in the server log.
 */
export function formatGraphQLError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = unwrap(error);
  const base = { locations: formatted.locations, path: formatted.path };
  if (original instanceof AppError) {
    const code = GRAPHQL_CODE[original.code] ?? ContractCode.INTERNAL;
    if (code === ContractCode.INTERNAL) {
      logger.error({ err: original, code: original.code }, `internal error: ${original.message}`);
      return {
        ...base,
        message: 'Ett internt fel inträffade. Försök igen eller kontakta supporten.',
        extensions: { code },
      };
    }
    return {
      ...base,
      message: original.message,
      extensions: { code, reason: original.code, ...original.extra },
    };
  }
  const code = String(formatted.extensions?.code ?? '');
  if (REQUEST_ERRORS.has(code)) {
    return {
      ...base,
      message: formatted.message,
      extensions: { code: ContractCode.BAD_USER_INPUT, reason: code },
    };
  }
  if (
    code === 'BAD_USER_INPUT' &&
    !(original instanceof Error && original.constructor.name !== 'GraphQLError')
  ) {
    return { ...base, message: formatted.message, extensions: { code: ContractCode.BAD_USER_INPUT } };
  }
  if (PASS_THROUGH.has(code) && code !== ContractCode.INTERNAL && original instanceof GraphQLError) {
    return { ...base, message: formatted.message, extensions: { code } };
  }
  logger.error({ err: original }, `unexpected error: ${(original as Error)?.message ?? String(original)}`);
  return {
    ...base,
    message: 'Ett internt fel inträffade. Försök igen eller kontakta supporten.',
    extensions: { code: ContractCode.INTERNAL },
  };
}
