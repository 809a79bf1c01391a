/**
 * One pass for the mention scans whose regexes cannot skip ahead. A global regex whose first character can be
 * one of many (a numeral, 工/行/主…, the lexicon's first characters) makes the engine try its alternatives at
 * nearly every position, and twelve such passes over a 30k-character report were a third of `analyze()`.
 * Here one loop reads each character pair once and runs a pattern (sticky, at that position) only where the
 * pair can start one of its matches — the same matches, in the same order, as `pattern.exec` from 0.
 *
 * A filter is the pair of character sets a match's first and second characters belong to (a superset is
 * fine: it only costs a wasted exec). Lexicon tries and program heads take theirs from the same word lists the
 * regexes are built from; the rest are written next to their regex's shape below. `mention-prefilter.test.ts`
 * checks every filtered scan against the plain scan on the corpus and every rule example.
 */
import { NUMERALS, PROGRAM_HEADS } from './mention-lexicon';
import {
  AMOUNTS,
  BARE_TERMS,
  LEXICON_TERMS,
  LOCAL_CONGRESSES,
  NAMED_MEETINGS,
  NUMBERED_HEADS,
  NUMBERED_PROGRAMS,
  NUMERAL_INITIAL,
  PARTY_CONGRESSES,
  PLENUMS,
  PROGRAM_HEAD_TERMS,
  QUOTED,
  SESSIONS,
  TITLED,
} from './mention-scans';

interface PairFilter {
  /** Characters a match may start with. */
  first: string;
  /** Characters that may follow it; undefined: any (and a one-character match). */
  second?: string;
}

/** First and second characters of a word list (a one-character word lifts the second-character filter). */
function wordsFilter(words: readonly string[]): PairFilter {
  return {
    first: words.map((w) => w[0]).join(''),
    second: words.every((w) => w.length >= 2) ? words.map((w) => w[1]).join('') : undefined,
  };
}

const MEETING_WORDS = [
  '政治局',
  '深化改革',
  ...'工作会|座谈会|推进会|现场会|表彰大会|视频会|交流会|电视电话会议|动员大会|总结大会|研讨会|峰会'.split('|'),
];
const DIGITS = '0123456789０１２３４５６７８９';

const FILTERS = new Map<RegExp, PairFilter>([
  [QUOTED, { first: '“' }],
  [TITLED, { first: '《' }],
  // 届(全国)人大… · 全国两会 · 全国政协
  [SESSIONS, { first: '届全', second: '全人国' }],
  // 届(中央)一中全会 · 届二次全会
  [PLENUMS, { first: '届', second: `中${NUMERALS}` }],
  [LOCAL_CONGRESSES, { first: '次', second: '党' }],
  // 次全国代表大会 · 十九大
  [PARTY_CONGRESSES, { first: `次${NUMERALS}`, second: '全大' }],
  [NAMED_MEETINGS, wordsFilter(MEETING_WORDS)],
  [LEXICON_TERMS[0], wordsFilter(BARE_TERMS.filter((t) => NUMERAL_INITIAL.test(t)))],
  [LEXICON_TERMS[1], wordsFilter(BARE_TERMS.filter((t) => !NUMERAL_INITIAL.test(t)))],
  // 三大攻坚战 · 五项工程 · 三个一批
  [NUMBERED_PROGRAMS, { first: `${NUMERALS}两`, second: '大项个' }],
  // 两个维护
  [NUMBERED_HEADS, { first: `两${NUMERALS}`, second: '个' }],
  [PROGRAM_HEAD_TERMS, wordsFilter(PROGRAM_HEADS.split('|'))],
  [AMOUNTS, { first: DIGITS }],
]);

/** Bit tables (one bit per filtered pattern) of allowed first and second characters, built on first use. */
interface Tables {
  patterns: RegExp[];
  sticky: RegExp[];
  first: Uint16Array;
  second: Uint16Array;
}
let tables: Tables | undefined;
const MAX_PATTERNS = 16;

function buildTables(): Tables {
  const patterns = [...FILTERS.keys()].slice(0, MAX_PATTERNS);
  const first = new Uint16Array(0x10000);
  const second = new Uint16Array(0x10000);
  patterns.forEach((pattern, b) => {
    const bit = 1 << b;
    const filter = FILTERS.get(pattern)!;
    for (const ch of filter.first) first[ch.charCodeAt(0)] |= bit;
    if (filter.second === undefined) for (let c = 0; c < 0x10000; c++) second[c] |= bit;
    else for (const ch of filter.second) second[ch.charCodeAt(0)] |= bit;
  });
  const sticky = patterns.map((p) => new RegExp(p.source, p.flags.replace('g', '') + 'y'));
  return { patterns, sticky, first, second };
}

/** Whether `pattern` is read by the one-pass scan (`scanFiltered`), rather than by its own `exec` loop. */
export function hasPrefilter(pattern: RegExp): boolean {
  return FILTERS.has(pattern) && (tables ??= buildTables()).patterns.includes(pattern);
}

/**
 * Matches of every prefiltered pattern in `wanted` that start before `until`, as `pattern.exec` in a global
 * loop from 0 would find them (non-overlapping per pattern, empty matches skipped).
 */
export function scanFiltered(
  wanted: ReadonlySet<RegExp>,
  text: string,
  until = text.length,
): Map<RegExp, RegExpExecArray[]> {
  const t = (tables ??= buildTables());
  const out = new Map<RegExp, RegExpExecArray[]>();
  let active = 0;
  const found: RegExpExecArray[][] = [];
  for (let b = 0; b < t.patterns.length; b++) {
    found.push([]);
    if (wanted.has(t.patterns[b])) {
      active |= 1 << b;
      out.set(t.patterns[b], found[b]);
    }
  }
  if (active === 0) return out;
  // Per pattern: where its next match may start (a global regex resumes after its previous match).
  const next = new Int32Array(t.patterns.length);
  const { first, second, sticky } = t;
  const n = Math.min(until, text.length);
  let c1 = n > 0 ? text.charCodeAt(0) : 0;
  for (let i = 0; i < n; i++) {
    const c2 = i + 1 < text.length ? text.charCodeAt(i + 1) : -1;
    let mask = first[c1] & active;
    c1 = c2;
    if (mask === 0) continue;
    if (c2 >= 0) mask &= second[c2];
    while (mask !== 0) {
      const b = 31 - Math.clz32(mask);
      mask &= ~(1 << b);
      if (i < next[b]) continue;
      const re = sticky[b];
      re.lastIndex = i;
      const m = re.exec(text);
      if (m === null) continue;
      if (m[0].length === 0) next[b] = i + 1;
      else {
        found[b].push(m);
        next[b] = i + m[0].length;
      }
    }
  }
  return out;
}
