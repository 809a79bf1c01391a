/**
 * Wire names of the clip messages. Declared here without zod so the content script can use them; the zod
 * declarations (lib/messages/clips.ts) use the same constants.
 */
export const CLIP_KINDS = {
  save: 'clips.save',
  saveSpan: 'clips.saveSpan',
  get: 'clips.get',
  listForPage: 'clips.listForPage',
  countForPage: 'clips.countForPage',
  anchorForPage: 'clips.anchorForPage',
  list: 'clips.list',
  query: 'clips.query',
  listTags: 'clips.listTags',
  update: 'clips.update',
  updateMany: 'clips.updateMany',
  delete: 'clips.delete',
  restore: 'clips.restore',
  import: 'clips.import',
} as const;

/** Kinds a tab's content script answers. */
export const CLIP_PAGE_KINDS = {
  clipSelection: 'clipping.clipSelection',
  clipSection: 'clipping.clipSection',
  getAnchors: 'clipping.getAnchors',
  refresh: 'clipping.refresh',
  scrollTo: 'clipping.scrollTo',
} as const;
