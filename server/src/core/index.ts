// The engine's public surface.
export { analyze } from './analyze';
export { loadCatalog, catalogSource, type Catalog, type PrincipleSpec, type RuleSpec } from './catalog';
export { rootSchema, schemaAt, childSchema, deref, isDateSchema, type JsonSchema } from './schema';
export { LineIndex } from './text';
export { nodeAt, type NodeAt } from './node-at';
export { textContext } from './text-context';
export type { ContainerKind, TextContext } from './text-context-types';
export { collections } from './model';
export { noun } from './refs';
export { toDay, fromDay } from './dates';
export * from './types';
