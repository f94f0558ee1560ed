// The language server's side of organisation profiles: which policy each relationship document is analysed
// with (read from the profiles on disk, so what the editor shows is what `rac check` reports for the saved
// files), a new reading whenever a profile changes, and the findings of an open profile, checked as typed.
import type { Finding, Policy } from './core/index';
import { dirname, isInside, isProfileName, ProfileLoader } from './profile-chain';
import type { WorkspaceFiles } from './workspace-files';

export class ProfileService {
  private loader: ProfileLoader;
  private generation = 0;

  constructor(private readonly files: WorkspaceFiles, private readonly folders: () => readonly string[], private readonly openText: (uri: string) => string | undefined) {
    this.loader = this.fromDisk();
  }

  private fromDisk(): ProfileLoader {
    return new ProfileLoader((uri) => this.files.readText(uri), true);
  }

  isProfile(uri: string): boolean {
    return isProfileName(uri.slice(uri.lastIndexOf('/') + 1));
  }

  /** The workspace folder holding the document (the innermost), else its own folder: the walk stops there. */
  rootOf(uri: string): string {
    return this.folders().filter((f) => isInside(f.replace(/\/$/, ''), uri)).sort((a, b) => b.length - a.length)[0]?.replace(/\/$/, '') ?? dirname(uri);
  }

  /** The policy of a relationship document, and a key that changes when it may have changed. */
  async policyFor(uri: string): Promise<{ policy: Policy; key: string }> {
    if (!uri.includes('/')) return { policy: { layers: [] }, key: '' };
    const resolved = await this.loader.policyFor(uri, this.rootOf(uri));
    return { policy: resolved.policy, key: `${this.generation}|${resolved.profiles.join(',')}` };
  }

  /** Whether these changed files hold a profile; if so, every profile is read again. */
  changed(uris: readonly string[]): boolean {
    if (!uris.some((u) => this.isProfile(u))) return false;
    this.loader = this.fromDisk();
    this.generation++;
    return true;
  }

  /** The findings of a profile as it stands in the editor (its bases as saved). */
  async check(uri: string): Promise<Finding[]> {
    const loader = new ProfileLoader(async (location) => (location === uri ? this.openText(uri) : undefined) ?? this.files.readText(location), true);
    return loader.check(uri, this.rootOf(uri));
  }
}
