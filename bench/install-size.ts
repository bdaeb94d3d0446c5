import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { packageRoot } from '../generators/util/package-root.js';

export interface InstallRow {
  readonly tarballBytes: number;
  /** Packages npm installed for the tarball into an empty folder, itself included. */
  readonly packages: number;
  readonly installedBytes: number;
  readonly seconds: number;
}

function treeBytes(dir: string): number {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) total += statSync(join(entry.parentPath, entry.name)).size;
  }
  return total;
}

/** What `npm create dockerfile` installs first: the packed tarball, into an empty folder. */
export function benchInstall(): InstallRow {
  const work = mkdtempSync(join(tmpdir(), 'cdf-install-'));
  try {
    const tarball = execFileSync('npm', ['pack', '--silent', '--pack-destination', work], { cwd: packageRoot, encoding: 'utf8' }).trim().split('\n').pop()!;
    const target = join(work, 'app');
    mkdirSync(target);
    execFileSync('npm', ['init', '-y'], { cwd: target, stdio: 'ignore' });
    const started = performance.now();
    execFileSync('npm', ['install', '--no-audit', '--no-fund', join(work, tarball)], { cwd: target, stdio: 'ignore' });
    const seconds = (performance.now() - started) / 1000;
    const modules = join(target, 'node_modules');
    // npm's own record of what it installed: one key per package folder.
    const lock = JSON.parse(readFileSync(join(modules, '.package-lock.json'), 'utf8')) as { packages: Record<string, unknown> };
    const packages = Object.keys(lock.packages).filter((key) => key.startsWith('node_modules/')).length;
    return { tarballBytes: statSync(join(work, tarball)).size, packages, installedBytes: treeBytes(modules), seconds };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
