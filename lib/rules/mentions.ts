/**
 * The mention engine: runs each rule of mention-rules.ts once over the text, drops candidates inside
 * boilerplate, resolves overlaps (priority, then length, then position) and attaches keys and glosses.
 */
import { findBoilerplate } from './boilerplate';
import { glossFor } from './glossary';
import { hasPrefilter, scanFiltered } from './mention-prefilter';
import { MENTION_RULES, type MentionRule, type MentionSpan } from './mention-rules';
import type { Mention } from './types';

interface Candidate {
  rule: MentionRule;
  start: number;
  end: number;
}

/** Grouping key: the name without quotation marks, book-title marks or spaces; meetings without 党的/中共. */
export function mentionKey(text: string, category: Mention['category']): string {
  let key = text.replace(/[“”‘’「」『』"《》\s　]/g, '');
  if (category === 'meeting') key = key.replace(/^(?:党的|中共)(?=[十二])/, '');
  return key;
}

/** Every match of a global regex over `text` that starts before `until`. */
function scan(pattern: RegExp, text: string, until = text.length): RegExpExecArray[] {
  if (!pattern.global) throw new Error(`mention pattern /${pattern.source.slice(0, 30)}…/ must be global`);
  const matches: RegExpExecArray[] = [];
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m && m.index < until; m = pattern.exec(text)) {
    if (m[0].length === 0) pattern.lastIndex++;
    else matches.push(m);
  }
  return matches;
}

/**
 * Where scanning can stop: the start of boilerplate that runs to the end of the text (a licence block, a
 * related-links tail). A span overlaps its match, so every match from there on would be dropped anyway.
 */
function scanLimit(text: string, boilerplate: ReadonlyArray<[number, number]>): number {
  let limit = text.length;
  for (const [start, end] of boilerplate) if (end >= text.length && start < limit) limit = start;
  return limit;
}

function acceptAll(rule: MentionRule, matches: readonly RegExpExecArray[], text: string): MentionSpan[] {
  const out: MentionSpan[] = [];
  for (const m of matches) {
    const span = rule.accept ? rule.accept(m, text) : { start: m.index, end: m.index + m[0].length };
    if (span && span.end > span.start) out.push(span);
  }
  return out;
}

function patternsOf(rule: MentionRule): readonly RegExp[] {
  return rule.pattern instanceof RegExp ? [rule.pattern] : rule.pattern;
}

/** Every candidate a single rule produces on `text` (before overlap resolution). */
export function runMentionRule(rule: MentionRule, text: string): MentionSpan[] {
  return patternsOf(rule).flatMap((pattern) => acceptAll(rule, scan(pattern, text), text));
}

function insideAny(spans: Array<[number, number]>, start: number, end: number): boolean {
  for (const [s, e] of spans) if (start < e && end > s) return true;
  return false;
}

export interface FindMentionsOptions {
  /** Boilerplate spans, when the caller already computed them. */
  boilerplate?: Array<[number, number]>;
  rules?: readonly MentionRule[];
}

/** All mentions in `text`: sorted by start, non-overlapping, none inside boilerplate. */
export function findMentions(text: string, options: FindMentionsOptions = {}): Mention[] {
  const boilerplate = options.boilerplate ?? findBoilerplate(text);
  const rules = options.rules ?? MENTION_RULES;
  const candidates: Candidate[] = [];
  const until = scanLimit(text, boilerplate);
  // Rules that share a regex share its scan: each distinct pattern runs once over the text, and the patterns
  // that cannot skip ahead on their own share one pass (mention-prefilter.ts).
  const filtered = new Set<RegExp>();
  for (const rule of rules) for (const pattern of patternsOf(rule)) if (hasPrefilter(pattern)) filtered.add(pattern);
  const scans = scanFiltered(filtered, text, until);
  for (const rule of rules) {
    for (const pattern of patternsOf(rule)) {
      let matches = scans.get(pattern);
      if (!matches) scans.set(pattern, (matches = scan(pattern, text, until)));
      for (const span of acceptAll(rule, matches, text)) {
        if (boilerplate.length && insideAny(boilerplate, span.start, span.end)) continue;
        candidates.push({ rule, start: span.start, end: span.end });
      }
    }
  }

  // Greedy by strength: a document title swallows the numbers inside it, a program its quoted name, the longer
  // of two same-priority mentions wins; ties go to the earlier one.
  candidates.sort(
    (a, b) => b.rule.priority - a.rule.priority || b.end - b.start - (a.end - a.start) || a.start - b.start,
  );
  const taken = new Uint8Array(text.length);
  const chosen: Candidate[] = [];
  outer: for (const c of candidates) {
    for (let i = c.start; i < c.end; i++) if (taken[i]) continue outer;
    taken.fill(1, c.start, c.end);
    chosen.push(c);
  }
  chosen.sort((a, b) => a.start - b.start);

  return chosen.map((c) => {
    const mentionText = text.slice(c.start, c.end);
    const key = mentionKey(mentionText, c.rule.category);
    const mention: Mention = {
      category: c.rule.category,
      text: mentionText,
      start: c.start,
      end: c.end,
      ruleId: c.rule.id,
      key,
    };
    const gloss = c.rule.category === 'formulation' || c.rule.category === 'program' ? glossFor(key) : undefined;
    if (gloss) mention.gloss = gloss;
    return mention;
  });
}
