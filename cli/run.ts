import { analyzeFile, type Analyzer } from './analyze-file';
import { USAGE, UsageError, parseArgs } from './args';
import { humanReport, jsonLine } from './format';
import { HtmlTextExtractor } from './html-text';
import { InputError } from './input';
import { loadRulePacks, RulePackFileError } from './rule-packs';
import { runCompare } from './compare';

export interface CliIo {
  /** Writes one chunk to stdout (a trailing newline is added). */
  out(chunk: string): void;
  /** Writes one line to stderr. */
  err(line: string): void;
}

export const EXIT_OK = 0;
export const EXIT_BAD_INPUT = 1;
export const EXIT_USAGE = 2;

/** Runs `tifa` with the given arguments; returns the exit status. Never throws for bad input files. */
export async function runCli(argv: string[], io: CliIo, analyze: Analyzer): Promise<number> {
  let options;
  try {
    options = parseArgs(argv);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    io.err(`tifa: ${err.message}`);
    io.err('Run "tifa --help" for usage.');
    return EXIT_USAGE;
  }
  if (options.command === 'help') {
    io.out(USAGE);
    return EXIT_OK;
  }

  // Every pack is read and validated before the first file: a bad pack means nothing is analysed.
  let analyzeOptions;
  try {
    analyzeOptions = options.rules.length ? { ruleSet: await loadRulePacks(options.rules) } : undefined;
  } catch (err) {
    if (!(err instanceof RulePackFileError)) throw err;
    io.err(`tifa: ${err.message}`);
    return EXIT_BAD_INPUT;
  }

  const html = new HtmlTextExtractor();
  if (options.command === 'compare')
    return runCompare(options.files as [string, string], options.json, { io, html, analyze });
  let failed = 0;
  let reported = 0;
  try {
    for (const file of options.files) {
      let result;
      try {
        result = await analyzeFile(file, html, analyze, analyzeOptions);
      } catch (err) {
        failed++;
        io.err(`tifa: ${file}: ${describe(err)}`);
        continue;
      }
      if (options.json) io.out(jsonLine(result, options.text));
      else if (options.text) io.out(options.files.length > 1 ? `==> ${file} <==\n${result.text}` : result.text);
      else io.out((reported > 0 ? '\n' : '') + humanReport(result));
      reported++;
    }
  } finally {
    await html.close();
  }
  return failed > 0 ? EXIT_BAD_INPUT : EXIT_OK;
}

export function describe(err: unknown): string {
  if (err instanceof InputError) return err.message;
  const message = err instanceof Error ? err.message : String(err);
  return `internal error: ${message.split('\n')[0]}`;
}
