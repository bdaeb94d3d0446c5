import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { docker } from '../../generators/verify/docker.js';

/** Runs `use` with a created (never started) container of `image`, then removes it. */
async function withCreated<T>(image: string, use: (id: string) => Promise<T>): Promise<T> {
  const id = String((await docker(['create', image, 'unused-command'])).stdout).trim();
  try {
    return await use(id);
  } finally {
    await docker(['rm', '-f', id], { reject: false });
  }
}

/** Byte size of one regular file inside an image, read from the tar header `docker cp` streams. */
export async function fileSize(image: string, path: string): Promise<number> {
  return withCreated(image, async (id) => {
    const result = await docker(['cp', `${id}:${path}`, '-'], { encoding: 'buffer' });
    const header = Buffer.from(result.stdout);
    const type = String.fromCharCode(header[156] ?? 0);
    if (type !== '0' && type !== '\0') throw new Error(`${path} in ${image} is not a regular file (tar type ${type})`);
    return parseInt(header.subarray(124, 136).toString('ascii').replace(/\0.*$/, '').trim(), 8);
  });
}

/** Every path in the image's filesystem, from `docker export`; works on images with no shell. */
export async function listFiles(image: string): Promise<string[]> {
  return withCreated(image, async (id) => {
    const dir = mkdtempSync(join(tmpdir(), 'cdf-export-'));
    try {
      await docker(['export', '-o', join(dir, 'fs.tar'), id]);
      const listed = await execa('tar', ['-tf', join(dir, 'fs.tar')], { maxBuffer: 256 * 1024 * 1024 });
      return String(listed.stdout).split('\n').filter(Boolean);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
}

/** Total bytes of the regular files under `path` in an image, copied out and summed file by file. */
export async function treeBytes(image: string, path: string): Promise<number> {
  return withCreated(image, async (id) => {
    const dir = mkdtempSync(join(tmpdir(), 'cdf-tree-'));
    try {
      await docker(['cp', `${id}:${path}`, join(dir, 'tree')]);
      const sizes = await execa('find', [join(dir, 'tree'), '-type', 'f', '-printf', '%s\\n'], { maxBuffer: 64 * 1024 * 1024 });
      return String(sizes.stdout)
        .split('\n')
        .filter(Boolean)
        .reduce((sum, size) => sum + Number(size), 0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
}

/** Entries docker itself adds to every container's filesystem; never part of what a Dockerfile adds. */
const CONTAINER_ENTRIES = new Set([
  '.dockerenv',
  'etc/hostname',
  'etc/hosts',
  'etc/resolv.conf',
  'etc/mtab',
  'dev/console',
  'dev/pts',
  'dev/shm',
  'proc',
  'sys',
]);

/** Files an image has that its runtime base does not: exactly what the Dockerfile added. */
export async function addedFiles(image: string, base: string): Promise<string[]> {
  const inBase = new Set(base === 'scratch' ? [] : await listFiles(base));
  return (await listFiles(image)).filter((path) => !inBase.has(path) && !path.endsWith('/') && !CONTAINER_ENTRIES.has(path));
}
