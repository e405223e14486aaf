#!/usr/bin/env node
// Entry point of the `spellgrid` command: the engine's commands plus the backend's (predict,
// limited), run through tsx's loader.
import { register } from 'tsx/esm/api';

register();
// `spellgrid cards | head` closes the pipe early; that is not an error.
process.stdout.on('error', (e) => { if (e.code === 'EPIPE') process.exit(0); else throw e; });
const { main } = await import('@spellgrid/engine-as/src/cli/main.ts');
const { COMMANDS } = await import('../src/cli.ts');
process.exitCode = await main(process.argv.slice(2), COMMANDS);
