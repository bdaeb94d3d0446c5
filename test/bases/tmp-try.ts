import { ensurePlatformBase, sharedBuildkit } from './platform-bases.js';
const t = Date.now();
const bk = await sharedBuildkit();
console.error('buildkit', bk.address, (Date.now() - t) / 1000);
for (const arg of process.argv.slice(2)) {
  const [image, arches] = arg.split('@');
  await ensurePlatformBase(image!, arches!.split(',') as never);
}
console.error('done', (Date.now() - t) / 1000);
