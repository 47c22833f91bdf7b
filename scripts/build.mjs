// `npm run build`: compiles the bot to dist/ (see scripts/dist.mjs).
import { build, BuildError } from './dist.mjs';

try {
  const { seconds } = await build();
  process.stdout.write(`built dist/ in ${seconds.toFixed(1)} s; run it with \`npm start\` (or \`node dist/main.js\`)\n`);
} catch (error) {
  process.stderr.write(`\n${error instanceof BuildError ? error.message : error?.stack ?? error}\n\n`);
  process.exit(1);
}
