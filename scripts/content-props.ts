/**
 * Property names that terser renames in the content-script build (wxt.config.ts), to keep a bundle loaded with
 * every listed page small (tests/unit/content-bundle.test.ts). Terser renames a property everywhere in the bundle,
 * so a name here must be used only inside the content script: never a field of a message, a stored value, an
 * Analysis or a clip (those cross to the background or the side panel, built separately), never a DOM, browser
 * or JavaScript name, never a data-* attribute. The bundle test fails when a listed name shows up in the
 * protocol, rule, clip, component or background sources, or in TypeScript's DOM and ES library types.
 */
export const CONTENT_ONLY_PROPS = [
  // lib/extract: the text writer's state and the extraction's node map.
  'nodeOffset',
  'sentenceEnds',
  'segmentCount',
  'linkChars',
  'lastSegmentEnd',
  'pendingBreak',
  'partsLength',
  'flatLength',
  'lastChar',
  'titleNodes',
  'enterBlock',
  'leaveBlock',
  'enterLink',
  'leaveLink',
  'enterPreformatted',
  'leavePreformatted',
  // lib/extract: extraction options (the page's extraction is the content script's own).
  'mainContent',
  'skipChrome',
  'isHidden',
  // lib/reading: controller, hover and tooltip.
  'liveExtraction',
  'getPageState',
  'scrollToItem',
  'addHoverSource',
  'onAnalysed',
  'setPainted',
  'mutatesDom',
  'setVisible',
  'tooltipVisible',
  'showTooltip',
  'hideTooltip',
  'focusTooltip',
  'isOwnNode',
  'hasSpans',
  'hasSources',
  'addSource',
  'spanIndex',
  'listenForMessages',
  'pageWaitMs',
  'maxWaitMs',
  'reattached',
  // lib/clipping: clipper, highlighter, selection bar and panels.
  'highlighter',
  'reanchor',
  'anchorStatuses',
  'clipRange',
  'clipAt',
  'entryAt',
  'flashClip',
  'spanOf',
  'textChanged',
  'showFor',
  'editNote',
  'panelOpen',
  'submitLabel',
  'onCancel',
] as const;
