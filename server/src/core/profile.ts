// Reads and checks one organisation profile (`.rac.yaml`) from its text: every mistake is a finding at the key
// or value that holds it, with the nearest valid word suggested, the same in the editor and the CLI. The core
// never reads files: the chain of `extends` is followed by the face (server/src/profiles.ts), which gives each
// profile the rule ids its bases add so they can be configured further down.
import { loadCatalog } from './catalog';
import { checks } from './checks/index';
import { Locator } from './locate';
import { parse } from './parse';
import { checkArgs, KNOWN_CODES, knownCode, ruleFields } from './profile-checks';
import { LEVELS, type AddedRule, type Level, type Profile, type ProfileOverride, type RuleSetting } from './profile-types';
import { schemaAt } from './schema';
import { didYouMean } from './suggest';
import { MAX_WAIVER_DAYS } from './waivers';
import { LineIndex } from './text';
import { STAGES, type Finding, type Path, type Stage } from './types';

export interface ProfileRead {
  profile: Profile;
  findings: Finding[];
  lines: LineIndex;
}

export const TOP_KEYS = ['extends', 'rules', 'add', 'overrides', 'waivers'];
const SETTING_KEYS = ['severity', 'args', 'from_stage', 'until_stage'];
const OVERRIDE_KEYS = ['files', 'when', 'rules'];

/** `inherited`: ids of rules the profiles this one extends add (they may be configured here too). */
export function readProfile(text: string, inherited: readonly string[] = []): ProfileRead {
  const lines = new LineIndex(text);
  const parsed = parse(text, lines);
  const locate = new Locator(parsed.document, lines);
  const profile: Profile = { extends: [], rules: {}, add: [], overrides: [] };
  const findings: Finding[] = parsed.findings.map((f) => ({ ...f, message: f.message, fixes: undefined }));
  const error = (code: string, message: string, path: Path, at: 'key' | 'value' = 'value') => {
    findings.push({ code: `profile.${code}`, severity: 'error', message, range: at === 'key' ? locate.key(path) : locate.value(path) });
  };
  if (findings.some((f) => f.code === 'syntax' || f.code === 'syntax.too-deep')) return { profile, findings, lines };
  const data = parsed.data;
  if (data === null || data === undefined) return { profile, findings, lines };
  if (!isObject(data)) {
    error('type', 'a profile is a map of keys (extends, rules, add, overrides, waivers), not a single value or a list', []);
    return { profile, findings, lines };
  }
  for (const key of Object.keys(data)) {
    if (!TOP_KEYS.includes(key)) error('unknown-key', `unknown key "${key}" in a profile${didYouMean(key, TOP_KEYS)}; a profile has ${TOP_KEYS.join(', ')}`, [key], 'key');
  }

  const ext = data.extends;
  const extList = typeof ext === 'string' ? [ext] : Array.isArray(ext) ? ext : ext === undefined ? [] : undefined;
  if (!extList) error('type', 'extends names a profile file (a path relative to this one) or a list of them', ['extends']);
  extList?.forEach((p, i) => {
    const path: Path = typeof ext === 'string' ? ['extends'] : ['extends', i];
    if (typeof p !== 'string' || p.trim() === '') return error('type', 'each entry of extends is a path to a profile file, relative to this one', path);
    if (/^[a-z][a-z0-9+.-]*:/i.test(p) && !/^[a-z]:[\\/]/i.test(p)) {
      return error('extends-url', `extends "${p}": profiles are never fetched; extends takes a local path inside the workspace (copy the base profile into the repository)`, path);
    }
    profile.extends.push({ path: p, range: locate.value(path) });
  });

  const added = new Set(inherited);
  const catalog = loadCatalog();
  if (data.add !== undefined) {
    if (!Array.isArray(data.add)) error('type', 'add is a list of rules in the catalog\'s shape (id, principle, title, path, check, from_stage, why, hint)', ['add']);
    else data.add.forEach((raw, i) => {
      const rule = readAddedRule(raw, ['add', i], added, error);
      if (rule) {
        profile.add.push(rule);
        added.add(rule.id);
      }
    });
  }
  const ruleIds = [...catalog.rules.keys(), ...added];
  profile.rules = readSettings(data.rules, ['rules'], ruleIds, error);

  if (data.overrides !== undefined) {
    if (!Array.isArray(data.overrides)) error('type', 'overrides is a list of { files, when, rules } entries', ['overrides']);
    else data.overrides.forEach((raw, i) => {
      const at: Path = ['overrides', i];
      if (!isObject(raw)) return error('type', 'an override is a map: files (globs), when (metadata values) and rules', at);
      for (const key of Object.keys(raw)) if (!OVERRIDE_KEYS.includes(key)) error('unknown-key', `unknown key "${key}" in an override${didYouMean(key, OVERRIDE_KEYS)}; an override has files, when and rules`, [...at, key], 'key');
      const override: ProfileOverride = { rules: readSettings(raw.rules, [...at, 'rules'], ruleIds, error) };
      if (raw.files !== undefined) {
        const files = typeof raw.files === 'string' ? [raw.files] : raw.files;
        if (!Array.isArray(files) || files.some((f) => typeof f !== 'string' || f === '')) error('type', 'files is a list of globs relative to the profile\'s folder, e.g. ["suppliers/tactical/**"]', [...at, 'files']);
        else override.files = files as string[];
      }
      if (raw.when !== undefined) override.when = readWhen(raw.when, [...at, 'when'], error);
      if (raw.files === undefined && raw.when === undefined) error('type', 'an override needs files or when: without them it would apply to every file (put those settings under rules)', at, 'key');
      if (raw.rules === undefined) error('type', 'an override needs rules: the settings it applies', at, 'key');
      profile.overrides.push(override);
    });
  }

  if (data.waivers !== undefined) {
    if (!isObject(data.waivers)) error('type', 'waivers is a map: { max_days: N }', ['waivers']);
    else {
      for (const key of Object.keys(data.waivers)) if (key !== 'max_days') error('unknown-key', `unknown key "${key}" under waivers${didYouMean(key, ['max_days'])}; waivers has max_days`, ['waivers', key], 'key');
      const days = data.waivers.max_days;
      if (days !== undefined) {
        if (typeof days !== 'number' || !Number.isInteger(days) || days < 1) error('type', `waivers.max_days is a whole number of days (1 or more), not ${JSON.stringify(days)}`, ['waivers', 'max_days']);
        // A profile may only tighten the built-in limit: a longer one would let a waiver outlive a yearly decision.
        else if (days > MAX_WAIVER_DAYS) error('type', `waivers.max_days ${days} is longer than the ${MAX_WAIVER_DAYS} days every waiver is held to: a profile can only shorten it; use ${MAX_WAIVER_DAYS} or fewer`, ['waivers', 'max_days']);
        else profile.maxWaiverDays = days;
      }
    }
  }
  return { profile, findings, lines };
}

