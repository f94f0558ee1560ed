// The profile options of rac check (--config, --no-config) and --print-config FILE: the policy one relationship
// file is checked with, as one YAML profile (every applying layer merged, the nearest setting winning), with
// the profiles it was read from.
import { resolve } from 'node:path';
import { parse, stringify } from 'yaml';
import { layerApplies, type RuleSetting } from '../core/index';
import { formatProblems } from '../node/profiles';
import type { PolicyOptions } from '../profile-chain';
import type { CliIo } from './io';
import { displayPath, policyOf, readText, type LoadOptions } from './load-files';

export function profileOptions(v: Record<string, string | boolean | undefined>, io: Pick<CliIo, 'cwd' | 'stat'>): PolicyOptions | { error: string } {
  if (v.config !== undefined && v['no-config']) return { error: '--config and --no-config contradict each other: give one' };
  if (typeof v.config === 'string') {
    const config = resolve(io.cwd, v.config);
    if (io.stat(config).kind !== 'file') return { error: `--config ${v.config}: no such file` };
    return { config: config.split('\\').join('/') };
  }
  return { noConfig: v['no-config'] === true };
}

export async function printConfig(file: string, io: CliIo, options: LoadOptions): Promise<number> {
  const text = readText(file, io);
  if (typeof text !== 'string') {
    io.stderr(`rac check: --print-config ${displayPath(io.cwd, file)}: ${text.error}\n`);
    return 2;
  }
  const { policy, problems } = await policyOf(file, io, options);
  if (problems.length) {
    io.stderr(formatProblems(problems, io.cwd));
    return 2;
  }
  let metadata: Record<string, unknown> = {};
  try {
    const data = parse(text) as { metadata?: Record<string, unknown> } | null;
    if (data && typeof data.metadata === 'object' && data.metadata) metadata = data.metadata;
  } catch {
    // A file that does not parse has no metadata to match `when` against: only `files` overrides apply.
  }
  const layers = (policy?.layers ?? []).filter((l) => layerApplies(l, metadata));
  const rules: Record<string, RuleSetting | string> = {};
  const from: Record<string, string> = {};
  let maxDays: number | undefined;
  for (const layer of layers) {
    for (const [id, setting] of Object.entries(layer.rules)) {
      const before = typeof rules[id] === 'object' ? (rules[id] as RuleSetting) : typeof rules[id] === 'string' ? { level: rules[id] as RuleSetting['level'] } : {};
      const merged: RuleSetting = { ...before, ...setting, args: setting.args || before.args ? { ...before.args, ...setting.args } : undefined };
      if (!merged.args) delete merged.args;
      rules[id] = Object.keys(merged).length === 1 && merged.level ? merged.level : merged;
      from[id] = layer.source;
    }
    if (layer.maxWaiverDays !== undefined) maxDays = Math.min(maxDays ?? Infinity, layer.maxWaiverDays);
  }
  const out: Record<string, unknown> = {
    file: displayPath(io.cwd, file),
    layers: layers.map((l) => l.source),
    rules: Object.fromEntries(Object.entries(rules).map(([id, s]) => [id, typeof s === 'string' ? s : Object.fromEntries(Object.entries(s).map(([k, x]) => [k === 'level' ? 'severity' : k, x]))])),
    add: layers.flatMap((l) => l.add.map((r) => ({ ...r, source: l.source }))),
  };
  if (maxDays !== undefined) out.waivers = { max_days: maxDays };
  const comments = Object.entries(from).map(([id, source]) => `#   ${id}: ${source}`).join('\n');
  io.stdout(`# the resolved profile of ${displayPath(io.cwd, file)} (layers apply in order; the last setting of a rule wins)\n${comments ? `# set by:\n${comments}\n` : ''}${stringify(out)}`);
  return 0;
}
