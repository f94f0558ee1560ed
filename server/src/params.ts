// The parameters the server relies on, checked before a handler runs: a client that sends null, a wrong type
// or leaves out a field gets InvalidParams (-32602) with a message naming the field, instead of a TypeError
// deep in a feature logged as an internal error. The shapes are JSON Schemas (params.schema.json, only the
// fields a handler reads are required), compiled by ajv when the project is built, so the server neither loads
// ajv nor compiles a schema when it starts or answers its first request.
import type { ErrorObject, ValidateFunction } from 'ajv';
import { ErrorCodes, ResponseError } from 'vscode-languageserver';
import * as validators from './params-validator.generated';

/** By handler name (the name server.ts's guard logs failures under). */
const PARAMS: Readonly<Record<string, ValidateFunction>> = validators;

/** Throws InvalidParams naming the first field that does not fit the handler's schema (none known: anything goes). */
export function checkParams(handler: string, params: unknown): void {
  const validate = Object.hasOwn(PARAMS, handler) ? PARAMS[handler] : undefined;
  if (!validate) return;
  // A request sent without params arrives as undefined: that is JSON null on the wire.
  if (validate(params === undefined ? null : params)) return;
  throw new ResponseError(ErrorCodes.InvalidParams, describe(validate.errors?.[0]));
}

/** The handler, run only when its params fit its schema (for handlers outside server.ts's guard). */
export function validated<P, A extends unknown[], R>(handler: string, run: (params: P, ...rest: A) => R): (params: P, ...rest: A) => R {
  return (params, ...rest) => {
    checkParams(handler, params);
    return run(params, ...rest);
  };
}

function describe(error: ErrorObject | null | undefined): string {
  if (!error) return 'invalid params';
  const at = error.instancePath.split('/').slice(1).join('.');
  if (error.keyword === 'required') {
    const field = [at, (error.params as { missingProperty: string }).missingProperty].filter(Boolean).join('.');
    return `invalid params: ${field} is required`;
  }
  return `invalid params: ${at || 'params'} ${error.message ?? 'is invalid'}`;
}
