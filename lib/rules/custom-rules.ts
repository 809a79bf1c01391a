/**
 * The reader's own rules, applied by the same engine as the built-in ones: custom terms and patterns produce
 * mentions in the same shape (offsets into the analysed text, category, ruleId, key, gloss); hidden terms and
 * category corrections adjust what the built-in rules found; categories and individual rules can be switched off.
 *
 * Pure TypeScript like the rest of lib/rules. User regular expressions are NOT compiled here: a reader's pattern
 * must never hang a page or the worker, so it arrives as a `PatternMatcher` built elsewhere on a linear-time
 * engine (lib/rulepacks builds it with re2js). lib/rules only defines the interface and trusts it to return.
 */
import type { Mention, MentionCategory } from './types';

/** What the engine needs from a compiled user pattern. Must run in time linear in the text. */
export interface PatternMatcher {
  /** Non-empty, non-overlapping matches left to right, as [start, end) UTF-16 offsets, starting before `until`. */
  findAll(text: string, until: number): Array<[number, number]>;
}

export interface CustomTerm {
  text: string;
  category: MentionCategory;
  /** Shown in the tooltip like a glossary expansion. */
  gloss?: string;
  /** Other spellings marked as the same term (the mention's key is the term's text). */
  aliases?: string[];
}

export interface CustomPattern {
  /** Stable id; the mention's ruleId is `custom.pattern:<id>`. */
  id: string;
  category: MentionCategory;
  matcher: PatternMatcher;
  description?: string;
}

/** Everything the reader changed, ready to run: see lib/rulepacks/compile.ts for how it is built from storage. */
export interface CompiledRuleSet {
  terms: readonly CustomTerm[];
  patterns: readonly CustomPattern[];
  /** Mentions with this text (or key) are not shown, whichever rule found them. */
  hidden: readonly string[];
  /** "Wrong category": a mention with this text (or key) gets the given category. */
  corrections: ReadonlyArray<{ text: string; category: MentionCategory }>;
  disabledCategories: readonly MentionCategory[];
  /** Built-in mention rule ids (`program.quoted`) and custom ones (`custom.term`, `custom.pattern:<id>`). */
  disabledRules: readonly string[];
}

export const CUSTOM_TERM_RULE_ID = 'custom.term';
export const customPatternRuleId = (id: string): string => `custom.pattern:${id}`;

export const EMPTY_RULE_SET: CompiledRuleSet = Object.freeze({
  terms: [],
  patterns: [],
  hidden: [],
  corrections: [],
  disabledCategories: [],
  disabledRules: [],
});

/**
 * Length-preserving fold used to compare reader-entered text with page text: full-width letters and digits →
 * half-width, ideographic space → space, Latin letters lower-cased (full-width punctuation such as ，：（ is
 * left alone: it is everywhere in Chinese text and folding it would only cost time). One UTF-16 unit in, one out, so offsets in the folded
 * text are offsets in the original.
 */
export function foldText(text: string): string {
  return text.replace(FOLDED, foldChar);
}

const FOLDED = /[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a\u3000A-Z]/g;

function foldChar(ch: string): string {
  const code = ch.charCodeAt(0);
  if (code === 0x3000) return ' ';
  const half = code >= 0xff01 ? code - 0xfee0 : code;
  return String.fromCharCode(half >= 0x41 && half <= 0x5a ? half + 0x20 : half);
}

