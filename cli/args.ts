/** Command-line parsing for `tifa`. Kept free of I/O so it can be tested directly. */

export const USAGE = `Usage: tifa analyze FILE... [--json] [--text] [--rules PACK.json]...
       tifa compare OLDER NEWER [--json]
       tifa --help

Analyse Chinese policy speeches and reports (讲话, 报告) with Tifa's rule set.

  FILE      a .txt file (UTF-8, UTF-16 with BOM, or GB18030) or an .html page. Pages are decoded by their
            <meta charset> (gb2312/gbk read as GB18030), parsed without running scripts, and reduced to the
            text of their main content — the same extraction the browser extension uses.

Options:
  --json    one JSON object per line per file: {file, verdict, outline, mentions, textLength, ms}
  --text    print the analysed text. All offsets (outline start/headEnd/end, mention start/end) index into
            this text. With --json the text is added to each object as "text"; otherwise it is printed
            instead of the report (with a "==> FILE <==" header when there are several files).
  --rules PACK.json
            also apply a rule pack (custom terms, patterns, hidden terms; format in the README). Repeatable;
            packs are merged in order. A pack that is not valid stops everything before any file is analysed:
            one line on stderr names the pack and the entry, and the exit status is 1.
  -h, --help  show this help

compare prints what changed from OLDER to NEWER as Markdown: the 提法, programs, documents, meetings and
targets added and dropped, then changed, added, dropped and moved paragraphs under the newer text's sections
(deleted text ~~struck~~, inserted text **bold**). With --json, the whole comparison as one JSON object.

A file that cannot be read (missing, a directory, empty, binary) is reported on stderr as one line naming it;
the other files are still processed and the exit status is 1. Usage errors exit with status 2.`;

export interface CliOptions {
  command: 'analyze' | 'compare' | 'help';
  files: string[];
  json: boolean;
  text: boolean;
  /** Rule pack files (--rules), in the order given. */
  rules: string[];
}

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export function parseArgs(argv: string[]): CliOptions {
  const files: string[] = [];
  const rules: string[] = [];
  let json = false;
  let text = false;
  let help = false;
  let command: string | undefined;
  let onlyFiles = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!onlyFiles && arg === '--') onlyFiles = true;
    else if (!onlyFiles && arg.startsWith('--rules=')) rules.push(ruleFile(arg.slice('--rules='.length)));
    else if (!onlyFiles && arg === '--rules') rules.push(ruleFile(argv[++i]));
    else if (!onlyFiles && (arg === '--help' || arg === '-h')) help = true;
    else if (!onlyFiles && arg === '--json') json = true;
    else if (!onlyFiles && arg === '--text') text = true;
    else if (!onlyFiles && arg.startsWith('-') && arg !== '-') throw new UsageError(`unknown option ${arg}`);
    else if (command === undefined) command = arg;
    else files.push(arg);
  }
  if (help || command === 'help') return { command: 'help', files: [], json, text, rules };
  if (command === undefined) throw new UsageError('missing command (try: tifa analyze FILE...)');
  if (command === 'compare') {
    if (files.length !== 2) throw new UsageError('compare needs exactly two files: OLDER NEWER');
    if (text) throw new UsageError('compare does not take --text');
    return { command: 'compare', files, json, text, rules };
  }
  if (command !== 'analyze') throw new UsageError(`unknown command ${command}`);
  if (files.length === 0) throw new UsageError('analyze needs at least one FILE');
  return { command: 'analyze', files, json, text, rules };
}

function ruleFile(value: string | undefined): string {
  if (!value || value.startsWith('-')) throw new UsageError('--rules needs a rule pack file (--rules pack.json)');
  return value;
}
