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
try {
  for (const image of wanted.length > 0 ? wanted : RECIPES.map((recipe) => recipe.image)) await ensureBase(image);
} catch (error) {
  process.stderr.write(`bases: ${(error as Error).message}\n`);
  process.exit(1);
}
