/**
 * The command line: `npm run cli -- <command>`. Runs from source (tsx), no build step.
 */
import { runCli } from './commands';

process.exitCode = await runCli(process.argv.slice(2), {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
});
