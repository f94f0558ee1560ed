// Generates realistic relationship files of a given size for benchmarks: a complete relationship whose
// registers (people, risks, KPIs, actions, value items) grow until the file reaches the line count.

export function generateRelationship(targetLines: number, seed = 1): string {
  const head = `schema_version: "1"
metadata:
  id: REL-BENCH-${seed}
  title: Benchmark relationship ${seed}
  version: 1.0.0
  status: active
  lifecycle_stage: staying_together
  relationship_type: outsourcing
  scope: Generated for benchmarks
  start_date: 2022-01-01
  last_reviewed: 2026-09-01
  next_review_due: 2027-03-01
parties:
  - {id: cust, name: Customer Org, role: customer}
  - {id: supp, name: Supplier Org, role: supplier}
`;
  const n = Math.max(1, Math.round((targetLines - 140) / 32.4));
  const people: string[] = ['people:'];
  const risks: string[] = [];
  const kpis: string[] = [];
  const actions: string[] = [];
  const values: string[] = [];
  for (let i = 0; i < n; i++) {
    const party = i % 2 === 0 ? 'cust' : 'supp';
    people.push(`  - id: p-${i}`, `    name: Person ${i}`, `    title: Role ${i % 7}`, `    party: ${party}`);
    risks.push(
      `      - id: R-${i}`,
      `        title: Risk number ${i} in the generated register`,
      `        category: ${['operational', 'relational', 'exit', 'commercial'][i % 4]}`,
      `        likelihood: ${1 + (i % 5)}`,
      `        impact: ${1 + ((i * 3) % 5)}`,
      `        owner: p-${i}`,
      `        owning_party: ${party}`,
      `        status: open`,
      `        mitigations:`,
      `          - {action: Mitigation for risk ${i}, due: 2027-01-15, status: planned}`,
    );
    kpis.push(
      `      - id: KPI-${i}`,
      `        name: Indicator ${i}`,
      `        type: ${i === 0 ? 'relationship' : 'delivery'}`,
      `        unit: percent`,
      `        target: 95`,
      `        frequency: monthly`,
      `        owner: p-${i}`,
      `        latest: 96`,
      `        latest_on: 2026-10-15`,
    );
    actions.push(`      - {id: ACT-${i}, text: Improvement ${i}, owner: p-${i}, due: 2027-02-01, status: open}`);
    values.push(
      `      - id: VC-${i}`,
      `        title: Value idea ${i}`,
      `        proposed_by: ${party}`,
      `        status: realised`,
      `        estimated_value: ${1000 + i}`,
      `        realised_value: ${1100 + i}`,
      `        currency: EUR`,
      `        benefit_split: {cust: 0.5, supp: 0.5}`,
    );
  }
  return `${head}${people.join('\n')}
principles:
  relationship_management:
    rmp: {id: RMP-1, type: joint, version: "1.0", document: https://example.org/rmp.pdf, approved_by: [p-0, p-1], approved_on: 2026-01-10, review_cadence: annual}
    stage_history:
      - {stage: working_together, completed_on: 2023-01-01}
      - {stage: staying_together, entered_on: 2024-01-01}
  vision_and_values:
    joint_vision: A generated vision both parties agree.
    agreed_by: [p-0, p-1]
    agreed_on: 2023-01-01
    values:
      - {id: V1, name: Openness, behaviours: [Share bad news early]}
    last_alignment_review: 2026-06-01
  business_objectives:
    party_objectives:
      - {id: PO-1, party: cust, text: Lower cost}
      - {id: PO-2, party: supp, text: Growth}
    joint_objectives:
      - {id: JO-1, text: Joint goal, supports: [PO-1, PO-2], kpi: KPI-0, target: 10, unit: percent, due: 2027-06-30, owner: p-0}
  collaborative_leadership:
    ser:
      - {party: cust, person: p-0}
      - {party: supp, person: p-1}
    relationship_managers:
      - {party: cust, person: p-2}
      - {party: supp, person: p-3}
    executive_review: {cadence: quarterly, last_held: 2026-10-01}
  governance_and_processes:
    bodies:
      - {id: GB-1, name: Board, chair: p-0, members: [p-0, p-1], cadence: quarterly, decision_rights: [exit_activation], last_held: 2026-10-01}
    escalation_path:
      - {level: 1, body: GB-1, max_days: 10}
      - {level: 2, mechanism: mediation, max_days: 30}
    processes:
      - {id: PR-1, kind: change_control, document: https://example.org/change.pdf}
      - {id: PR-2, kind: issue_resolution, document: https://example.org/issues.pdf}
  competence_and_behaviour:
    role_competencies:
      - {role: board_member, framework: Collaboration, required: [negotiation]}
    assessments:
      - {person: p-0, assessed_on: 2026-01-01, result: meets}
      - {person: p-1, assessed_on: 2026-01-01, result: meets}
    behaviour_survey: {instrument: pulse, cadence: biannual, last_run: 2026-07-01, score: 4, scale_max: 5}
  trust_and_mutual_benefit:
    mutual_benefits:
      - {party: cust, benefit: Savings}
      - {party: supp, benefit: Revenue}
    gain_share: {mechanism: 50/50 above baseline}
    trust_measurement: {instrument: trust index, cadence: biannual, last_measured: 2026-07-01, score: 70, scale_max: 100}
    commitments:
      - {id: C-1, by: supp, text: A named engineer, due: 2027-01-01, status: on_track}
  value_creation:
    programme: {owner: p-1, cadence: quarterly}
    register:
${values.join('\n')}
  information_and_knowledge_sharing:
    knowledge_map:
      - {item: Performance data, classification: can_share}
    agreements:
      - {type: nda, signed_on: 2022-01-01}
    ip_policy: Background IP stays with its owner.
  risk_management:
    review_cadence: monthly
    last_reviewed: 2026-10-20
    register:
${risks.join('\n')}
  measurement_and_optimization:
    kpis:
${kpis.join('\n')}
    relationship_reviews: {cadence: annual, last_held: 2026-06-01}
    improvement_actions:
${actions.join('\n')}
  exit_strategy:
    jointly_agreed_on: 2023-01-01
    last_reviewed: 2026-06-01
    last_tested: 2026-06-01
    triggers:
      - {id: ET-1, type: planned_end, description: Contract end, notice_days: 180}
    transition_plan: {phases: [plan, transfer, cutover]}
    responsibilities:
      - {party: cust, duty: Appoint successor}
      - {party: supp, duty: Hand over data}
    assets_ip_data:
      - {item: Data, disposition: return}
    service_continuity: Service levels kept until cutover
    post_exit:
      obligations: [{text: Confidentiality, duration_months: 24}]
      review: Joint review within 60 days
`;
}
