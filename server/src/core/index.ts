// The engine's public surface.
export { analyze, tooLargeAnalysis } from './analyze';
export { loadCatalog, catalogSource, type Catalog, type PrincipleSpec, type RuleSpec } from './catalog';
export { rootSchema, schemaAt, childSchema, deref, type JsonSchema } from './schema';
export { LineIndex } from './text';
export { collections } from './model';
export { noun } from './refs';
export { openableUrl } from './link-findings';
export { MAX_FILE_BYTES, tooLargeMessage } from './size-limit';
export { toDay, fromDay } from './dates';
export * from './types';
