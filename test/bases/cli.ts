import { engineProblem } from '../../generators/verify/docker.js';
import { RECIPES } from './recipes.js';
import { ensureBase } from './ensure.js';

/** `npm run bases [IMAGE...]`: builds the stand-in base images (all of them when none is named). */
const wanted = process.argv.slice(2);
const problem = await engineProblem();
if (problem) {
  process.stderr.write(`bases: ${problem}\n`);
  process.exit(1);
}
/**
 * Three at a time: a stand-in is mostly apt downloading and unpacking, which one build leaves the
 * machine idle for; parents shared by several (debian:13-slim) are built once (ensureBase shares
 * a build in flight). CREATE_DOCKERFILE_BASES_PARALLEL=1 builds them one by one.
 */
const PARALLEL = Number(process.env.CREATE_DOCKERFILE_BASES_PARALLEL ?? 3) || 1;
try {
  const queue = [...(wanted.length > 0 ? wanted : RECIPES.map((recipe) => recipe.image))];
  const worker = async () => {
    for (let image = queue.shift(); image !== undefined; image = queue.shift()) await ensureBase(image);
  };
  await Promise.all(Array.from({ length: PARALLEL }, worker));
} catch (error) {
  process.stderr.write(`bases: ${(error as Error).message}\n`);
  process.exit(1);
}
