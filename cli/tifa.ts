/** `tifa` — command-line front end to Tifa's rule set. All logic lives in ./run.ts and its modules. */
import { analyze } from '../lib/rules/index';
import { runCli } from './run';

const io = {
  out: (chunk: string) => process.stdout.write(chunk + '\n'),
  err: (line: string) => process.stderr.write(line + '\n'),
};

runCli(process.argv.slice(2), io, analyze).then(
  (status) => {
    process.exitCode = status;
  },
  (err: unknown) => {
    process.stderr.write(`tifa: internal error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exitCode = 70;
  },
);
