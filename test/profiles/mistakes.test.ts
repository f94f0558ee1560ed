// Every mistake in a profile gets a clear message at the right place, the same in the CLI (exit 2 and
// file:line:column) and in the editor (a diagnostic on the open profile): a table of mistakes, each with the
// text that holds it, the code, where it must point and what the message must say.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { rac, VALID, workspace } from '../cli/run-cli';
import { LspClient, rangeOf } from '../lsp/client';

interface Mistake {
  name: string;
  /** The profile checked (.rac.yaml unless named). */
  profile: string;
  /** Other files of the repository (bases). */
  others?: Record<string, string>;
  /** The profile the error is reported in, when not .rac.yaml. */
  file?: string;
  code: string;
  /** The text the finding starts at (its first occurrence in the file, or the n-th). */
  at: string;
  nth?: number;
  message: RegExp;
}

const ADD = (over: Record<string, string>): string => {
  const rule: Record<string, string> = {
    id: 'X-GP1', principle: 'governance_and_processes', title: 'a data protection officer sits on a body',
    path: 'principles.governance_and_processes.bodies[*].members', check: 'includes', args: '{values: [p-dpo]}',
    from_stage: 'working_together', why: 'personal data crosses the boundary', hint: 'add the officer to a body',
    ...over,
  };
  return `add:\n${Object.entries(rule).filter(([, v]) => v !== '').map(([k, v], i) => `${i ? '    ' : '  - '}${k}: ${v}`).join('\n')}\n`;
};

export const MISTAKES: Mistake[] = [
  { name: 'unknown top-level key', profile: 'rule:\n  GP2: error\n', code: 'profile.unknown-key', at: 'rule', message: /unknown key "rule" in a profile; did you mean "rules"\?/ },
  { name: 'unknown rule id', profile: 'rules:\n  GP9: off\n', code: 'profile.unknown-rule', at: 'GP9', message: /"GP9" is neither a rule id nor a finding code; did you mean "GP\d"\?/ },
  { name: 'rule id in lower case', profile: 'rules:\n  gp2: error\n', code: 'profile.unknown-rule', at: 'gp2', message: /rule ids are upper case: GP2/ },
  { name: 'rule named by its finding code', profile: 'rules:\n  evidence.GP2: off\n', code: 'profile.unknown-rule', at: 'evidence.GP2', message: /name the rule by its id alone: GP2/ },
  { name: 'unknown finding code', profile: 'rules:\n  link.missing: off\n', code: 'profile.unknown-rule', at: 'link.missing', message: /did you mean "link\.missing-file"\?/ },
  { name: 'level misspelt', profile: 'rules:\n  GP2: eror\n', code: 'profile.level', at: 'eror', message: /"eror" is not a level; did you mean "error"\?/ },
  { name: 'argument the check does not read', profile: 'rules:\n  RK5: {args: {threshold: 9}}\n', code: 'profile.args', at: 'threshold', message: /the check score_mitigated has no argument "threshold".*its arguments: min_score, closed/ },
  { name: 'argument of the wrong type', profile: 'rules:\n  RK5:\n    args:\n      min_score: high\n', code: 'profile.args', at: 'high', message: /argument min_score of score_mitigated is a number, not "high"/ },
  { name: 'unknown stage', profile: 'rules:\n  VV4: {from_stage: value}\n', code: 'profile.stage', at: 'value}', message: /"value" is not a lifecycle stage/ },
  { name: 'added rule with an unknown check kind', profile: ADD({ check: 'include' }), code: 'profile.check', at: 'include', message: /"include" is not a check kind; did you mean "includes"\?/ },
  { name: 'added rule with a path the format does not have', profile: ADD({ path: 'principles.governance_and_processes.bodys[*].members' }), code: 'profile.path', at: 'principles.governance_and_processes.bodys', message: /has no "bodys" under principles\.governance_and_processes; did you mean "bodies"\?/ },
  { name: 'added rule whose id is a catalog rule', profile: ADD({ id: 'GP1' }), code: 'profile.id-clash', at: 'GP1', message: /the id GP1 is a rule of the catalog already/ },
  { name: 'added rule without why', profile: ADD({ why: '' }), code: 'profile.missing', at: 'id', message: /an added rule needs why/ },
  { name: 'added rule for an unknown principle', profile: ADD({ principle: 'governance' }), code: 'profile.principle', at: 'governance', nth: 0, message: /"governance" is not a principle; did you mean "governance_and_processes"\?/ },
  { name: 'added rule with arguments its kind does not read', profile: ADD({ args: '{value: [p-dpo]}' }), code: 'profile.args', at: 'value:', message: /the check includes has no argument "value"; did you mean "values"\?/ },
  { name: 'extends a URL', profile: 'extends: https://example.com/base.rac.yaml\n', code: 'profile.extends-url', at: 'https://', message: /profiles are never fetched/ },
  { name: 'extends a missing file', profile: 'extends: ./policies/base.rac.yaml\n', code: 'profile.extends-missing', at: './policies', message: /no such profile \(looked for (case-\d+\/)?policies\/base\.rac\.yaml\)/ },
  { name: 'extends outside the workspace', profile: 'extends: [../../base.rac.yaml]\n', code: 'profile.extends-outside', at: '../../', message: /leads outside the workspace root/ },
  { name: 'extends cycle', profile: 'extends: ./b.rac.yaml\n', others: { 'b.rac.yaml': '# the base\nextends: ./.rac.yaml\n' }, code: 'profile.extends-cycle', at: './b.rac.yaml', message: /leads back to this profile/ },
  { name: 'extends cycle, seen from the base', profile: 'extends: ./b.rac.yaml\n', others: { 'b.rac.yaml': '# the base\nextends: ./.rac.yaml\n' }, file: 'b.rac.yaml', code: 'profile.extends-cycle', at: './.rac.yaml', message: /makes a cycle: \.rac\.yaml → b\.rac\.yaml → \.rac\.yaml|leads back to this profile: (case-\d+\/)?b\.rac\.yaml → (case-\d+\/)?\.rac\.yaml/ },
  { name: 'override on an unknown metadata field', profile: 'overrides:\n  - when: {relationship_kind: joint_venture}\n    rules: {GP2: error}\n', code: 'profile.unknown-key', at: 'relationship_kind', message: /"relationship_kind" is not a metadata field; did you mean "relationship_type"\?/ },
  { name: 'override on a value the field never has', profile: 'overrides:\n  - when: {relationship_type: jv}\n    rules: {GP2: error}\n', code: 'profile.when', at: 'jv', message: /metadata\.relationship_type is never "jv"/ },
  { name: 'override without files or when', profile: 'overrides:\n  - rules: {GP2: error}\n', code: 'profile.type', at: 'rules', message: /an override needs files or when/ },
  { name: 'waiver limit not a number of days', profile: 'waivers:\n  max_days: -3\n', code: 'profile.type', at: '-3', message: /waivers\.max_days is a whole number of days/ },
  { name: 'waiver limit longer than the built-in 365 days', profile: 'waivers:\n  max_days: 400\n', code: 'profile.type', at: '400', message: /a profile can only shorten it/ },
  { name: 'YAML syntax', profile: 'rules:\n  GP2: [error\n', code: 'syntax', at: '[error', message: /./ },
  { name: 'emoji and CRLF before the mistake: UTF-16 columns', profile: '# 🤝 policy\r\nrules:\r\n  "🤝": off\r\n', code: 'profile.unknown-rule', at: '"🤝"', message: /"🤝" is neither a rule id nor a finding code/ },
];

