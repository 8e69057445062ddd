#!/usr/bin/env node
// The disclosure-check command: runs the compiled CLI (npm install builds it into dist/).
import { runCli } from '../dist/engine/src/cli/main.js';

const code = await runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
});
process.exitCode = code;
