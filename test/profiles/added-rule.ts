// A profile that adds one organisation rule with a `present` check counted from the first stage: the shape the
// profile tests of the CLI, rac diff, rac explain and the action all write.
export interface AddedRule { id: string; title: string; path: string; why: string; hint: string }

export function addedRuleProfile(rule: AddedRule): string {
  return [
    'add:',
    `  - id: ${rule.id}`,
    '    principle: relationship_management',
    `    title: ${rule.title}`,
    `    path: ${rule.path}`,
    '    check: present',
    '    from_stage: awareness',
    `    why: ${rule.why}`,
    `    hint: ${rule.hint}`,
    '',
  ].join('\n');
}

export const CONTRACTS_RULE: AddedRule = {
  id: 'X-RM1',
  title: 'the contracts are referenced',
  path: 'metadata.contract_refs',
  why: 'a reader of the relationship must find the contracts it rests on',
  hint: 'list the contracts under metadata.contract_refs',
};

export const START_DATE_RULE: AddedRule = {
  id: 'X-RM1',
  title: 'the start date is recorded',
  path: 'metadata.start_date',
  why: 'cadences and reviews are read from the day the relationship began',
  hint: 'record the day the relationship began under metadata.start_date',
};
