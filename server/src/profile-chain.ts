// Finds the profiles that apply to a relationship file and folds them into one Policy: the nearest `.rac.yaml`
// (or `.rac.yml`) walking up from the file's folder to the workspace root, its `extends` chain (local paths
// inside the root only; a cycle or a missing file is an error at the `extends` entry), and the overrides whose
// `files` globs match. The one module every face uses: the CLI reads with node:fs (node/profiles.ts), the server
// through WorkspaceFiles.readText, so it runs in a browser worker too. Locations are "/"-separated strings:
// file paths for the CLI, URIs for the server; nothing here parses them further.
import { readProfile, type Finding, type Policy, type PolicyLayer, type Profile } from './core/index';
import { globMatcher } from './node/glob';

export const PROFILE_NAMES = ['.rac.yaml', '.rac.yml'];

/** A profile file: the ones found by name, and bases such as policies/base.rac.yaml that they extend. */
export function isProfileName(name: string): boolean {
  return /(^|\.)rac\.ya?ml$/.test(name) && !/\.relationship\.ya?ml$/.test(name);
}

/** Reads a profile's text; undefined when there is no such file. */
export type ReadText = (location: string) => Promise<string | undefined>;

/** The findings of one profile file (its own mistakes and those of its extends entries). */
export interface ProfileProblems { location: string; text: string; findings: Finding[] }

export interface ResolvedPolicy {
  policy: Policy;
  /** Every profile read, nearest first: the key of a cache, and what a watcher must watch. */
  profiles: string[];
  /** Profiles with errors; the faces decide what to do (the CLI stops, the editor shows them). */
  problems: ProfileProblems[];
}

export interface PolicyOptions {
  /** --config: this profile instead of the nearest one. */
  config?: string;
  /** --no-config: the catalog alone. */
  noConfig?: boolean;
}

export function dirname(location: string): string {
  const i = location.lastIndexOf('/');
  return i <= 0 ? location : location.slice(0, i);
}

/** `relative` resolved against the folder `base` ("./a", "../b/c.yaml"); `encode` spells a segment of a URI. */
export function joinPath(base: string, relative: string, encode: (segment: string) => string = (s) => s): string {
  const parts = base.split('/');
  for (const part of relative.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(encode(part));
  }
  return parts.join('/');
}

export function isInside(root: string, location: string): boolean {
  const r = root.endsWith('/') ? root : `${root}/`;
  return location === root || location.startsWith(r);
}

/** How a profile is named in rac rules and messages: relative to the root when inside it. */
export function shortName(root: string, location: string): string {
  return isInside(root, location) && location !== root ? location.slice(root.replace(/\/$/, '').length + 1) : location;
}

interface Loaded { location: string; text: string; profile: Profile; findings: Finding[]; bases: Loaded[] }

/** Reads profiles once per instance: one per CLI run, or per server until a profile changes. */
export class ProfileLoader {
  private readonly texts = new Map<string, Promise<string | undefined>>();

  /** `uris`: locations are URIs (the server), whose segments are percent-encoded; else file paths (the CLI). */
  constructor(private readonly read: ReadText, private readonly uris = false) {}

  private text(location: string): Promise<string | undefined> {
    let t = this.texts.get(location);
    if (!t) {
      t = this.read(location).catch(() => undefined);
      this.texts.set(location, t);
    }
    return t;
  }

  /** The nearest profile from the file's folder up to the root (inclusive), or undefined. */
  async nearest(file: string, root: string): Promise<string | undefined> {
    let folder = dirname(file);
    for (let guard = 0; guard < 256; guard++) {
      for (const name of PROFILE_NAMES) {
        const candidate = `${folder}/${name}`;
        if ((await this.text(candidate)) !== undefined) return candidate;
      }
      if (!isInside(root, folder) || folder === root.replace(/\/$/, '')) return undefined;
      const up = dirname(folder);
      if (up === folder) return undefined;
      folder = up;
    }
    return undefined;
  }

