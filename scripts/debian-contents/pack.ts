// Packs what the C builder needs to know of Debian 13 (trixie, amd64) from Debian's own Contents
// indexes: which package ships a command, a pkg-config module and a header. Run when Debian moves:
//   node scripts/run-ts.mjs scripts/debian-contents/pack.ts [MIRROR]
// From the repository root. It downloads main/Contents-amd64.gz and main/Contents-all.gz and writes data/debian-contents.json.gz.
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import { createGunzip, gzipSync } from 'node:zlib';
import { choosePackage, packContents, type ContentsEntry } from '../../generators/core/debian/contents-pack.js';

const mirror = process.argv[2] ?? 'http://deb.debian.org/debian';
const SUITE = 'trixie';

/** Only the paths the maps keep: Contents-all alone is over half a gigabyte unpacked. */
const WANTED =
  /^(?:usr\/)?(?:s?bin\/|include\/|lib\/x86_64-linux-gnu\/pkgconfig\/|lib\/x86_64-linux-gnu\/lib[^/]+\.(?:so|a)\b|lib\/pkgconfig\/|share\/pkgconfig\/)/;

async function* lines(url: string): AsyncGenerator<string> {
  const response = await fetch(url);
  if (!response.ok || !response.body) throw new Error(`${url}: HTTP ${response.status}`);
  const body = response.body;
  yield* createInterface({ input: Readable.fromWeb(body).pipe(createGunzip()), crlfDelay: Infinity });
}

const entries: ContentsEntry[] = [];
for (const part of ['Contents-amd64.gz', 'Contents-all.gz']) {
  for await (const line of lines(`${mirror}/dists/${SUITE}/main/${part}`)) {
    if (!WANTED.test(line)) continue;
    // "usr/include/zlib.h    libdevel/zlib1g-dev": the path, spaces, then section/package pairs.
    const match = /^(\S.*?)\s+(\S+)$/.exec(line);
    if (!match) continue;
    entries.push({ path: match[1]!, packages: match[2]!.split(',').map((pair) => pair.slice(pair.lastIndexOf('/') + 1)) });
  }
}
const packed = packContents(entries, choosePackage);
const json = JSON.stringify({
  suite: SUITE,
  architecture: 'amd64',
  source: `${mirror}/dists/${SUITE}/main/Contents-{amd64,all}.gz`,
  packed: new Date().toISOString().slice(0, 10),
  ...packed,
});
writeFileSync(resolve(process.cwd(), 'data/debian-contents.json.gz'), gzipSync(json, { level: 9 }));
process.stdout.write(
  `commands ${Object.keys(packed.commands).length}, pkg-config ${Object.keys(packed.pkgConfig).length}, headers ${Object.keys(packed.headers).length}, libraries ${Object.keys(packed.libraries).length}\n`,
);