type Report = (code: string, message: string, path: Path, at?: 'key' | 'value') => void;

function readSettings(raw: unknown, at: Path, ruleIds: string[], error: Report): Record<string, RuleSetting> {
  const out: Record<string, RuleSetting> = {};
  if (raw === undefined || raw === null) return out;
  if (!isObject(raw)) {
    error('type', 'rules is a map from a rule id or finding code to off, error, warning or information (or { severity, args, from_stage, until_stage })', at);
    return out;
  }
  const catalog = loadCatalog();
  for (const [id, value] of Object.entries(raw)) {
    const path = [...at, id];
    const isRule = ruleIds.includes(id);
    if (!isRule && !knownCode(id)) {
      const upper = ruleIds.includes(id.toUpperCase()) ? id.toUpperCase() : undefined;
      const bare = /^evidence\.(.+)$/.exec(id)?.[1];
      const hint = upper ? `; rule ids are upper case: ${upper}`
        : bare && ruleIds.includes(bare) ? `; name the rule by its id alone: ${bare}`
        // A whole code is a better suggestion than its family ("link.missing" → link.missing-file, not "link.").
        : didYouMean(id, [...ruleIds, ...knownCodesList().filter((c) => !c.endsWith('.'))]) || didYouMean(id, knownCodesList());
      error('unknown-rule', `"${id}" is neither a rule id nor a finding code${hint}`, path, 'key');
      continue;
    }
    if (typeof value === 'string') {
      if (!(LEVELS as readonly string[]).includes(value)) error('level', `"${value}" is not a level${didYouMean(value, LEVELS)}; use off, error, warning, information or hint`, path);
      else out[id] = { level: value as Level };
      continue;
    }
    if (!isRule || !isObject(value)) {
      error('level', isRule ? `the setting of ${id} is a level (off, error, warning, information) or a map { severity, args, from_stage, until_stage }` : `a finding code takes a level: off, error, warning, information or hint`, path);
      continue;
    }
    const setting: RuleSetting = {};
    for (const key of Object.keys(value)) if (!SETTING_KEYS.includes(key)) error('unknown-key', `unknown key "${key}" in the setting of ${id}${didYouMean(key, SETTING_KEYS)}; a rule's setting has severity, args, from_stage and until_stage`, [...path, key], 'key');
    if (value.severity !== undefined) {
      if (typeof value.severity === 'string' && (LEVELS as readonly string[]).includes(value.severity)) setting.level = value.severity as Level;
      else error('level', `severity "${String(value.severity)}" is not a level${didYouMean(String(value.severity), LEVELS)}`, [...path, 'severity']);
    }
    for (const key of ['from_stage', 'until_stage'] as const) {
      if (value[key] === undefined) continue;
      const stage = readStage(value[key], [...path, key], error);
      if (stage) setting[key] = stage;
    }
    const from = setting.from_stage ?? catalog.rules.get(id)?.rule.from_stage;
    if (setting.until_stage && from && STAGES.indexOf(setting.until_stage) < STAGES.indexOf(from)) {
      error('stage', `until_stage ${setting.until_stage} comes before ${id}'s from_stage ${from}: the rule would never count; choose a stage from ${from} on`, [...path, 'until_stage']);
      delete setting.until_stage;
    }
    if (value.args !== undefined) {
      const kind = catalog.rules.get(id)?.rule.checks[0].check;
      if (!isObject(value.args)) error('args', `args of ${id} is a map of the check's arguments`, [...path, 'args']);
      else if (kind && checkArgs(kind, value.args, [...path, 'args'], error)) setting.args = value.args;
      else if (!kind) setting.args = value.args;
    }
    out[id] = setting;
  }
  return out;
}

