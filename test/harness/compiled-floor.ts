import { randomUUID } from 'node:crypto';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Plan } from '../../generators/languages/registry.js';
import { docker, inspectImage } from '../../generators/verify/docker.js';
import { secretArgs } from '../../generators/verify/build.js';
import type { Floor } from './floor.js';
import { listFiles } from './image-files.js';
import { narrow } from './narrow.js';
import { MACHINE_CA } from './machine-ca.js';

/**
 * Go's and C's floors computed without looking at the image they judge. The build stage is built on
 * its own; in it the program is stripped again by this harness and asked (ldd, at the path it will
 * run from) which shared libraries it loads. A library counts when the runtime base lacks that file
 * (read from the base's own file list, not from package names); then the data it needs: the CA
 * bundle a Go program uses, the terminfo curses reads, the files an install step put under share/,
 * and the data folders it opens, measured in the project. Plus the base unless it is scratch. An
 * image that ships build tools, headers, archives, manuals or a second copy shows a ratio above 1.
 */
export async function compiledIndependentFloor(dir: string, plan: Plan, buildArgs: Record<string, string> = {}): Promise<Floor> {
  const tag = `cdf-floor-${randomUUID().slice(0, 8)}:build`;
  const args = Object.entries(buildArgs).flatMap(([name, value]) => ['--build-arg', `${name}=${value}`]);
  await docker(['build', '--target', 'build', ...args, ...secretArgs(dir, undefined, MACHINE_CA), '-t', tag, dir]);
  try {
    const { binary, runAt, place, data, copies } = whatItNeeds(plan);
    const script = [
      'set -e',
      place,
      `cp ${binary} /tmp/program && strip /tmp/program && stat -c %s /tmp/program`,
      // Each library the loader resolves: the path the program asks for, then the file's real size.
      `ldd ${runAt} 2>/dev/null | awk '$2 == "=>" && $3 ~ /^\\// {print $3}' | while read -r lib; do echo "lib $lib $(readlink -f "$lib") $(stat -L -c %s "$lib")"; done`,
      ...data.map(
        (path) => `if [ -e ${path} ]; then echo "data ${path} $(find ${path} -type f ${NOT_READ} -printf '%s\\n' | awk '{s += $1} END {print s + 0}')"; fi`,
      ),
    ].join('\n');
    const out = String((await docker(['run', '--rm', '--entrypoint', 'sh', tag, '-c', script])).stdout)
      .trim()
      .split('\n');
    const parts = [{ name: `program ${runAt}, stripped`, bytes: Number(out[0]) }];
    const base = plan.runtime === 'scratch' ? new Set<string>() : new Set((await listFiles(plan.runtimeImage)).map((path) => `/${path.replace(/\/$/, '')}`));
    for (const line of out.slice(1)) {
      const [kind, path, real, bytes] = line.split(' ');
      if (kind === 'lib' && !base.has(path!) && !base.has(real!)) parts.push({ name: `library ${path}`, bytes: Number(bytes) });
      if (kind === 'data') parts.push({ name: `data ${path}`, bytes: Number(real) });
    }
    for (const path of copies) parts.push({ name: `project data ${path}`, bytes: projectBytes(join(dir, path)) });
    if (plan.runtime !== 'scratch') parts.push({ name: `base ${plan.runtimeImage}`, bytes: (await inspectImage(plan.runtimeImage)).Size });
    return { bytes: parts.reduce((sum, part) => sum + part.bytes, 0), parts };
  } finally {
    await docker(['rmi', '-f', tag], { reject: false });
  }
}

/** Where the program is in the build stage, where it will run from, and the data it reads. */
function whatItNeeds(plan: Plan) {
  if (plan.language === 'go') {
    const go = narrow(plan, 'go').go;
    return {
      binary: plan.binary.source,
      runAt: plan.binary.source,
      place: ':',
      data: go.caCerts ? ['/etc/ssl/certs/ca-certificates.crt'] : [],
      copies: go.dataCopies,
    };
  }
  const c = narrow(plan, 'c');
  const share = '/staging/usr/local/share';
  return {
    binary: c.binary.source,
    runAt: c.binary.path,
    // At its own path, so its RUNPATH (/usr/local/lib) finds the libraries it installed.
    place: 'cp -a /staging/usr/local/. /usr/local/',
    data: [...c.c.runtimeData, ...(c.c.installs ? [share] : [])],
    copies: c.c.dataCopies,
  };
}

/** Installed files no program reads: manuals, documentation, info pages. */
const NOT_READ = "-not -path '*/share/man/*' -not -path '*/share/doc/*' -not -path '*/share/info/*'";

function projectBytes(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.size;
  return readdirSync(path, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .reduce((sum, entry) => sum + statSync(join(entry.parentPath, entry.name)).size, 0);
}
