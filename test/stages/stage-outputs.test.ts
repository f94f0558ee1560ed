// Each stage's outputs up to staying_together, one by one: the stage baselines
// (test/golden/cases/stage-*.relationship.yaml) hold exactly what their stage asks for and are clean; taking away
// any one output gives the finding that names the rule, its ISO 44001 clause and how to fix it. The table below names, for every rule that counts at a stage, the output to take
// away; a rule that starts counting without an entry here fails the test, so the table grows with the catalog.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { parseDocument } from 'yaml';
import { analyze, loadCatalog, STAGES, type Stage } from '../../server/src/core/index';

const AS_OF = '2026-06-01';
const CASES = join(__dirname, '..', '..', 'test', 'golden', 'cases');

const RM = 'principles.relationship_management';
const BO = 'principles.business_objectives';
const CL = 'principles.collaborative_leadership';
const GP = 'principles.governance_and_processes';
const CB = 'principles.competence_and_behaviour';
const TM = 'principles.trust_and_mutual_benefit';
const IK = 'principles.information_and_knowledge_sharing';
const RK = 'principles.risk_management';
const MO = 'principles.measurement_and_optimization';
const EX = 'principles.exit_strategy';

/**
 * Rule → the output to take away: a data path (list indexes as numbers), or several paths when one output is
 * spread over items (GP1: no body has members of every party), with the error codes the removal brings on
 * purpose (the own objective removed leaves the joint objective pointing at nothing).
 */
type Output = string | { paths: string[]; errors?: string[] };
const AWARENESS: Record<string, Output> = {
  RM1: `${RM}.rmp`,
  RM3: 'metadata.next_review_due',
  RM4: `${RM}.stage_history`,
  RM5: 'metadata.maintained_by',
  BO5: `${BO}.party_objectives.0`,
  CL4: `${CL}.ser.0`,
  RK1: `${RK}.register`,
  RK2: `${RK}.register.0.owner`,
  RK5: `${RK}.register.1.mitigations`,
};
const KNOWLEDGE = { ...AWARENESS, BO6: `${BO}.business_case`, IK1: `${IK}.knowledge_map`, IK2: `${IK}.knowledge_map.1.condition`, EX1: `${EX}.triggers` };
const INTERNAL = { ...KNOWLEDGE, CB1: `${CB}.role_competencies`, CB5: `${CB}.self_assessment` };
const SELECTION = {
  ...INTERNAL,
  RM6: `${RM}.partner_selection.criteria`,
  RM7: `${RM}.partner_selection.candidates.1.evaluation`,
  RM8: `${RM}.partner_selection.decision`,
  BO1: `${BO}.party_objectives.1`,
};
const TOGETHER: Record<string, Output> = {
  ...SELECTION,
  // The joint objective supports both party objectives: taking one away leaves a reference to it unresolved.
  BO5: { paths: [`${BO}.party_objectives.0`], errors: ['ref.unresolved'] },
  BO1: { paths: [`${BO}.party_objectives.1`], errors: ['ref.unresolved'] },
  RM2: `${RM}.joint_rmp`,
  VV1: 'principles.vision_and_values.joint_vision',
  VV2: 'principles.vision_and_values.agreed_by',
  VV3: 'principles.vision_and_values.values.0.behaviours',
  BO2: `${BO}.joint_objectives.0.supports`,
  BO3: `${BO}.joint_objectives.0.unit`,
  BO4: `${BO}.joint_objectives.0.kpi`,
  CL1: `${CL}.ser.1`,
  CL2: `${CL}.relationship_managers.1`,
  CL3: `${CL}.executive_review.last_held`,
  GP1: { paths: [`${GP}.bodies.0.members`, `${GP}.bodies.1.members`] },
  GP2: `${GP}.bodies.1.last_held`,
  GP3: `${GP}.escalation_path.1`,
  GP4: `${GP}.processes.1`,
  GP5: `${GP}.bodies.0.decision_rights`,
  GP6: 'metadata.contract_refs',
  CB2: `${CB}.assessments.1`,
  CB3: `${CB}.assessments.3.action`,
  TM1: `${TM}.mutual_benefits.1`,
  TM3: `${TM}.commitments.0.status`,
  TM4: `${TM}.gain_share`,
  IK3: `${IK}.agreements.0.signed_on`,
  IK4: `${IK}.ip_policy`,
  RK3: `${RK}.register.1.category`,
  RK4: `${RK}.last_reviewed`,
  RK6: `${RK}.register.0.owning_party`,
  MO1: `${MO}.kpis.1.type`,
  MO2: `${MO}.kpis.0.unit`,
  MO4: `${MO}.improvement_actions.0.owner`,
  MO5: `${MO}.kpis.1.direction`,
  EX2: `${EX}.jointly_agreed_on`,
  EX3: `${EX}.transition_plan`,
  EX4: `${EX}.responsibilities.1`,
  EX5: `${EX}.assets_ip_data`,
  EX6: `${EX}.service_continuity`,
  EX9: `${EX}.post_exit.review`,
};
const VALUE: Record<string, Output> = {
  ...TOGETHER,
  VC1: 'principles.value_creation.programme.cadence',
  VC2: 'principles.value_creation.register',
  VC3: 'principles.value_creation.register.0.currency',
  VC4: 'principles.value_creation.register.0.benefit_split.kce',
};
const STAYING: Record<string, Output> = {
  ...VALUE,
  VV4: 'principles.vision_and_values.last_alignment_review',
  CB4: `${CB}.behaviour_survey`,
  TM2: `${TM}.trust_measurement.last_measured`,
  TM5: `${TM}.trust_measurement.scores.kce`,
  MO3: `${MO}.relationship_reviews`,
  EX7: `${EX}.last_reviewed`,
  EX8: `${EX}.last_tested`,
};
const OUTPUTS: [Stage, Record<string, Output>][] = [
  ['awareness', AWARENESS], ['knowledge', KNOWLEDGE], ['internal_assessment', INTERNAL], ['partner_selection', SELECTION], ['working_together', TOGETHER],
  ['value_creation', VALUE], ['staying_together', STAYING],
];

