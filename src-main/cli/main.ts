/**
 * The command line: `npm run cli -- <command>`. Runs from source (tsx), no build step.
 */
import { runCli } from './commands';

// `npm run cli` runs in the project's folder; the file names typed are relative to the folder the
// command was typed in (npm passes it as INIT_CWD).
const typedIn = process.env.npm_lifecycle_event === 'cli' ? process.env.INIT_CWD : undefined;
if (typedIn) process.chdir(typedIn);

// A reader that stops early (`… | head`) closes the pipe: the rest of the output is not wanted, and
// that is no error to show. The command still runs to the end and sets its exit code. Any other
// failure to write the output is reported as such, without a stack trace.
const output = { failed: false };
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') return;
  output.failed = true;
  process.stderr.write(`错误：无法输出结果（${error.code ?? error.message}）\n`);
});
process.stderr.on('error', () => {
  // Nowhere left to report to.
});

const code = await runCli(process.argv.slice(2), {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
});
process.exitCode = output.failed ? 2 : code;
