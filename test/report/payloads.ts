// A relationship document whose strings carry HTML, script, URL and template payloads in every place the
// report shows text: titles, ids (with quotes), names, reasons, risk titles, evidence links, keys.
// Shared by the render tests and the browser test (which also checks that none of them ran).
import { stringify } from 'yaml';

export const PAYLOADS = [
  '<script>window.__pwned=1</script>',
  '<img src=x onerror="window.__pwned=2">',
  '</style><script>window.__pwned=3</script>',
  'javascript:window.__pwned=4',
  `"'><svg onload="window.__pwned=5">`,
  '{{constructor.constructor("window.__pwned=6")()}}',
  '${window.__pwned=7}',
  '</textarea></title><iframe src="javascript:window.__pwned=8">',
];

const [script, img, style, js, quote, mustache, template, iframe] = PAYLOADS;
const person = `per"son'1`;
const party = `a"b'c`;

export function payloadDocument(): string {
  return stringify({
    schema_version: '1',
    metadata: {
      id: `REL-"x'<b>${quote}`,
      title: `${js} ${script}`,
      version: img,
      status: script,
      lifecycle_stage: 'working_together',
      next_review_due: '2025-01-01',
      planned_end_date: '2026-01-01',
    },
    parties: [
      { id: party, name: script, role: 'customer' },
      { id: 'p2|pipe', name: style, role: 'supplier' },
    ],
    people: [{ id: person, name: img, title: iframe, party }],
    waivers: [
      { rule: 'EX8', reason: `${script} ${mustache}`, approved_by: person, expires: '2030-01-01' },
      { rule: 'EX7', reason: template, approved_by: quote, expires: '2024-01-01' },
      { rule: img, reason: 'unknown rule', approved_by: person, expires: '2030-01-01' },
    ],
    principles: {
      relationship_management: {
        rmp: { id: quote, type: 'joint', document: js, approved_by: [person] },
        stage_history: [{ stage: 'working_together', entered_on: '2025-01-01' }],
      },
      vision_and_values: {
        joint_vision: `${mustache} ${template}`,
        agreed_by: [person],
        values: [{ id: 'V"1', name: style, behaviours: [iframe] }],
        behaviour_charter: 'JaVaScRiPt:window.__pwned=9',
      },
      collaborative_leadership: {
        executive_review: { cadence: 'monthly', last_held: '2025-01-01', minutes: ` ${js}` },
      },
      risk_management: {
        review_cadence: 'monthly',
        last_reviewed: '2025-06-01',
        register: [
          { id: `R"1'<x>`, title: img, category: 'relational', likelihood: 4, impact: 5, owner: person, owning_party: party, status: 'open' },
          { id: 'R2', title: js, category: 'exit', likelihood: 'high', impact: 2, owner: quote, owning_party: party, status: script },
          { id: script, title: quote, category: 'operational', likelihood: 1, impact: 1, owner: person, owning_party: party, status: 'open' },
        ],
      },
      measurement_and_optimization: {
        kpis: [{ id: 'K<1>', name: script, type: 'relationship', unit: img, target: 1, frequency: 'monthly', owner: person, latest: 1, latest_on: '2025-01-01' }],
        improvement_actions: [{ id: 'A"1', text: img, owner: person, due: '2025-01-01', status: 'open' }],
      },
      exit_strategy: {
        document: 'https://example.com/exit?a=1&b="2"<x>',
        last_reviewed: '2025-01-01',
        last_tested: '2025-02-01',
        triggers: [{ id: 'ET-1', type: 'performance', description: iframe, notice_days: 30 }],
      },
    },
    [script]: 'an unknown key',
  });
}
