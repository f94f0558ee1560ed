// PURE. The lifecycle stages offered by "New Relationship File", described by the schema's own enum descriptions.
import { $defs } from '../../schemas/relationship.schema.json';
import type { Stage } from '../../server/src/core/types';

export interface StagePick {
  label: string;
  description: string;
  detail: string;
  stage: Stage;
}

export function stagePicks(): StagePick[] {
  const { enum: values, enumDescriptions } = $defs.stage;
  // The schema's enum lists the stages in lifecycle order (the core's STAGES is the same list; a test checks it).
  return (values as Stage[]).map((stage, i) => ({
    label: stage.charAt(0).toUpperCase() + stage.slice(1).replace(/_/g, ' '),
    description: stage,
    detail: enumDescriptions[i] ?? '',
    stage,
  }));
}
