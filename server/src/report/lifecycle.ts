// PURE. The eight lifecycle stages with the current one marked, and the rules the next stage brings in.
import { STAGES, type Coverage, type Stage } from '../core/types';
import type { Lifecycle } from './model';

export function stageLabel(stage: string): string {
  const words = stage.replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function buildLifecycle(coverage: Coverage, declared: boolean): Lifecycle {
  const current = STAGES.indexOf(coverage.stage);
  const next: Stage | undefined = STAGES[current + 1];
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
