#!/usr/bin/env node
// The disclosure-check command: runs the compiled CLI (npm install builds it into dist/).
import { runCli } from '../dist/engine/src/cli/main.js';

// A reader that stops early (`disclosure-check … | head`) closes the pipe: stop quietly.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

const code = await runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  progress: process.stderr.isTTY === true,
});
process.exitCode = code;
