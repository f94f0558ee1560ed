// Mutated relationship files as bytes, as a CLI meets them: flipped bytes, truncation, NUL, huge lines, deep
// nesting, alias bombs, invalid UTF-8, a BOM, CRLF, several documents. File i of a seed depends only on (seed, i).
import { prng, type Source } from '../properties/documents';
import { below, pick, type Random } from './edits';

export interface MutatedFile { name: string; steps: string[]; bytes: Buffer<ArrayBufferLike> }

type Mutation = (bytes: Buffer<ArrayBufferLike>, rnd: Random) => Buffer<ArrayBufferLike>;

const splice = (bytes: Buffer<ArrayBufferLike>, at: number, cut: number, add: Buffer<ArrayBufferLike> | string): Buffer<ArrayBufferLike> =>
  Buffer.concat([bytes.subarray(0, at), typeof add === 'string' ? Buffer.from(add) : add, bytes.subarray(Math.min(bytes.length, at + cut))]);

const bomb = (depth: number): string => {
  const lines = ['a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
  for (let k = 1; k < depth; k++) lines.push(`a${k}: &a${k} [${Array.from({ length: 9 }, () => `*a${k - 1}`).join(', ')}]`);
  return `${lines.join('\n')}\n`;
};

const MUTATIONS: Record<string, Mutation> = {
  flipBytes: (b, rnd) => {
    const out = Buffer.from(b);
    for (let k = 1 + below(8, rnd); k > 0 && out.length > 0; k--) out[below(out.length, rnd)] ^= 1 << below(8, rnd);
    return out;
  },
  truncate: (b, rnd) => b.subarray(0, below(b.length + 1, rnd)),
  nul: (b, rnd) => splice(b, below(b.length + 1, rnd), 0, Buffer.alloc(1 + below(3, rnd))),
  hugeLine: (b, rnd) => splice(b, below(b.length + 1, rnd), 0, `x${'y'.repeat(50_000 + below(400_000, rnd))}\n`),
  hugeValue: (b, rnd) => splice(b, b.indexOf('title:') >= 0 ? b.indexOf('title:') + 7 : 0, 0, `"${'é😀'.repeat(20_000 + below(100_000, rnd))}" `),
  deepFlow: (b, rnd) => splice(b, below(b.length + 1, rnd), 0, pick(['[', '{', '[{', '{a: '], rnd).repeat(500 + below(8000, rnd))),
  deepBlock: (b, rnd) => Buffer.concat([b, Buffer.from(Array.from({ length: 200 + below(2500, rnd) }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n'))]),
  aliasBomb: (b, rnd) => Buffer.concat([b, Buffer.from(bomb(4 + below(6, rnd)))]),
  invalidUtf8: (b, rnd) => splice(b, below(b.length + 1, rnd), 0, Buffer.from(pick([[0xc3, 0x28], [0xff, 0xfe], [0xed, 0xa0, 0x80], [0xf0, 0x28, 0x8c, 0x28], [0x80], [0xe2, 0x82]], rnd))),
  bom: (b) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), b]),
  crlf: (b) => Buffer.from(b.toString('latin1').replace(/\r?\n/g, '\r\n'), 'latin1'),
  loneCr: (b) => Buffer.from(b.toString('latin1').replace(/\r?\n/g, '\r'), 'latin1'),
  documents: (b, rnd) => Buffer.concat([b, Buffer.from(pick(['---\n', '...\n---\n', '--- !tag\n', '%YAML 1.2\n---\n'], rnd)), b.subarray(0, below(b.length + 1, rnd))]),
  tabs: (b) => Buffer.from(b.toString('latin1').replace(/^ {2}/gm, '\t'), 'latin1'),
  controlChars: (b, rnd) => splice(b, below(b.length + 1, rnd), 0, pick(['\u001b[31m', '\u0007', '\u2028', '\u202e', '\ufeff', '\ud800'], rnd)),
  deleteLines: (b, rnd) => {
    const lines = b.toString('latin1').split('\n');
    const at = below(lines.length, rnd);
    lines.splice(at, 1 + below(10, rnd));
    return Buffer.from(lines.join('\n'), 'latin1');
  },
  tags: (b, rnd) => splice(b, below(b.length + 1, rnd), 0, pick([' !!binary ', ' !!js/function ', ' !<tag:x> ', ' !!set ', ' !!omap ', ' &x ', ' *nope '], rnd)),
};

/** File i of a seed: one source with one to four mutations. */
export function mutatedFile(all: readonly Source[], seed: number, i: number): MutatedFile {
  const rnd = prng((Math.imul(seed, 0x27d4eb2d) ^ Math.imul(i + 3, 0x165667b1)) >>> 0);
  const source = pick(all, rnd);
  let bytes: Buffer<ArrayBufferLike> = Buffer.from(source.text, 'utf8');
  const steps: string[] = [];
  for (let k = 1 + below(4, rnd); k > 0; k--) {
    const name = pick(Object.keys(MUTATIONS), rnd);
    bytes = MUTATIONS[name](bytes, rnd);
    steps.push(name);
  }
  return { name: source.name, steps, bytes };
}
