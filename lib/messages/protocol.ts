import { z } from 'zod';
import { clipSchema, noteSchema, tagsSchema } from '../clips/schema';
import { speechIdentitySchema } from '../citation/identity';
import { packTermSchema } from '../rulepacks/schema';
import {
  clipAnchorSchema,
  clipOutcomeSchema,
  clipPlaceReplySchema,
  clipPlaceRequestSchema,
  clipSaveReplySchema,
  clipSaveRequestSchema,
  clipUpdateManyRequestSchema,
  clipUpdateRequestSchema,
  idSchema,
  idsRequestSchema,
  MAX_PAGE_SIZE,
  importPartSchema,
} from './clips';
import { pageClipEditSchema, pageClipSchema, ruleCorrectSchema, ruleHideSchema } from './page-actions';
import {
  compareRunReplySchema,
  compareRunRequestSchema,
  compareSuggestReplySchema,
  historyListReplySchema,
  pageIdRequestSchema,
  similarMarkReplySchema,
  similarMarkRequestSchema,
  passageQuerySchema,
  similarFocusSchema,
  similarOpenRequestSchema,
  similarPassagesReplySchema,
  similarTabReplySchema,
  tabRequestSchema,
  trailReplySchema,
  trailRequestSchema,
} from './history';
import {
  analyzeReplySchema,
  analyzeRequestSchema,
  pageChangedSchema,
  pageIndexSchema,
  pageStateSchema,
  scrollToItemRequestSchema,
} from './page';

/**
 * THE PROTOCOL MAP: every message kind Tifa sends, declared once, as `area.verb`, with its request and reply
 * schemas, who answers it and who may send it. Everything else derives from this map: the background router
 * validates requests with these schemas and refuses senders the entry does not allow (lib/messages/router.ts);
 * extension pages send with typed, reply-validated helpers (lib/messages/transport.ts); the content script
 * imports the TYPES only (`RequestOf`, `ReplyOf`), so zod stays out of its 60 KB bundle
 * (lib/messages/content-endpoint.ts; tests/unit/content-bundle.test.ts checks size and contents).
 *
 * Answered by:
 *   background — the service worker (the library's owner, the rule set's host);
 *   tab        — the content script of the tab it is sent to (browser.tabs.sendMessage);
 *   pages      — open extension pages (popup, side panel): broadcasts from a content script, nobody may answer.
 * Sent by (capabilities by sender, checked in the background from the browser's MessageSender, never from data
 * the message carries):
 *   tab        — a content script, about its own tab only: the page address is the one the browser reports for
 *                the sender (sender.url), never one in the payload;
 *   extension  — an extension page or the background itself (sender.url on the extension's own origin). The
 *                library — edit, delete, restore, import — is served only to these.
 *
 * Wire format: `{ tifa: 1, kind, payload }` → `{ ok: true, value } | { ok: false, error }`.
 */
export type Answerer = 'background' | 'tab' | 'pages';
export type Sender = 'tab' | 'extension';

interface Entry<To extends Answerer, From extends Sender, Req extends z.ZodTypeAny, Res extends z.ZodTypeAny> {
  to: To;
  from: From;
  request: Req;
  reply: Res;
}

const entry = <To extends Answerer, From extends Sender, Req extends z.ZodTypeAny, Res extends z.ZodTypeAny>(
  to: To,
  from: From,
  request: Req,
  reply: Res,
): Entry<To, From, Req, Res> => ({ to, from, request, reply });

const empty = z.object({}).strict();
const MAX_ITEM_INDEX = 100_000;

