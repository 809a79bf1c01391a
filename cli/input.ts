import { readFile, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { decodeHtml } from '../lib/html/decode';

/** A problem with one input file; the message is shown after the file name and must fit on one line. */
export class InputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InputError';
  }
}

export type InputKind = 'text' | 'html';

export interface InputDocument {
  kind: InputKind;
  /** The decoded file content (HTML source for `html`). */
  content: string;
  /** The character encoding used to decode it. */
  encoding: string;
}

const HTML_EXTENSIONS = new Set(['.html', '.htm', '.xhtml', '.shtml']);
const TEXT_EXTENSIONS = new Set(['.txt', '.text', '.md']);
/** More undecodable or control characters than this share means the file is not text. */
const MAX_BAD_SHARE = 0.01;

export async function readInput(path: string): Promise<InputDocument> {
  const bytes = await readBytes(path);
  if (bytes.length === 0) throw new InputError('empty file');
  const kind = kindOf(path, bytes);
  if (!hasUtf16Bom(bytes) && bytes.includes(0)) throw new InputError('binary file (contains NUL bytes)');
  const decoded = kind === 'html' ? decodeHtml(bytes) : decodeText(bytes);
  const bad = badCharacterShare(decoded.text);
  if (bad > MAX_BAD_SHARE) {
    throw new InputError(`binary or undecodable file (${(bad * 100).toFixed(1)}% invalid characters)`);
  }
  if (decoded.text.trim() === '') throw new InputError('empty file (only whitespace)');
  return { kind, content: decoded.text, encoding: decoded.encoding };
}

async function readBytes(path: string): Promise<Uint8Array> {
  try {
    const info = await stat(path);
    if (info.isDirectory()) throw new InputError('is a directory');
    if (!info.isFile()) throw new InputError('not a regular file');
    return new Uint8Array(await readFile(path));
  } catch (err) {
    if (err instanceof InputError) throw err;
    throw new InputError(describeFsError(err));
  }
}

function describeFsError(err: unknown): string {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'is a directory';
  return `cannot read (${code ?? (err instanceof Error ? err.message : String(err))})`;
}

/** By extension first; an unknown extension is HTML when the content starts like markup. */
export function kindOf(path: string, bytes: Uint8Array): InputKind {
  const ext = extname(path).toLowerCase();
  if (HTML_EXTENSIONS.has(ext)) return 'html';
  if (TEXT_EXTENSIONS.has(ext)) return 'text';
  const head = new TextDecoder('utf-8')
    .decode(bytes.subarray(0, 512))
    .replace(/^\uFEFF/, '')
    .trimStart();
  return /^<(?:!doctype\s+html|html|head|body|meta|!--)/i.test(head) ? 'html' : 'text';
}

function hasUtf16Bom(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff));
}

/** Plain text: BOM, else UTF-8, else GB18030 (common for Chinese .txt files), else UTF-8 with replacements. */
export function decodeText(bytes: Uint8Array): { text: string; encoding: string } {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes), encoding: 'utf-8' };
  }
  if (hasUtf16Bom(bytes)) {
    const encoding = bytes[0] === 0xff ? 'utf-16le' : 'utf-16be';
    return { text: new TextDecoder(encoding).decode(bytes), encoding };
  }
  for (const encoding of ['utf-8', 'gb18030']) {
    try {
      return { text: new TextDecoder(encoding, { fatal: true }).decode(bytes), encoding };
    } catch {
      // try the next candidate
    }
  }
  return { text: new TextDecoder('utf-8').decode(bytes), encoding: 'utf-8' };
}

/** Share of U+FFFD and C0 control characters other than tab, line feed, form feed and carriage return. */
function badCharacterShare(text: string): number {
  if (text.length === 0) return 0;
  let bad = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0xfffd || (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0c && c !== 0x0d)) bad++;
  }
  return bad / text.length;
}
