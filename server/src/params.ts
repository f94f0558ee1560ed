// The parameters the server relies on, checked before a handler runs: a client that sends null, a wrong type
// or leaves out a field gets InvalidParams (-32602) with a message naming the field, instead of a TypeError
// deep in a feature logged as an internal error. The shapes are JSON Schemas checked by ajv (the library the
// core already uses for the file format); only the fields a handler reads are required.
import Ajv2020, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020';
import { ErrorCodes, ResponseError } from 'vscode-languageserver';

type Schema = Record<string, unknown>;

const object = (properties: Record<string, Schema>, required = Object.keys(properties)): Schema => ({ type: 'object', properties, required });
const string: Schema = { type: 'string' };
const position = object({ line: { type: 'integer', minimum: 0 }, character: { type: 'integer', minimum: 0 } });
const range = object({ start: position, end: position });
const textDocument = object({ uri: string });

const document = object({ textDocument });
const atPosition = object({ textDocument, position });

/** By handler name (the name server.ts's guard logs failures under). */
const PARAMS: Record<string, Schema> = {
  completion: atPosition,
  hover: atPosition,
  documentSymbol: document,
  foldingRange: document,
  definition: atPosition,
  references: object({ textDocument, position, context: object({ includeDeclaration: { type: 'boolean' } }) }),
  prepareRename: atPosition,
  rename: object({ textDocument, position, newName: string }),
  codeAction: object({ textDocument, range, context: object({ diagnostics: { type: 'array' } }) }),
  documentLink: document,
  codeLens: document,
  preview: object({ uri: string }),
  scaffold: object({ stage: string }),
  migrate: object({ uri: string }),
  // No fields: nothing, null or an (empty) object; workDoneToken is the client's to add.
  checkWorkspace: { type: ['object', 'null'] },
};

const ajv = new Ajv2020({ allErrors: false, strict: true });
const compiled = new Map<Schema, ValidateFunction>();

/** Throws InvalidParams naming the first field that does not fit the handler's schema (none known: anything goes). */
export function checkParams(handler: string, params: unknown): void {
  const schema = Object.hasOwn(PARAMS, handler) ? PARAMS[handler] : undefined;
  if (!schema) return;
  let validate = compiled.get(schema);
  if (!validate) compiled.set(schema, (validate = ajv.compile(schema)));
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