/** How a reader's term is compared with a mention: folded, without quotation and book-title marks or spaces. */
export function termKey(text: string): string {
  return foldText(text).replace(/[“”‘’「」『』"'《》\s]/g, '');
}

interface CustomCandidate {
  start: number;
  end: number;
  category: MentionCategory;
  ruleId: string;
  key?: string;
  gloss?: string;
}

/** Every occurrence of each term and alias in the folded text (plain substring search: no regex involved). */
function termCandidates(folded: string, terms: readonly CustomTerm[], until: number): CustomCandidate[] {
  const out: CustomCandidate[] = [];
  for (const term of terms) {
    const key = term.text.replace(/[“”‘’「」『』"《》\s　]/g, '');
    for (const spelling of [term.text, ...(term.aliases ?? [])]) {
      const needle = foldText(spelling);
      if (!needle) continue;
      for (let at = folded.indexOf(needle); at !== -1 && at < until; at = folded.indexOf(needle, at + 1)) {
        const candidate: CustomCandidate = {
          start: at,
          end: at + needle.length,
          category: term.category,
          ruleId: CUSTOM_TERM_RULE_ID,
          key,
        };
        if (term.gloss) candidate.gloss = term.gloss;
        out.push(candidate);
      }
    }
  }
  return out;
}

function patternCandidates(text: string, patterns: readonly CustomPattern[], until: number): CustomCandidate[] {
  const out: CustomCandidate[] = [];
  for (const p of patterns) {
    for (const [start, end] of p.matcher.findAll(text, until)) {
      if (end > start) out.push({ start, end, category: p.category, ruleId: customPatternRuleId(p.id) });
    }
  }
  return out;
}

function overlapsAny(spans: ReadonlyArray<[number, number]>, start: number, end: number): boolean {
  for (const [s, e] of spans) if (start < e && end > s) return true;
  return false;
}

export interface ApplyCustomRulesInput {
  text: string;
  /** What the enabled built-in rules found (already free of boilerplate and overlaps). */
  builtIn: readonly Mention[];
  boilerplate: ReadonlyArray<[number, number]>;
  /** Grouping key for a mention text (mentions.ts' mentionKey), passed in to keep one definition. */
  keyOf: (text: string, category: MentionCategory) => string;
}

/**
 * Adds the reader's terms and patterns to the built-in mentions and applies hidden terms, corrections and
 * disabled categories. The reader's own rules win an overlap with a built-in mention (they know their texts);
 * between custom candidates the longer wins, then the earlier.
 */
export function applyCustomRules(input: ApplyCustomRulesInput, ruleSet: CompiledRuleSet): Mention[] {
  const { text, builtIn, boilerplate, keyOf } = input;
  // Most readers have no terms or patterns: then nothing is added and the built-in mentions (already sorted and
  // free of overlaps) only go through the adjustments, skipping the fold and candidate passes on every analysis.
  if (!ruleSet.terms.length && !ruleSet.patterns.length) return adjustMentions(builtIn, ruleSet);
  const disabled = new Set(ruleSet.disabledRules);
  const folded = ruleSet.terms.length || ruleSet.patterns.length ? foldText(text) : '';
  const until = text.length;
  const candidates = [
    ...(disabled.has(CUSTOM_TERM_RULE_ID) ? [] : termCandidates(folded, ruleSet.terms, until)),
    // Patterns see the text the built-in regex rules see; terms compare folded text (see foldText).
    ...patternCandidates(
      text,
      ruleSet.patterns.filter((p) => !disabled.has(customPatternRuleId(p.id))),
      until,
    ),
  ].filter((c) => !overlapsAny(boilerplate, c.start, c.end));
  candidates.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);

  const chosen: Array<[number, number]> = [];
  const custom: Mention[] = [];
  for (const c of candidates) {
    if (overlapsAny(chosen, c.start, c.end)) continue;
    chosen.push([c.start, c.end]);
    const mentionText = text.slice(c.start, c.end);
    const mention: Mention = {
      category: c.category,
      text: mentionText,
      start: c.start,
      end: c.end,
      ruleId: c.ruleId,
      key: c.key ?? keyOf(mentionText, c.category),
    };
    if (c.gloss) mention.gloss = c.gloss;
    custom.push(mention);
  }

  const kept = builtIn.filter((m) => !overlapsAny(chosen, m.start, m.end));
  return adjustMentions(
    [...kept, ...custom].sort((a, b) => a.start - b.start),
    ruleSet,
  );
}

/** Hidden terms, "wrong category" corrections and disabled categories, in that order. */
function adjustMentions(mentions: readonly Mention[], ruleSet: CompiledRuleSet): Mention[] {
  const hidden = new Set(ruleSet.hidden.map(termKey));
  const corrections = new Map(ruleSet.corrections.map((c) => [termKey(c.text), c.category] as const));
  const off = new Set(ruleSet.disabledCategories);
  // Folding every mention's text and key (two regex passes each) is only needed to look them up: with nothing
  // hidden or corrected it was most of this function's time, on every analysis of every page.
  const lookUp = hidden.size > 0 || corrections.size > 0;
  const out: Mention[] = [];
  for (const mention of mentions) {
    let m = mention;
    if (lookUp) {
      const keys = [termKey(mention.text), termKey(mention.key)];
      if (keys.some((k) => hidden.has(k))) continue;
      const corrected = corrections.get(keys[0]) ?? corrections.get(keys[1]);
      if (corrected && corrected !== mention.category) m = { ...mention, category: corrected };
    }
    if (!off.has(m.category)) out.push(m);
  }
  return out;
}