function readAddedRule(raw: unknown, at: Path, added: Set<string>, error: Report): AddedRule | undefined {
  if (!isObject(raw)) {
    error('type', 'a rule of add is a map in the catalog\'s shape: id, principle, title, path, check, args, from_stage, why, hint', at);
    return undefined;
  }
  const catalog = loadCatalog();
  let ok = true;
  const fail: Report = (code, message, path, where) => {
    ok = false;
    error(code, message, path, where);
  };
  for (const key of Object.keys(raw)) if (!ruleFields.includes(key)) fail('unknown-key', `unknown key "${key}" in an added rule${didYouMean(key, ruleFields)}`, [...at, key], 'key');
  for (const key of ['id', 'principle', 'title', 'path', 'check', 'from_stage', 'why', 'hint']) {
    if (typeof raw[key] !== 'string' || (raw[key] as string).trim() === '') fail('missing', `an added rule needs ${key} (text)`, raw[key] === undefined ? at : [...at, key], raw[key] === undefined ? 'key' : 'value');
  }
  const id = raw.id;
  if (typeof id === 'string') {
    if (catalog.rules.has(id)) fail('id-clash', `the id ${id} is a rule of the catalog already: give the organisation's rule an id of its own (e.g. X-${id}), or change ${id} under rules`, [...at, 'id']);
    else if (added.has(id)) fail('id-clash', `the id ${id} is added twice (here or in a profile this one extends)`, [...at, 'id']);
    else if (!/^[A-Za-z][A-Za-z0-9_-]*$/.test(id)) fail('type', `rule id "${id}" may hold letters, digits, "-" and "_" only`, [...at, 'id']);
  }
  const principles = catalog.principles.map((p) => p.id);
  if (typeof raw.principle === 'string' && !principles.includes(raw.principle)) fail('principle', `"${raw.principle}" is not a principle${didYouMean(raw.principle, principles)}`, [...at, 'principle']);
  const checkOk = (kind: unknown, path: Path) => {
    if (typeof kind === 'string' && !checks.has(kind)) fail('check', `"${kind}" is not a check kind${didYouMean(kind, checks.keys())}; kinds: ${[...checks.keys()].join(', ')}`, path);
  };
  checkOk(raw.check, [...at, 'check']);
  if (typeof raw.path === 'string') checkPath(raw.path, [...at, 'path'], fail);
  if (raw.args !== undefined) {
    if (!isObject(raw.args)) fail('args', 'args is a map of the check\'s arguments', [...at, 'args']);
    else if (typeof raw.check === 'string' && checks.has(raw.check) && !checkArgs(raw.check, raw.args, [...at, 'args'], error)) ok = false;
  }
  for (const key of ['from_stage', 'until_stage', 'inform_from']) if (raw[key] !== undefined && !readStage(raw[key], [...at, key], fail)) ok = false;
  if (raw.severity !== undefined && !['error', 'warning', 'information', 'hint'].includes(String(raw.severity))) fail('level', `severity "${String(raw.severity)}" is not one of error, warning, information, hint`, [...at, 'severity']);
  if (raw.also !== undefined) {
    if (!Array.isArray(raw.also)) fail('type', 'also is a list of further checks { path, check, args }', [...at, 'also']);
    else raw.also.forEach((c, j) => {
      if (!isObject(c) || typeof c.path !== 'string' || typeof c.check !== 'string') return fail('type', 'a further check is { path, check, args }', [...at, 'also', j]);
      checkOk(c.check, [...at, 'also', j, 'check']);
      checkPath(c.path, [...at, 'also', j, 'path'], fail);
      if (c.args !== undefined && (!isObject(c.args) || (checks.has(c.check) && !checkArgs(c.check, c.args, [...at, 'also', j, 'args'], error)))) ok = false;
    });
  }
  return ok ? (raw as unknown as AddedRule) : undefined;
}