describe('a table of profile mistakes: the CLI stops with exit 2 and file:line:column', () => {
  for (const m of MISTAKES) {
    test(m.name, () => {
      const dir = workspace({ '.rac.yaml': m.profile, ...m.others, 'a.relationship.yaml': VALID });
      const r = rac(['check', '--root', dir, '--as-of', '2025-06-01', 'a.relationship.yaml'], dir);
      assert.equal(r.status, 2, r.stdout + r.stderr);
      const file = m.file ?? '.rac.yaml';
      const text = file === '.rac.yaml' ? m.profile : m.others![file];
      const { start } = rangeOf(text, m.at, m.nth);
      const prefix = `${file}:${start.line + 1}:${start.character + 1}: error `;
      const hit = r.stderr.split('\n').find((l) => l.startsWith(prefix) && l.endsWith(`[${m.code}]`));
      assert.ok(hit, `expected a line starting "${prefix}" with [${m.code}] in:\n${r.stderr}`);
      assert.match(hit, m.message);
      assert.equal(r.stdout, '', 'no report is printed with a policy nobody meant');
    });
  }
});

describe('the same mistakes in the editor: diagnostics on the open profile', () => {
  let client: LspClient;
  before(async () => {
    client = await LspClient.start({ settings: { asOf: '2025-06-01' } });
  });
  after(() => client.stop());

  for (const [i, m] of MISTAKES.entries()) {
    test(m.name, async () => {
      // Each case in its own folder of the workspace: its bases beside it, the root above.
      const folder = `case-${i}`;
      for (const [name, text] of Object.entries(m.others ?? {})) client.write(`${folder}/${name}`, text);
      if (m.file) client.write(`${folder}/.rac.yaml`, m.profile);
      const file = m.file ?? '.rac.yaml';
      const text = file === '.rac.yaml' ? m.profile : m.others![file];
      const uri = client.open(`${folder}/${file}`, text, 1, 'yaml');
      const diagnostics = await client.diagnostics(uri, 1);
      const { start } = rangeOf(text, m.at, m.nth);
      const hit = diagnostics.find((d) => d.code === m.code && d.range.start.line === start.line && d.range.start.character === start.character);
      assert.ok(hit, `expected ${m.code} at ${start.line}:${start.character}, got ${JSON.stringify(diagnostics.map((d) => [d.code, d.range.start, d.message]))}`);
      assert.match(String(hit.message), m.message);
    });
  }
});
