/**
 * Import, export and merge of rule packs. A pack is validated whole before anything is kept: the first bad
 * entry rejects it with a message naming the entry (`patterns[2] (id "x"): …`), so no reader ever runs with
 * half a pack.
 */
import type { z } from 'zod';
import { termKey } from '../rules/custom-rules';
import { patternProblemText } from './messages';
import { compileUserPattern, type SpeedCheck } from './pattern';
import {
  hiddenTermSchema,
  packEnvelopeSchema,
  packPatternSchema,
  packTermSchema,
  RULE_PACK_VERSION,
  type CustomRules,
  type PackPattern,
  type PackTerm,
  type RulePack,
} from './schema';

export class RulePackError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RulePackError';
  }
}

function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  const path = issue.path.map(String).join('.');
  return path ? `${path}: ${issue.message}` : issue.message;
}

function entry<T>(schema: z.ZodType<T>, value: unknown, where: string): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new RulePackError(`${where}: ${firstIssue(parsed.error)}`);
  return parsed.data;
}

const quoted = (text: unknown) => (typeof text === 'string' ? ` "${text.slice(0, 30)}"` : '');

export interface ParseOptions {
  /** Speed check for the patterns (tests inject a clock); patterns are always compiled and checked. */
  speed?: SpeedCheck;
}

/** Validates a pack (JSON text or parsed data) whole; throws RulePackError naming the first bad entry. */
export function parseRulePack(input: string | unknown, options: ParseOptions = {}): RulePack {
  let data: unknown = input;
  if (typeof input === 'string') {
    try {
      data = JSON.parse(input.replace(/^\uFEFF/, ''));
    } catch (err) {
      throw new RulePackError(`not valid JSON (${err instanceof Error ? err.message : String(err)})`);
    }
  }
  const version = (data as { tifaRules?: unknown } | null)?.tifaRules;
  if (!data || typeof data !== 'object' || version === undefined) {
    throw new RulePackError('not a Tifa rule pack (no "tifaRules" version field)');
  }
  if (typeof version === 'number' && version > RULE_PACK_VERSION) {
    throw new RulePackError(`rule pack version ${version} is newer than this Tifa understands (${RULE_PACK_VERSION})`);
  }
  const envelope = entry(packEnvelopeSchema, data, 'rule pack');

  const terms: PackTerm[] = [];
  const seenTerms = new Set<string>();
  (envelope.terms ?? []).forEach((raw, i) => {
    const where = `terms[${i}]${quoted((raw as { text?: unknown })?.text)}`;
    const term = entry(packTermSchema, raw, where);
    const key = termKey(term.text);
    if (seenTerms.has(key)) throw new RulePackError(`${where}: duplicate term`);
    seenTerms.add(key);
    terms.push(term);
  });

  const patterns: PackPattern[] = [];
  const seenIds = new Set<string>();
  (envelope.patterns ?? []).forEach((raw, i) => {
    const id = (raw as { id?: unknown })?.id;
    const where = `patterns[${i}]${typeof id === 'string' ? ` (id "${id.slice(0, 40)}")` : ''}`;
    const pattern = entry(packPatternSchema, raw, where);
    if (seenIds.has(pattern.id)) throw new RulePackError(`${where}: duplicate id`);
    seenIds.add(pattern.id);
    const check = compileUserPattern(pattern.pattern, pattern.flags, options.speed);
    if (!check.ok) throw new RulePackError(`${where}: ${patternProblemText(check.problem).en}`);
    patterns.push(pattern);
  });

  const hidden: string[] = [];
  (envelope.hidden ?? []).forEach((raw, i) => {
    const text = entry(hiddenTermSchema, raw, `hidden[${i}]${quoted(raw)}`);
    if (!hidden.some((h) => termKey(h) === termKey(text))) hidden.push(text);
  });

  return { tifaRules: RULE_PACK_VERSION, name: envelope.name ?? '', terms, patterns, hidden };
}

/** The reader's custom rules as a pack (corrections and toggles are personal settings and stay out). */
export function exportRulePack(rules: CustomRules, name = 'Tifa'): RulePack {
  return {
    tifaRules: RULE_PACK_VERSION,
    name,
    terms: rules.terms.map((t) => ({ ...t })),
    patterns: rules.patterns.map((p) => ({ ...p })),
    hidden: [...rules.hidden],
  };
}

export function serializeRulePack(pack: RulePack): string {
  return JSON.stringify(pack, null, 2) + '\n';
}

export interface MergeResult {
  rules: CustomRules;
  added: { terms: number; patterns: number; hidden: number };
}

const samePattern = (a: PackPattern, b: PackPattern) =>
  a.pattern === b.pattern && (a.flags ?? 'u') === (b.flags ?? 'u') && a.category === b.category;

/**
 * Adds a validated pack to the reader's rules without duplicates: a term already present (same text after
 * folding) and an identical pattern are skipped; a pattern id that already means something else rejects the
 * whole pack, since silently keeping either would change what the reader sees.
 */
export function mergeRulePack(current: CustomRules, pack: RulePack): MergeResult {
  const byId = new Map(current.patterns.map((p) => [p.id, p]));
  for (const p of pack.patterns) {
    const existing = byId.get(p.id);
    if (existing && !samePattern(existing, p)) {
      throw new RulePackError(`patterns (id "${p.id}"): a different pattern with this id already exists`);
    }
  }
  const termKeys = new Set(current.terms.map((t) => termKey(t.text)));
  const terms = pack.terms.filter((t) => !termKeys.has(termKey(t.text)));
  const patterns = pack.patterns.filter((p) => !byId.has(p.id));
  const hiddenKeys = new Set(current.hidden.map(termKey));
  const hidden = pack.hidden.filter((h) => !hiddenKeys.has(termKey(h)));
  return {
    rules: {
      ...current,
      terms: [...current.terms, ...terms],
      patterns: [...current.patterns, ...patterns],
      hidden: [...current.hidden, ...hidden],
    },
    added: { terms: terms.length, patterns: patterns.length, hidden: hidden.length },
  };
}