export const PROTOCOL = {
  // ---- to the background, from a tab's content script (its own page only) ----
  /** Run the rule set on the page's extracted text (long texts in parts sent at once; compact reply, reading/wire.ts). */
  'reading.analyze': entry('background', 'tab', analyzeRequestSchema, analyzeReplySchema),
  /**
   * Sent as the content script starts, before it waits for the page's first paint: a worker Chromium stopped after
   * 30 s idle starts (and warms its rule set) while the page renders, not after the text is sent.
   */
  'reading.wake': entry('background', 'tab', empty, z.object({})),
  /** Save a span of the page's text as a clip (a trusted gesture on the page, the context menu or the shortcut). */
  'clips.save': entry('background', 'tab', clipSaveRequestSchema, clipSaveReplySchema),
  /** How many clips the sender's page has (most have none: then its text need not travel at all). */
  'clips.count': entry('background', 'tab', empty, z.object({ count: z.number().int().nonnegative() })),
  /**
   * The sender's page's clips placed in its text (re-anchoring; the fuzzy matcher stays in the background). Clips
   * of that page not yet placed (imported from a position alone) first take the words at their position in this
   * text and are stored with them (lib/clipping/place-orphans.ts): the sender's own page only, by sender.url.
   */
  'clips.place': entry('background', 'tab', clipPlaceRequestSchema, clipPlaceReplySchema),
  /** The hover card of one of the sender's page's clips: its note and tags (a clip of another page is refused). */
  'clips.pageGet': entry('background', 'tab', z.object({ id: idSchema }), pageClipSchema),
  /** The hover card's edit (a trusted gesture): note and tags of one of the sender's page's clips. */
  'clips.pageEdit': entry('background', 'tab', pageClipEditSchema, pageClipSchema),
  /** The hover card's delete (to the trash, like the library's): one of the sender's page's clips. */
  'clips.pageDelete': entry('background', 'tab', z.object({ id: idSchema }), z.object({ deleted: z.boolean() })),
  /** "Not a 提法 / hide this term" from a mention's tooltip (a trusted gesture; the term is on the sender's page). */
  'rules.hideTerm': entry('background', 'tab', ruleHideSchema, z.object({})),
  /** "Wrong category" from a mention's tooltip: the term is read as `category` from now on, everywhere. */
  'rules.correctCategory': entry('background', 'tab', ruleCorrectSchema, z.object({})),
  /**
   * The note and tags the reader typed in the editor shown right after Clip (a trusted gesture in Tifa's closed
   * UI). Only a clip of the sender's own page, made in the last hour: not a way to edit the library.
   */
  'clips.annotate': entry(
    'background',
    'tab',
    z.object({ id: idSchema, note: noteSchema, tags: tagsSchema }),
    z.object({ clip: clipSchema }),
  ),
  /** "Add as a term" on a selection (a trusted gesture in Tifa's closed UI): the reader's rules gain it. */
  'rules.addTerm': entry('background', 'tab', packTermSchema.omit({ aliases: true }), z.object({})),

  /** Paragraphs of the sender's analysed text that recur in the reading history or a clip (ranges + names only). */
  'similar.mark': entry('background', 'tab', similarMarkRequestSchema, similarMarkReplySchema),
  /**
   * A tooltip's "side by side" (a recurring paragraph) or "across speeches" (a mention's 提法 trail) button, a
   * trusted click: open the side panel on that paragraph or trail.
   */
  'similar.open': entry('background', 'tab', similarOpenRequestSchema, z.object({ opened: z.boolean() })),

  // ---- to the background, from extension pages only: the reading history (issue 12) ----
  'history.list': entry('background', 'extension', empty, historyListReplySchema),
  'history.delete': entry('background', 'extension', pageIdRequestSchema, z.object({ deleted: z.number() })),
  'history.erase': entry('background', 'extension', empty, z.object({ erased: z.literal(true) })),
  'history.setEnabled': entry(
    'background',
    'extension',
    z.object({ enabled: z.boolean() }),
    z.object({ enabled: z.boolean() }),
  ),
  /** What a tooltip of this tab asked the panel to show in the last minute (paragraph or trail), once. */
  'similar.takeFocus': entry('background', 'extension', tabRequestSchema, similarFocusSchema),
  /** A tab's recurring paragraphs with their side-by-side diffs (the side panel's "Similar" view). */
  'similar.forTab': entry('background', 'extension', tabRequestSchema, similarTabReplySchema),
  /**
   * History passages resembling a clip's text, with their speeches (the library's similar dialog: the clip and
   * its variants as one group). `url` is the clip's page, whose own paragraphs do not count.
   */
  'similar.passages': entry('background', 'extension', passageQuerySchema, similarPassagesReplySchema),
  /** How many history passages resemble each clip: the library's visible rows in one batch (cached per history). */
  'similar.counts': entry(
    'background',
    'extension',
    z.object({ clips: z.array(passageQuerySchema.extend({ id: z.string().min(1).max(64) })).max(200) }),
    z.object({ counts: z.array(z.object({ id: z.string(), count: z.number().int().nonnegative() })) }),
  ),
  /** Earlier-read speeches most similar to a tab's page first. */
  'compare.suggest': entry('background', 'extension', tabRequestSchema, compareSuggestReplySchema),
  'compare.run': entry('background', 'extension', compareRunRequestSchema, compareRunReplySchema),
  /** Where a 提法 or program appears across the history and the clips. */
  'mentions.trail': entry('background', 'extension', trailRequestSchema, trailReplySchema),

  // ---- to the background, from extension pages only: the library ----
  'clips.update': entry('background', 'extension', clipUpdateRequestSchema, z.object({ clip: clipSchema })),
  'clips.updateMany': entry(
    'background',
    'extension',
    clipUpdateManyRequestSchema,
    z.object({ clips: z.array(clipSchema) }),
  ),
  /** Moved to the trash so clips.restore can undo. */
  'clips.delete': entry('background', 'extension', idsRequestSchema, z.object({ deleted: z.array(z.string()) })),
  /** Undo; skipped = a clip with the same passage exists again. */
  'clips.restore': entry(
    'background',
    'extension',
    idsRequestSchema,
    z.object({ restored: z.array(z.string()), skipped: z.array(z.string()) }),
  ),
  /** Whole Clip records; all or nothing; duplicates skipped. */
  'clips.import': entry(
    'background',
    'extension',
    z.object({ clips: z.array(clipSchema).max(MAX_PAGE_SIZE), part: importPartSchema.optional() }),
    z.object({ added: z.number(), skipped: z.number() }),
  ),

  /** The reader's speech identity (title, speaker, occasion, place, date) for a page; `apply` rewrites its clips too. */
  'clips.setSpeech': entry(
    'background',
    'extension',
    z.object({ url: z.string().min(1).max(8192), identity: speechIdentitySchema, apply: z.boolean() }),
    z.object({ updated: z.number().int().nonnegative() }),
  ),

  // ---- to a tab's content script, from extension pages and the background ----
  'reading.getState': entry('tab', 'extension', empty, pageStateSchema),
  /** Scroll to outline item `index` and flash it. */
  'reading.scrollTo': entry('tab', 'extension', scrollToItemRequestSchema, z.object({ found: z.boolean() })),
  /** The page index: every mention the analysis found (the side panel groups and counts them). */
  'reading.getIndex': entry('tab', 'extension', empty, pageIndexSchema),
  /** Scroll to mention `index` (of reading.getIndex's list) and flash it. */
  'reading.scrollToMention': entry('tab', 'extension', scrollToItemRequestSchema, z.object({ found: z.boolean() })),
  /** Re-run extract + analyse + highlight now. */
  'reading.analyzeNow': entry('tab', 'extension', z.object({ force: z.boolean().optional() }), pageStateSchema),
  /** Clip the tab's current selection (context menu, Alt+Shift+S). */
  'clipping.clipSelection': entry('tab', 'extension', empty, clipOutcomeSchema),
  /** Clip a whole outline section (index into the analysis' outline). */
  'clipping.clipSection': entry(
    'tab',
    'extension',
    z.object({ itemIndex: z.number().int().nonnegative().max(MAX_ITEM_INDEX) }),
    clipOutcomeSchema,
  ),
  /** Clip the paragraph that holds mention `index` ("clip every passage that mentions X", one call per passage). */
  'clipping.clipParagraph': entry(
    'tab',
    'extension',
    z.object({ index: z.number().int().nonnegative().max(MAX_ITEM_INDEX) }),
    clipOutcomeSchema,
  ),
  'clipping.getAnchors': entry(
    'tab',
    'extension',
    empty,
    z.object({ url: z.string(), anchors: z.array(clipAnchorSchema) }),
  ),
  /** Re-read this page's clips and re-highlight (after edits elsewhere). */
  'clipping.refresh': entry('tab', 'extension', empty, z.object({ anchored: z.number(), orphans: z.number() })),
  /** Scroll to an anchored clip and flash it. */
  'clipping.scrollTo': entry('tab', 'extension', z.object({ id: idSchema }), z.object({ found: z.boolean() })),

  // ---- broadcasts from a content script to open extension pages ----
  /** The page's analysis or toggles changed. */
  'reading.changed': entry('pages', 'tab', pageChangedSchema, z.object({})),
  /** The page's clips were (re-)placed. */
  'clipping.anchorsChanged': entry('pages', 'tab', z.object({ url: z.string().max(8192) }), z.object({})),
  /** From the background: a tooltip of tab `tabId` asked for a paragraph's side-by-side or a 提法 trail. */
  'similar.focus': entry(
    'pages',
    'extension',
    similarFocusSchema.extend({ tabId: z.number().int().nonnegative() }),
    z.object({}),
  ),
} as const;

