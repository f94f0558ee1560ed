// The declared lifecycle stage decides which rules count, so it is kept whenever the text still shows it: from
// the data, or, when metadata does not parse, from its own line. A value that is not a stage (or cannot be
// read) leaves the stage unknown: the schema error says so, and coverage does not pretend the file is at
// the first stage.
import { STAGES, type Stage } from './types';

export interface StageReading {
  stage: Stage;
  /** lifecycle_stage names a stage. */
  declared: boolean;
  /** False when lifecycle_stage is written but is not a stage. */
  known: boolean;
}

const FIRST: Stage = STAGES[0];
const LINE = /^[ \t]+lifecycle_stage[ \t]*:[ \t]*(["']?)([^"'#\s]*)\1[ \t]*(?:#[^\r\n]*)?\r?$/m;

function named(value: unknown): StageReading {
  // Empty is not written yet: the first stage, as when the key is absent (the schema asks for a value).
  if (value === undefined || value === null || value === '') return { stage: FIRST, declared: false, known: true };
  return STAGES.includes(value as Stage) ? { stage: value as Stage, declared: true, known: true } : { stage: FIRST, declared: false, known: false };
}

/** `metadata` as data; `fromText` when metadata does not parse, so its line is read instead. */
export function readStage(metadata: unknown, fromText?: string): StageReading {
  if (fromText !== undefined) {
    const m = LINE.exec(fromText);
    if (m) return named(m[2]);
    return /^[ \t]*["']?lifecycle_stage\b/m.test(fromText) ? { stage: FIRST, declared: false, known: false } : named(undefined);
  }
  const value = metadata && typeof metadata === 'object' && !Array.isArray(metadata) ? (metadata as Record<string, unknown>).lifecycle_stage : undefined;
  return named(value);
}
