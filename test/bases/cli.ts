import { engineProblem } from '../../generators/verify/docker.js';
import { RECIPES } from './recipes.js';
import { ensureBase } from './ensure.js';
import { ensurePlatformBase, PLATFORM_BASES } from './platform-bases.js';

/**
 * `npm run bases [IMAGE...]`: builds the stand-in base images (all of them when none is named): each
 * for the engine, and those the multi-platform tests use for each platform, into the bases registry.
 * `npm run bases -- --platforms [IMAGE...]`: only the latter, `-- --engine` only the former (CI runs the two side
 * by side; a lock per image keeps two processes from building one image twice).
 */
const platformsOnly = process.argv.includes('--platforms');
const engineOnly = process.argv.includes('--engine');
const wanted = process.argv.slice(2).filter((arg) => !['--platforms', '--engine'].includes(arg));
const problem = await engineProblem();
if (problem) {
  process.stderr.write(`bases: ${problem}\n`);
  process.exit(1);
}
/**
 * Three at a time: a stand-in is mostly apt downloading and unpacking, which one build leaves the
 * machine idle for; parents shared by several (debian:13-slim) are built once (ensureBase shares
 * a build in flight). The platform bases go first: built under QEMU, they take longest.
 * CREATE_DOCKERFILE_BASES_PARALLEL=1 builds them one by one.
 */
const PARALLEL = Number(process.env.CREATE_DOCKERFILE_BASES_PARALLEL ?? 3) || 1;
try {
  const platformJobs = PLATFORM_BASES.map(
    ({ image, arches }) =>
      () =>
        ensurePlatformBase(image, arches),
  );
  const engineJobs = RECIPES.map((recipe) => () => ensureBase(recipe.image));
  const jobs: (() => Promise<void>)[] =
    wanted.length > 0
      ? wanted.map((image) =>
          platformsOnly
            ? () => ensurePlatformBase(image, PLATFORM_BASES.find((base) => base.image === image)?.arches ?? ['amd64', 'arm64'])
            : () => ensureBase(image),
        )
      : platformsOnly
        ? platformJobs
        : engineOnly
          ? engineJobs
          : [...platformJobs, ...engineJobs];
  const worker = async () => {
    for (let job = jobs.shift(); job !== undefined; job = jobs.shift()) await job();
  };
  await Promise.all(Array.from({ length: PARALLEL }, worker));
} catch (error) {
  process.stderr.write(`bases: ${(error as Error).message}\n`);
  process.exit(1);
}
