// The types of the validators scripts/compile-schema.mjs generates beside this file from params.schema.json
// (ajv's standalone code): one per handler, named after it.
import type { ValidateFunction } from 'ajv';

export declare const completion: ValidateFunction;
export declare const hover: ValidateFunction;
export declare const documentSymbol: ValidateFunction;
export declare const foldingRange: ValidateFunction;
export declare const definition: ValidateFunction;
export declare const references: ValidateFunction;
export declare const prepareRename: ValidateFunction;
export declare const rename: ValidateFunction;
export declare const codeAction: ValidateFunction;
export declare const documentLink: ValidateFunction;
export declare const codeLens: ValidateFunction;
export declare const preview: ValidateFunction;
export declare const scaffold: ValidateFunction;
export declare const migrate: ValidateFunction;
export declare const checkWorkspace: ValidateFunction;
