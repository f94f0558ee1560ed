// The engine's public surface: features/, cli/ and report/ import the core only from here.
export { analyze } from './analyze';
export { loadCatalog, catalogSource, parsePath, staticSegments, type Catalog, type CheckSpec, type PrincipleSpec, type RuleSpec } from './catalog';
export { checks } from './checks/index';
export { isBlank, select, strings, valueAt, type CheckDate, type CheckKind, type Target } from './checks/context';
export { checkContext, checkDates, evaluate } from './evidence';
export { fillFor, placeholder, rulesUnder, bump, type Fill } from './placeholder';
export { scaffold } from './scaffold';
export { rootSchema, schemaAt, childSchema, deref, isDateSchema, type JsonSchema } from './schema';
export { findingKey } from './finding-key';
export { findPair, Locator, walk } from './locate';
export { escapeMarkdown, LineIndex } from './text';
export { collections } from './model';
export { noun } from './refs';
export { countSeverities, type SeverityCounts } from './severity-counts';
export { nearest } from './suggest';
export { cadenceDays, toDay, fromDay } from './dates';
export * from './types';