export type Protocol = typeof PROTOCOL;
export type Kind = keyof Protocol;
export type KindTo<A extends Answerer> = { [K in Kind]: Protocol[K]['to'] extends A ? K : never }[Kind];
/** What the sender passes (defaults may be left out). */
export type RequestOf<K extends Kind> = z.input<Protocol[K]['request']>;
/** What the handler receives, after validation. */
export type ValidRequestOf<K extends Kind> = z.output<Protocol[K]['request']>;
export type ReplyOf<K extends Kind> = z.output<Protocol[K]['reply']>;

export const envelopeSchema = z.object({ tifa: z.literal(1), kind: z.string().max(64), payload: z.unknown() });
export type Envelope = z.infer<typeof envelopeSchema>;

export type Reply<T> = { ok: true; value: T } | { ok: false; error: string };

export function envelope<K extends Kind>(kind: K, payload: RequestOf<K>): Envelope {
  return { tifa: 1, kind, payload };
}

export function isKind(kind: string): kind is Kind {
  return Object.hasOwn(PROTOCOL, kind);
}

/** Error thrown on the sending side when the receiver answered with an error. */
export class MessageError extends Error {
  constructor(kind: string, detail: string) {
    super(`${kind}: ${detail}`);
    this.name = 'MessageError';
  }
}

/** Unwraps a reply received for `kind`, validating the reply's shape too (the other side may be stale). */
export function unwrapReply<K extends Kind>(kind: K, raw: unknown): ReplyOf<K> {
  if (raw === undefined) throw new MessageError(kind, 'no receiver answered');
  const reply = raw as Reply<unknown>;
  if (!reply || typeof reply !== 'object' || typeof reply.ok !== 'boolean')
    throw new MessageError(kind, 'malformed reply');
  if (!reply.ok) throw new MessageError(kind, reply.error);
  const parsed = PROTOCOL[kind].reply.safeParse(reply.value);
  if (!parsed.success) throw new MessageError(kind, `bad reply: ${summarizeZodError(parsed.error)}`);
  return parsed.data as ReplyOf<K>;
}

export function summarizeZodError(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`)
    .join('; ');
}
