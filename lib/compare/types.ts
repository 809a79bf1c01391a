import type { DiffOp } from '../similarity/align';
import type { Paragraph } from '../similarity/paragraphs';
import type { MentionCategory } from '../rules/types';

/** One side of a comparison: its paragraphs and top-level outline sections. */
export interface CompareSide {
  title?: string;
  date?: string;
  paragraphs: Paragraph[];
  /** Top-level outline items (一、…), with the paragraphs they hold. */
  sections: Array<{ marker: string; title: string; start: number; end: number }>;
  /** For each paragraph, the index of its section in `sections`, or -1 before the first. */
  sectionOf: number[];
}

/**
 * A row of the comparison, in reading order of the newer text (right), dropped paragraphs placed where they
 * stood. `moved`: the paragraph is in another place relative to its neighbours (maybe also edited: `ops`).
 */
export type CompareRow =
  | { kind: 'same'; left: number; right: number }
  | { kind: 'changed'; left: number; right: number; ops: DiffOp[] }
  | { kind: 'moved'; left: number; right: number; ops?: DiffOp[] }
  | { kind: 'added'; right: number }
  | { kind: 'dropped'; left: number };

/** A sentence or clause that left one paragraph and reappears in another (or elsewhere in the same one). */
export interface MovedFragment {
  text: string;
  /** Paragraph indexes on each side. */
  left: number;
  right: number;
}

export interface MentionChange {
  category: MentionCategory;
  key: string;
  /** As written (first occurrence). */
  text: string;
  /** Occurrences in the side that has it. */
  count: number;
}

export interface SectionPair {
  left?: number;
  right?: number;
}

export interface Comparison {
  left: CompareSide;
  right: CompareSide;
  rows: CompareRow[];
  moved: MovedFragment[];
  /** Mentions (提法, programs, documents, meetings, targets) only in the newer text / only in the older. */
  added: MentionChange[];
  dropped: MentionChange[];
  /** Top-level sections matched by the paragraphs they share. */
  sections: SectionPair[];
  counts: Record<CompareRow['kind'], number>;
}
