// `npm start`: runs the compiled bot (dist/main.js) in this process, building it first when
// dist/ is missing or older than the sources, so `npm ci && npm start` works on a fresh clone.
import { createRequire } from 'node:module';
import path from 'node:path';
import { build, BuildError, distDir, distState, root } from './dist.mjs';

const require = createRequire(path.join(root, 'package.json'));
const pino = require('pino');
const log = pino({ level: 'info' });

const state = distState();
if (state === 'missing' || state === 'stale') {
  log.info(
    state === 'missing'
      ? 'dist/ is missing: compiling the TypeScript sources once before the first start (about 20 s)'
      : 'the sources changed since dist/ was built: compiling again (about 20 s)',
  );
  try {
    const { seconds } = await build((m) => log.info(m));
    log.info({ seconds: Math.round(seconds * 10) / 10 }, 'built dist/');
  } catch (error) {
    process.stderr.write(`\n${error instanceof BuildError ? error.message : error?.stack ?? error}\n\n`);
    process.exit(1);
  }
}
require(path.join(distDir, 'main.js'));
