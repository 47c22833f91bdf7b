// Builds the embedded FerretDB launcher (testdb/ → .cache/ferretdb-launcher) if missing or stale.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
execFileSync(process.execPath, ['--import', 'tsx', '-e', `
  const { ensureLauncherBuilt } = require(${JSON.stringify(path.join(root, 'src/db/embedded.ts'))});
  ensureLauncherBuilt(${JSON.stringify(root)}, (m) => console.log(m)).then(
    (binary) => console.log('launcher:', binary),
    (error) => { console.error(error.message); process.exit(1); },
  );
`], { stdio: 'inherit' });
