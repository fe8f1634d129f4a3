/**
 * `npm run host -- [--data DIR] [--port N] [--bind ADDR]`: the headless host (HOST-CONTRACT.md).
 *
 * Builds first if out/main/host.js is missing (build output on stderr), then runs the built host
 * in this same process rather than as a child: stdout, stderr, exit code and signals are then
 * the host's own, with nothing in between to forward twice or swallow. `process.argv` is the
 * same as for `node out/main/host.js …` (argv[1] is pointed at the host file for any entry check).
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { OUTPUTS, ensureBuild, root } from './ensure-build.mjs';

ensureBuild([OUTPUTS.host, OUTPUTS.renderer]);

const hostScript = join(root, OUTPUTS.host);
process.argv[1] = hostScript;
await import(pathToFileURL(hostScript).href);
