import { compareTexts } from '../lib/compare/compare';
import { comparisonMarkdown } from '../lib/compare/markdown';
import { analyzeFile, type Analyzer } from './analyze-file';
import type { HtmlTextExtractor } from './html-text';
import { describe, EXIT_BAD_INPUT, EXIT_OK, type CliIo } from './run';

/** `tifa compare OLDER NEWER [--json]`: the comparison of two texts or pages as Markdown (or JSON). */
export async function runCompare(
  [olderFile, newerFile]: [string, string],
  json: boolean,
  { io, html, analyze }: { io: CliIo; html: HtmlTextExtractor; analyze: Analyzer },
): Promise<number> {
  try {
    const read = async (file: string) => {
      try {
        return await analyzeFile(file, html, analyze);
      } catch (err) {
        io.err(`tifa: ${file}: ${describe(err)}`);
        return undefined;
      }
    };
    const older = await read(olderFile);
    const newer = await read(newerFile);
    if (!older || !newer) return EXIT_BAD_INPUT;
    const comparison = compareTexts(older.text, newer.text, { left: older, right: newer });
    comparison.left.title ??= olderFile;
    comparison.right.title ??= newerFile;
    io.out(json ? JSON.stringify(comparison) : comparisonMarkdown(comparison).trimEnd());
    return EXIT_OK;
  } finally {
    await html.close();
  }
}
