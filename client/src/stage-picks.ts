// PURE. The lifecycle stages offered by "New Relationship File", described by the schema's own enum descriptions.
import { $defs } from '../../schemas/relationship.schema.json';
import { STAGES, type Stage } from '../../server/src/core/types';

export interface StagePick {
  label: string;
  description: string;
  detail: string;
  stage: Stage;
}

export function stagePicks(): StagePick[] {
  const { enum: values, enumDescriptions } = $defs.stage;
  return STAGES.map((stage) => ({
    label: stage.charAt(0).toUpperCase() + stage.slice(1).replace(/_/g, ' '),
    description: stage,
    detail: enumDescriptions[values.indexOf(stage)] ?? '',
    stage,
  }));
}
