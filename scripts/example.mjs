// `npm run example`: the main job on the bundled example, run as a user runs it (the published bin).
// examples/hello-go is copied to a temporary folder first, so the repository stays clean.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const dir = join(mkdtempSync(join(tmpdir(), 'create-dockerfile-example-')), 'hello-go');
cpSync(join(root, 'examples/hello-go'), dir, { recursive: true });
process.stderr.write(`example: generating in ${dir}\n`);
try {
  execFileSync(process.execPath, [join(root, 'bin/create-dockerfile.cjs'), dir, '--yes'], { stdio: 'inherit' });
} catch (error) {
  process.exit(error.status ?? 1);
}
process.stdout.write(`\n==> ${join(dir, 'Dockerfile')} <==\n${readFileSync(join(dir, 'Dockerfile'), 'utf8')}`);
process.stdout.write(`\nTry it: cd ${dir}, then run the "next:" command above (with DOCKER_BUILDKIT=1 on engines older than 23).\n`);
