/** The CLI's modules in-process (argument parsing, input reading, the run loop with a stand-in analyzer). */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { normalizeNewlines } from '../../cli/analyze-file';
import { UsageError, parseArgs } from '../../cli/args';
import { InputError, decodeText, kindOf, readInput } from '../../cli/input';
import { runCli } from '../../cli/run';
import type { Analysis } from '../../lib/rules/types';

const bytes = (s: string) => new TextEncoder().encode(s);

describe('parseArgs', () => {
  it('parses files and flags in any order', () => {
    expect(parseArgs(['analyze', 'a.txt', '--json', 'b.html', '--text'])).toEqual({
      command: 'analyze',
      files: ['a.txt', 'b.html'],
      json: true,
      text: true,
      rules: [],
    });
    expect(parseArgs(['analyze', '--', '--json'])).toMatchObject({ files: ['--json'], json: false });
    expect(parseArgs(['-h']).command).toBe('help');
    expect(parseArgs(['analyze', 'x', '--help']).command).toBe('help');
  });

  it('rejects what it does not understand', () => {
    expect(() => parseArgs([])).toThrow(UsageError);
    expect(() => parseArgs(['analyse', 'a.txt'])).toThrow(/unknown command analyse/);
    expect(() => parseArgs(['analyze'])).toThrow(/at least one FILE/);
    expect(() => parseArgs(['analyze', 'a.txt', '-x'])).toThrow(/unknown option -x/);
  });
});

describe('reading input', () => {
  it('tells HTML from text by extension, then by content', () => {
    expect(kindOf('a.HTML', bytes('plain'))).toBe('html');
    expect(kindOf('a.txt', bytes('<html>'))).toBe('text');
    expect(kindOf('page', bytes('\uFEFF  <!DOCTYPE html><html>'))).toBe('html');
    expect(kindOf('notes', bytes('同志们：'))).toBe('text');
  });

  it('decodes text as UTF-8, UTF-16 with BOM, or GB18030', () => {
    expect(decodeText(bytes('同志们：'))).toEqual({ text: '同志们：', encoding: 'utf-8' });
    expect(decodeText(Uint8Array.from([0xff, 0xfe, 0x0c, 0x54]))).toEqual({ text: '同', encoding: 'utf-16le' });
    const gbk = Uint8Array.from([0xcd, 0xac, 0xd6, 0xbe, 0xc3, 0xc7, 0xa3, 0xba]);
    expect(decodeText(gbk)).toEqual({ text: '同志们：', encoding: 'gb18030' });
  });

  it('throws InputError with a one-line reason', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tifa-input-'));
    const nul = join(dir, 'nul.txt');
    writeFileSync(nul, Buffer.from('abc\u0000def'));
    await expect(readInput(nul)).rejects.toThrow(new InputError('binary file (contains NUL bytes)'));
    await expect(readInput(dir)).rejects.toThrow('is a directory');
    await expect(readInput(join(dir, 'none'))).rejects.toThrow('no such file');
  });

  it('normalises CRLF and CR line ends', () => {
    expect(normalizeNewlines('一、\r\n二、\r三、\n')).toBe('一、\n二、\n三、\n');
  });
});

describe('runCli', () => {
  const fakeAnalysis = (text: string): Analysis => ({
    verdict: { isPolicy: false, genre: 'other', score: 0, reasons: [] },
    outline: [],
    mentions: [
      { category: 'meeting', text: text.slice(0, 2), start: 0, end: 2, ruleId: 'fake', key: text.slice(0, 2) },
    ],
    textLength: text.length,
  });

  it('keeps going after an analyzer failure and reports it as an internal error for that file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tifa-run-'));
    const good = join(dir, 'good.txt');
    const bad = join(dir, 'bad.txt');
    writeFileSync(good, '党的二十大');
    writeFileSync(bad, 'boom');
    const out: string[] = [];
    const err: string[] = [];
    const status = await runCli(
      ['analyze', bad, good, '--json'],
      { out: (s) => out.push(s), err: (s) => err.push(s) },
      (text) => {
        if (text === 'boom') throw new Error('rule exploded\nstack…');
        return fakeAnalysis(text);
      },
    );
    expect(status).toBe(1);
    expect(err).toEqual([`tifa: ${bad}: internal error: rule exploded`]);
    expect(out).toHaveLength(1);
    expect(JSON.parse(out[0])).toMatchObject({ file: good, textLength: 5, mentions: [{ text: '党的' }] });
  });

  it('separates --text outputs of several files with headers', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tifa-run-'));
    const a = join(dir, 'a.txt');
    const b = join(dir, 'b.html');
    writeFileSync(a, '甲\r\n乙');
    writeFileSync(b, '<html><body><nav><a href="/">首页</a></nav><p>丙<b>丁</b></p></body></html>');
    const out: string[] = [];
    const status = await runCli(['analyze', a, b, '--text'], { out: (s) => out.push(s), err: () => {} }, fakeAnalysis);
    expect(status).toBe(0);
    expect(out).toEqual([`==> ${a} <==\n甲\n乙`, `==> ${b} <==\n丙丁`]);
  });
});