const exists = () => 'exists' as const;
const text = (stage: Stage) => readFileSync(join(CASES, `stage-${stage.replace(/_/g, '-')}.relationship.yaml`), 'utf8');
const pathOf = (dotted: string) => dotted.split('.').map((s) => (/^\d+$/.test(s) ? Number(s) : s));
const loud = (f: { severity: string }) => f.severity === 'error' || f.severity === 'warning';

function counted(stage: Stage): string[] {
  return [...loadCatalog().rules.values()].filter(({ rule }) => STAGES.indexOf(rule.from_stage) <= STAGES.indexOf(stage)).map(({ rule }) => rule.id).sort();
}

for (const [stage, outputs] of OUTPUTS) {
  describe(`stage ${stage}`, () => {
    const original = text(stage);

    test('the baseline is clean: every counted rule met, no error or warning', () => {
      const a = analyze(original, { asOf: AS_OF, fileExists: exists });
      assert.equal(a.info.stage, stage);
      assert.deepEqual(a.findings.filter(loud).map((f) => `${f.code}: ${f.message}`), []);
      const states = a.coverage.principles.flatMap((p) => p.rules).filter((r) => r.state !== 'not_yet_required' && r.state !== 'met');
      assert.deepEqual(states.map((r) => `${r.id} ${r.state}`), []);
    });

    test('the table names an output for exactly the rules that count here', () => {
      assert.deepEqual(Object.keys(outputs).sort(), counted(stage));
    });

    for (const [rule, output] of Object.entries(outputs)) {
      const { paths, errors = [] } = typeof output === 'string' ? { paths: [output] } : output;
      test(`without ${paths.join(' and ')}: ${rule} says what is missing and how to fix it`, () => {
        const doc = parseDocument(original);
        for (const dotted of paths) {
          assert.ok(doc.hasIn(pathOf(dotted)), `the baseline has no ${dotted}`);
          doc.deleteIn(pathOf(dotted));
        }
        const a = analyze(doc.toString(), { asOf: AS_OF, fileExists: exists });
        const spec = loadCatalog().rules.get(rule)!.rule;
        const finding = a.findings.find((f) => f.code === `evidence.${rule}`)
          ?? a.findings.find((f) => f.code === 'evidence.missing-principle' && f.message.includes(rule));
        assert.ok(finding, `no finding for ${rule}; got ${a.findings.map((f) => f.code).join(', ')}`);
        assert.equal(finding.severity, 'warning');
        // The clause an assessor looks the rule up by, in the rule's own finding and in a principle's grouped one.
        const clause = `(ISO 44001 ${spec.iso44001 ?? 'none'})`;
        if (finding.code === `evidence.${rule}`) {
          assert.ok(finding.message.startsWith(`${rule} ${spec.title} ${clause}: `), `the message names the rule and its clause: ${finding.message}`);
          assert.ok(finding.message.endsWith(spec.hint), `the message ends with how to fix it: ${finding.message}`);
        } else {
          assert.match(finding.message, new RegExp(`\\b${rule}(, [A-Z]+\\d+)* ${clause.replace(/[().]/g, '\\$&')}`), `the message names the rule's clause: ${finding.message}`);
        }
        assert.equal(a.coverage.principles.flatMap((p) => p.rules).find((r) => r.id === rule)?.state, 'unmet');
        const unexpected = a.findings.filter((f) => f.severity === 'error' && !errors.includes(f.code));
        assert.deepEqual(unexpected.map((f) => f.message), [], 'taking an output away breaks nothing else');
      });
    }
  });
}
