// The long fuzz campaign in one command: the position property test, the server over stdio under random
// edits, every quick fix and rename applied, and rac check on mutated files, each with the same seed (random
// unless given) and ten times the counts of the first review. Each harness prints its counts and, for any
// failure, the command that replays it. Run after a build with tests: `npm run fuzz:campaign [-- --seed N]`.
import { spawnSync } from 'node:child_process';

const args = process.argv.slice(2);
const at = args.indexOf('--seed');
const seed = at >= 0 ? Number(args[at + 1]) : Math.floor(Math.random() * 2 ** 31);
if (!Number.isInteger(seed) || seed < 0) {
  console.error(`--seed takes a whole number, got "${args[at + 1]}"`);
  process.exit(2);
}
// --quick: one hundredth of each count, to try the command itself.
const scale = args.includes('--quick') ? 0.01 : 1;
const harnesses = [
  ['properties/positions.test.js', '--docs', 2000],
  ['fuzz/lsp.test.js', '--edits', 77_000],
  ['fuzz/fixes.test.js', '--docs', 3000],
  ['fuzz/cli.test.js', '--files', 5000],
];

console.log(`fuzz campaign, seed ${seed}`);
const failed = [];
for (const [file, flag, count] of harnesses) {
  const n = String(Math.max(1, Math.round(count * scale)));
  console.log(`\n== ${file} ${flag} ${n} --seed ${seed}`);
  const r = spawnSync(process.execPath, [`dist-test/${file}`, flag, n, '--seed', String(seed)], { stdio: 'inherit' });
  if (r.status !== 0) failed.push(`${file} (exit ${r.status ?? r.signal})`);
}
console.log(failed.length ? `\nfailed: ${failed.join(', ')}; each failure above says how to replay it` : `\nall passed (seed ${seed})`);
process.exit(failed.length ? 1 : 0);
