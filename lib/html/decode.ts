/**
 * Bytes of a saved or fetched HTML page → text, choosing the character encoding the way a careful reader would.
 *
 * Order of evidence:
 * 1. a byte-order mark (UTF-8, UTF-16LE/BE) — unambiguous;
 * 2. bytes that are valid UTF-8 and contain multi-byte sequences are UTF-8, whatever the page declares. Saved
 *    pages are often re-encoded to UTF-8 while keeping their old `<meta charset=gb2312>` (all three
 *    "gb2312" pages of the corpus are like this), and real GBK text is practically never valid UTF-8;
 * 3. the charset from the HTTP Content-Type header, then `<meta charset>` / `<meta http-equiv=Content-Type>`
 *    in the first 1024 bytes;
 * 4. undeclared and not UTF-8: GB18030 if the bytes decode cleanly as such (the pages Tifa reads are Chinese),
 *    otherwise UTF-8 with replacement characters.
 * GB2312 and GBK labels decode as GB18030, their superset (also what the WHATWG Encoding standard does).
 */

export type EncodingSource = 'bom' | 'utf8-sniff' | 'content-type' | 'meta' | 'gb18030-sniff' | 'default';

export interface DecodedHtml {
  text: string;
  /** The encoding used, as a TextDecoder label (`utf-8`, `gb18030`, `windows-1252` …). */
  encoding: string;
  source: EncodingSource;
  /** The charset the page declared (header or meta), if any — may differ from `encoding`. */
  declared?: string;
}

const PRESCAN_BYTES = 1024;

const CHINESE_LEGACY = new Set([
  'gb2312',
  'gbk',
  'x-gbk',
  'gb_2312',
  'gb_2312-80',
  'chinese',
  'csgb2312',
  'csiso58gb231280',
  'iso-ir-58',
  'gb18030',
]);

export function decodeHtmlBytes(bytes: Uint8Array, contentTypeCharset?: string): string {
  return decodeHtml(bytes, contentTypeCharset).text;
}

export function decodeHtml(bytes: Uint8Array, contentTypeCharset?: string): DecodedHtml {
  const bom = decodeWithBom(bytes);
  if (bom !== null) return bom;

  const declaredByHeader = contentTypeCharset === undefined ? null : normalizeLabel(contentTypeCharset);
  const declaredByMeta = declaredByHeader === null ? metaCharset(bytes) : null;
  const declared = declaredByHeader ?? declaredByMeta ?? undefined;

  const utf8 = tryDecode('utf-8', bytes);
  if (utf8 !== null && hasNonAscii(utf8)) return { text: utf8, encoding: 'utf-8', source: 'utf8-sniff', declared };

  if (declared !== undefined) {
    const text = new TextDecoder(declared).decode(bytes);
    return { text, encoding: declared, source: declaredByHeader !== null ? 'content-type' : 'meta', declared };
  }
  if (utf8 !== null) return { text: utf8, encoding: 'utf-8', source: 'default' };
  const gb = tryDecode('gb18030', bytes);
  if (gb !== null) return { text: gb, encoding: 'gb18030', source: 'gb18030-sniff' };
  return { text: new TextDecoder('utf-8').decode(bytes), encoding: 'utf-8', source: 'default' };
}

function decodeWithBom(bytes: Uint8Array): DecodedHtml | null {
  let encoding: string | null = null;
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) encoding = 'utf-8';
  else if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) encoding = 'utf-16le';
  else if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) encoding = 'utf-16be';
  if (encoding === null) return null;
  // TextDecoder strips the BOM itself (ignoreBOM defaults to false).
  return { text: new TextDecoder(encoding).decode(bytes), encoding, source: 'bom' };
}

function tryDecode(encoding: string, bytes: Uint8Array): string | null {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

function hasNonAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) return true;
  return false;
}

/**
 * A charset label → a TextDecoder encoding name, or null when the label is unknown. Chinese legacy labels map to
 * gb18030; UTF-16 labels in a meta tag mean UTF-8 (a page that parses as ASCII cannot be UTF-16), as in the
 * HTML standard; x-user-defined is treated as windows-1252.
 */
export function normalizeLabel(label: string): string | null {
  const key = label
    .trim()
    .replace(/^["']|["']$/g, '')
    .trim()
    .toLowerCase();
  if (key === '') return null;
  if (CHINESE_LEGACY.has(key)) return 'gb18030';
  if (key === 'x-user-defined') return 'windows-1252';
  let encoding: string;
  try {
    encoding = new TextDecoder(key).encoding;
  } catch {
    return null;
  }
  if (encoding === 'gbk') return 'gb18030';
  if (encoding === 'utf-16le' || encoding === 'utf-16be') return 'utf-8';
  return encoding;
}

/** The charset a `<meta>` in the first 1024 bytes declares (the HTML prescan, simplified), or null. */
export function metaCharset(bytes: Uint8Array): string | null {
  const head = latin1(bytes.subarray(0, PRESCAN_BYTES)).replace(/<!--[\s\S]*?(?:-->|$)/g, '');
  const metaTag = /<meta(?=[\s/])([^>]*)>?/gi;
  for (let m = metaTag.exec(head); m !== null; m = metaTag.exec(head)) {
    const attrs = parseAttributes(m[1]);
    const charset = attrs.get('charset');
    if (charset !== undefined) {
      const label = normalizeLabel(charset);
      if (label !== null) return label;
      continue;
    }
    const content = attrs.get('content');
    if (content !== undefined && (attrs.get('http-equiv') ?? '').toLowerCase() === 'content-type') {
      const fromContent = /charset\s*=\s*["']?([^"';\s]+)/i.exec(content);
      const label = fromContent === null ? null : normalizeLabel(fromContent[1]);
      if (label !== null) return label;
    }
  }
  return null;
}

function parseAttributes(source: string): Map<string, string> {
  const attrs = new Map<string, string>();
  const attr = /([^\s=/>"']+)(?:\s*=\s*(?:"([^"]*)"?|'([^']*)'?|([^\s>]*)))?/g;
  for (let m = attr.exec(source); m !== null; m = attr.exec(source)) {
    const name = m[1].toLowerCase();
    if (!attrs.has(name)) attrs.set(name, m[2] ?? m[3] ?? m[4] ?? '');
  }
  return attrs;
}

function latin1(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i++) s += String.fromCharCode(bytes[i]);
  return s;
}
