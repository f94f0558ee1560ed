// PURE. The eight lifecycle stages with the current one marked, and the rules the next stage brings in.
import { STAGES, type Coverage, type Stage } from '../core/types';
import type { Lifecycle } from './model';

export function stageLabel(stage: string): string {
  const words = stage.replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The stage as the reports name it: "Unknown" when lifecycle_stage is not a stage, never the stage it fell back to. */
export function coverageStageLabel(c: Pick<Coverage, 'stage' | 'stageKnown'>): string {
  return c.stageKnown ? stageLabel(c.stage) : 'Unknown';
}

export function buildLifecycle(coverage: Coverage, declared: boolean): Lifecycle {
  // An unknown stage marks no stage as current, and names no next one.
  const current = coverage.stageKnown ? STAGES.indexOf(coverage.stage) : -1;
  const next: Stage | undefined = coverage.stageKnown ? STAGES[current + 1] : undefined;
  const nextRules = next === undefined ? [] : coverage.principles.flatMap((p) => p.rules
    .filter((r) => r.fromStage === next)
    .map((r) => ({ id: r.id, title: r.title, principle: p.id, satisfied: r.satisfied, range: r.range })));
  return {
    current: coverage.stage,
    declared,
    stages: STAGES.map((id, i) => ({ id, label: stageLabel(id), state: i < current ? 'done' : i === current ? 'current' : 'later' })),
    next,
    nextRules,
  };
}