  /** The policy of one relationship file. */
  async policyFor(file: string, root: string, options: PolicyOptions = {}): Promise<ResolvedPolicy> {
    if (options.noConfig) return { policy: { layers: [] }, profiles: [], problems: [] };
    const start = options.config ?? (await this.nearest(file, root));
    if (start === undefined) return { policy: { layers: [] }, profiles: [], problems: [] };
    const problems: ProfileProblems[] = [];
    const seen = new Map<string, Loaded>();
    const top = await this.load(start, root, [], seen, problems);
    if (!top) {
      const finding: Finding = { code: 'profile.missing', severity: 'error', message: `no profile at ${start}`, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } };
      return { policy: { layers: [] }, profiles: [start], problems: [{ location: start, text: '', findings: [finding] }] };
    }
    const chain: Loaded[] = [];
    const visit = (p: Loaded) => {
      if (chain.includes(p)) return;
      p.bases.forEach(visit);
      chain.push(p);
    };
    visit(top);
    const layers: PolicyLayer[] = chain.map((p) => ({ source: shortName(root, p.location), rules: p.profile.rules, add: p.profile.add, maxWaiverDays: p.profile.maxWaiverDays }));
    for (const p of chain) {
      p.profile.overrides.forEach((o, i) => {
        const relativePath = shortName(dirname(p.location), file);
        const plain = this.uris ? safeDecode(relativePath) : relativePath;
        if (o.files && !o.files.some((g) => globMatcher(g)(plain))) return;
        layers.push({ source: `${shortName(root, p.location)} overrides[${i}]`, rules: o.rules, add: [], when: o.when });
      });
    }
    return { policy: { layers }, profiles: [...chain].reverse().map((p) => p.location), problems };
  }

  private async load(location: string, root: string, stack: string[], seen: Map<string, Loaded>, problems: ProfileProblems[], cycle = new Set<string>()): Promise<Loaded | undefined> {
    const done = seen.get(location);
    if (done) return done;
    const text = await this.text(location);
    if (text === undefined) return undefined;
    const first = readProfile(text);
    const extra: Finding[] = [];
    const bases: Loaded[] = [];
    for (const ext of first.profile.extends) {
      const target = joinPath(dirname(location), ext.path, this.uris ? encodeURIComponent : undefined);
      const fail = (code: string, message: string) => extra.push({ code: `profile.${code}`, severity: 'error', message, range: ext.range });
      if (ext.path.startsWith('/') || /^[a-z]:[\\/]/i.test(ext.path)) fail('extends-outside', `extends "${ext.path}": write the path relative to this profile's folder, so the repository works wherever it is checked out`);
      else if (!isInside(root, target)) fail('extends-outside', `extends "${ext.path}" leads outside the workspace root: a profile extends profiles of the same repository only`);
      else if (target === location || stack.includes(target)) {
        for (const member of [...stack.slice(stack.indexOf(target)), location]) cycle.add(member);
        fail('extends-cycle', `extends "${ext.path}" makes a cycle: ${[...stack, location, target].map((l) => shortName(root, l)).join(' → ')}; a base profile must not extend the profiles built on it`);
      } else {
        const base = await this.load(target, root, [...stack, location], seen, problems, cycle);
        if (base) bases.push(base);
        else fail('extends-missing', `extends "${ext.path}": no such profile (looked for ${shortName(root, target)})`);
        // The cycle closes further down the chain: this entry leads into it, so it is reported here too (the
        // profile open in the editor shows it, whichever of the chain that is).
        if (cycle.has(location) && cycle.has(target)) fail('extends-cycle', `extends "${ext.path}" leads back to this profile: ${[location, target].map((l) => shortName(root, l)).join(' → ')} → … → ${shortName(root, location)}; a base profile must not extend the profiles built on it`);
      }
    }
    const inherited = bases.flatMap(addedIds);
    const read = inherited.length ? readProfile(text, inherited) : first;
    const findings = [...read.findings, ...extra];
    const loaded: Loaded = { location, text, profile: read.profile, findings, bases };
    seen.set(location, loaded);
    if (findings.some((f) => f.severity === 'error')) problems.push({ location, text, findings });
    return loaded;
  }

  /** Every finding of one profile file as the editor shows it (also when no relationship file uses it). */
  async check(location: string, root: string): Promise<Finding[]> {
    const problems: ProfileProblems[] = [];
    const loaded = await this.load(location, root, [], new Map(), problems);
    return loaded?.findings ?? [];
  }
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function addedIds(p: Loaded): string[] {
  return [...p.bases.flatMap(addedIds), ...p.profile.add.map((r) => r.id)];
}
