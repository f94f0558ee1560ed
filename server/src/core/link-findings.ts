// Evidence links: URLs are never fetched (the schema admits https: only); relative paths are checked through
// the injected fileExists, which refuses anything outside the workspace without reading it. An https: URL
// that carries a user name or password, or that points at a loopback, private or link-local host (a cloud
// metadata address among them), is reported and never offered to the editor as a link to open.
import type { AnalyzeOptions, EvidenceLink, Finding } from './types';

export function linkFindings(links: EvidenceLink[], fileExists: AnalyzeOptions['fileExists'], root?: string): Finding[] {
  // Naming the root shows which folder bounds the links: a surprising one (the wrong --root) is seen at once.
  const workspace = root === undefined ? 'the workspace' : `the workspace root "${root}"`;
  const findings: Finding[] = [];
  for (const link of links) {
    if (link.kind === 'url') {
      const problem = urlProblem(link.target);
      if (problem) findings.push({ ...problem, severity: 'warning', range: link.range });
      continue;
    }
    if (!fileExists || /^([\\/~]|[a-z]:[\\/])/i.test(link.target)) continue; // the schema reports absolute paths
    const answer = fileExists(link.target);
    if (answer === 'missing') {
      findings.push({ code: 'link.missing-file', severity: 'warning', message: `evidence file "${link.target}" does not exist (relative to this file): add it or correct the path`, range: link.range });
    } else if (answer === 'outside') {
      findings.push({ code: 'link.outside-workspace', severity: 'warning', message: `"${link.target}" points outside ${workspace}: evidence must live inside it (it was not read)`, range: link.range });
    }
  }
  return findings;
}

/** The address the editor may open for an evidence URL: an https: URL without credentials to a public host. */
export function openableUrl(target: string): string | undefined {
  const url = parseUrl(target);
  return url && url.protocol === 'https:' && !urlProblem(target) ? url.href : undefined;
}

/**
 * Why an https: evidence URL must not be opened, in a finding's words; other schemes (http:, javascript:…)
 * are the schema's to report.
 */
export function urlProblem(target: string): { code: string; message: string } | undefined {
  const url = parseUrl(target);
  if (!url || url.protocol !== 'https:') return undefined;
  if (url.username || url.password) {
    // The message names the host only: repeating the link would repeat the password.
    return {
      code: 'link.credentials',
      message: `this link to ${url.hostname} carries a user name or password: anyone who can read the file can use them, so remove them from the link (and change the password); it is not offered as a link`,
    };
  }
  const kind = hostKind(url.hostname);
  if (kind) {
    return {
      code: 'link.private-host',
      message: `"${target}" points at ${url.hostname}, ${kind}, not at a document others can open: link the evidence by a public https: address or a path in the workspace; it is not offered as a link`,
    };
  }
  return undefined;
}

function parseUrl(target: string): URL | undefined {
  try {
    return new URL(target);
  } catch {
    return undefined;
  }
}

/**
 * What kind of non-public host this is, or undefined for a public one. The URL parser has already turned
 * 2852039166, 0xa9.0xfe.0xa9.0xfe and [::ffff:169.254.169.254] into canonical form.
 */
function hostKind(hostname: string): string | undefined {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  if (host.startsWith('[')) return ipv6Kind(host.slice(1, -1));
  if (host === 'localhost' || host.endsWith('.localhost')) return 'a loopback address';
  if (host.endsWith('.internal') || host.endsWith('.local') || !host.includes('.')) return 'a host name of a local network';
  const v4 = /^(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(host);
  return v4 ? ipv4Kind(v4.slice(1).map(Number)) : undefined;
}

function ipv4Kind([a, b]: number[]): string | undefined {
  if (a === 127) return 'a loopback address';
  if (a === 169 && b === 254) return 'a link-local address where cloud servers hand out their credentials';
  if (a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 100 && b >= 64 && b <= 127)) return 'a private network address';
  if (a === 0 || a >= 224) return 'a reserved address';
  return undefined;
}

function ipv6Kind(host: string): string | undefined {
  if (host === '::1') return 'a loopback address';
  if (host === '::') return 'a reserved address';
  if (/^fe[89ab]/.test(host)) return 'a link-local address';
  if (/^f[cd]/.test(host)) return 'a private network address';
  // An IPv4 address written as IPv6 (::ffff:a9fe:a9fe, or the older ::a9fe:a9fe) is judged as that address.
  const mapped = /^::(?:ffff:)?([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(host);
  if (mapped) {
    const [hi, lo] = [parseInt(mapped[1], 16), parseInt(mapped[2], 16)];
    return ipv4Kind([hi >> 8, hi & 255, lo >> 8, lo & 255]);
  }
  return undefined;
}
