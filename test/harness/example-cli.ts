import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../generators/cli/main.js';
import { packageRoot } from '../../generators/util/package-root.js';

/**
 * `npm run example`: the main job on the bundled example. It copies examples/hello-go (one http.go,
 * no go.mod) to a temporary folder, so the repository stays clean, and generates there.
 */
const dir = join(mkdtempSync(join(tmpdir(), 'create-dockerfile-example-')), 'hello-go');
cpSync(join(packageRoot, 'examples/hello-go'), dir, { recursive: true });
process.stderr.write(`example: generating in ${dir}\n`);
const code = await main([dir, '--yes']);
if (code === 0) {
  process.stdout.write(`\n==> ${join(dir, 'Dockerfile')} <==\n${readFileSync(join(dir, 'Dockerfile'), 'utf8')}`);
  process.stdout.write(`\nTry it: cd ${dir} && DOCKER_BUILDKIT=1 docker build -t hello-go . && docker run --rm -p 8080:8080 hello-go\n`);
}
process.exitCode = code;
