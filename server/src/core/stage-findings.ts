// Status and stage agree: metadata.status against metadata.lifecycle_stage, and stage_history as a record of
// the life cycle walked in order, oldest first, with its dates in order. These read the data as written (the
// schema reports wrong types and values); a value they cannot read is left to the schema's finding.
import { toDay } from './dates';
import type { Locator } from './locate';
import { STAGES, type Finding, type Path, type Stage } from './types';

const HISTORY: Path = ['principles', 'relationship_management', 'stage_history'];

export function stageFindings(data: Record<string, unknown>, stage: Stage, stageKnown: boolean, locate: Locator): Finding[] {
  const metadata = isMap(data.metadata) ? data.metadata : {};
  const rm = isMap(data.principles) && isMap(data.principles.relationship_management) ? data.principles.relationship_management : {};
  const history = Array.isArray(rm.stage_history) ? rm.stage_history : [];
  return [
    ...(stageKnown && typeof metadata.lifecycle_stage === 'string' ? statusFindings(metadata.status, stage, locate) : []),
    ...orderFindings(history, locate),
    ...dateOrderFindings(history, locate),
  ];
}

function statusFindings(status: unknown, stage: Stage, locate: Locator): Finding[] {
  const range = locate.value(['metadata', 'status']);
  if (status === 'active' && stage === 'exit') {
    return [{
      code: 'stage.status-mismatch', severity: 'warning', range, path: ['metadata', 'status'],
      message: 'status is active but lifecycle_stage is exit: set status: exiting while the exit runs (closed once it is complete)',
      fixes: [{ title: 'Set status to exiting', edits: [{ range, newText: 'exiting' }], preferred: true }],
    }];
  }
  if (status === 'closed' && stage !== 'exit') {
    return [{
      code: 'stage.status-mismatch', severity: 'warning', range, path: ['metadata', 'status'],
      message: `status is closed but lifecycle_stage is ${stage}: a relationship closes at the end of its exit; set lifecycle_stage: exit (with its stage_history entry), or set the status it has now`,
    }];
  }
  return [];
}

/** Each entry is the stage after the one before it: a skipped stage or a step back is named at the entry. */
function orderFindings(history: unknown[], locate: Locator): Finding[] {
  const findings: Finding[] = [];
  let previous: Stage | undefined;
  history.forEach((entry, i) => {
    const stage = isMap(entry) && (STAGES as readonly unknown[]).includes(entry.stage) ? (entry.stage as Stage) : undefined;
    if (!stage) return; // not a stage: the schema says so, and the order after it is judged from the next one
    if (previous !== undefined) {
      const gap = STAGES.indexOf(stage) - STAGES.indexOf(previous);
      const expected = STAGES[STAGES.indexOf(previous) + 1];
      const path = [...HISTORY, i, 'stage'];
      const message = gap > 1
        ? `stage_history goes from ${previous} to ${stage}, skipping ${STAGES.slice(STAGES.indexOf(previous) + 1, STAGES.indexOf(stage)).join(', ')}: add an entry for ${expected} before this one (the life cycle passes through every stage)`
        : gap === 0
          ? `stage_history names ${stage} twice in a row: keep one entry per stage (${expected ? `the entry after ${previous} is ${expected}` : 'exit is the last stage'}), with the dates of both in it`
          : gap < 0
            ? `stage_history goes back from ${previous} to ${stage}: entries are oldest first, so ${expected ? `the entry after ${previous} is ${expected}` : 'nothing follows exit, the last stage'}; reorder the entries or correct this stage`
            : undefined;
      if (message) findings.push({ code: 'stage.history-order', severity: 'warning', message, range: locate.value(path), path });
    }
    previous = stage;
  });
  return findings;
}

/** The history's dates, entry by entry (entered_on, then completed_on), never go back in time. */
function dateOrderFindings(history: unknown[], locate: Locator): Finding[] {
  const findings: Finding[] = [];
  let latest: { day: number; text: string; what: string } | undefined;
  history.forEach((entry, i) => {
    if (!isMap(entry)) return;
    for (const key of ['entered_on', 'completed_on']) {
      const text = entry[key];
      const day = typeof text === 'string' ? toDay(text) : undefined;
      if (day === undefined || typeof text !== 'string') continue; // no date, or not a day: the schema's finding
      const what = `${key} of ${typeof entry.stage === 'string' ? entry.stage : `entry ${i + 1}`}`;
      if (latest && day < latest.day) {
        const path = [...HISTORY, i, key];
        findings.push({
          code: 'stage.history-dates', severity: 'warning', range: locate.value(path), path,
          message: `${what} (${text}) is before ${latest.what} (${latest.text}): stage_history runs oldest first, so correct the date or the order of the entries`,
        });
        continue;
      }
      latest = { day, text, what };
    }
  });
  return findings;
}

function isMap(v: unknown): v is Record<string, unknown> {
  return !!v && typeof v === 'object' && !Array.isArray(v);
}
