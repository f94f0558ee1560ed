// The type of the validator scripts/compile-schema.mjs generates beside this file (ajv's standalone code).
import type { ValidateFunction } from 'ajv';

export declare const validate: ValidateFunction;
export default validate;