/** The path must name a place the relationship schema defines ("[*]" an item of a list). */
function checkPath(path: string, at: Path, fail: Report): void {
  if (!/^[a-z_]+(\[\*\])?(\.[a-z_]+(\[\*\])?)*$/.test(path)) {
    fail('path', `path "${path}" is a dotted data path such as principles.governance_and_processes.bodies[*].members`, at);
    return;
  }
  const segments: (string | number)[] = [];
  for (const part of path.split('.')) {
    const key = part.replace('[*]', '');
    if (!schemaAt([...segments, key])) {
      const parent = schemaAt(segments);
      const keys = Object.keys(parent?.properties ?? {});
      fail('path', `path "${path}": the relationship format has no "${key}" ${segments.length ? `under ${segments.filter((s) => typeof s === 'string').join('.')}` : 'at the top'}${didYouMean(key, keys)}`, at);
      return;
    }
    segments.push(key);
    if (part.endsWith('[*]')) segments.push(0);
  }
}

function readStage(value: unknown, at: Path, error: Report): Stage | undefined {
  if (typeof value === 'string' && (STAGES as readonly string[]).includes(value)) return value as Stage;
  error('stage', `"${String(value)}" is not a lifecycle stage${didYouMean(String(value), STAGES)}; stages: ${STAGES.join(', ')}`, at);
  return undefined;
}

function readWhen(raw: unknown, at: Path, error: Report): Record<string, string[]> | undefined {
  if (!isObject(raw)) {
    error('type', 'when is a map of metadata fields to a value or a list of values, e.g. { relationship_type: joint_venture }', at);
    return undefined;
  }
  const out: Record<string, string[]> = {};
  for (const [key, value] of Object.entries(raw)) {
    const schema = schemaAt(['metadata', key]);
    if (!schema) {
      error('unknown-key', `"${key}" is not a metadata field${didYouMean(key, Object.keys(schemaAt(['metadata'])?.properties ?? {}))}`, [...at, key], 'key');
      continue;
    }
    const values = Array.isArray(value) ? value : [value];
    const allowed = (schema.enum as unknown[] | undefined)?.map(String);
    const bad = values.find((v) => (typeof v !== 'string' && typeof v !== 'number') || (allowed && !allowed.includes(String(v))));
    if (bad !== undefined) {
      error('when', `metadata.${key} is never ${JSON.stringify(bad)}${allowed ? `${didYouMean(String(bad), allowed)}; its values: ${allowed.join(', ')}` : ''}`, [...at, key]);
      continue;
    }
    out[key] = values.map(String);
  }
  return out;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return !!v && typeof v === 'object' && !Array.isArray(v);
}

let codes: string[] | undefined;
function knownCodesList(): string[] {
  codes ??= [...KNOWN_CODES];
  return codes;
}
