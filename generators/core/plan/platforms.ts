import { SHARED_MESSAGES } from '../explain/shared-messages.js';
import { shipBuildArgs } from '../ship/buildx.js';
import { shellWord } from '../render/quote.js';
import type { Platform, PlanBase } from '../types.js';

/**
 * --platform: the plan says which platforms one build makes and the command that ships them. How
 * each language builds for a platform not its own (cross-compiling or emulated) is its planner's
 * decision (plan.crossCompiles, and its note); a cross build says so here, alike for all.
 */
export function withPlatforms<P extends PlanBase>(plan: P, platforms: readonly Platform[] | undefined, dockerfile: string | undefined): P {
  if (!platforms?.length) return plan;
  const joined = platforms.join(',');
  // The CA the plan passes to its downloads goes with the push build too (its secret is in no layer).
  const secrets = plan.caCert === undefined ? [] : [`id=${plan.caCert.secret},src=${plan.caCert.path}`];
  const build = shipBuildArgs({ platforms: joined, tags: [`REGISTRY/${plan.imageName}:TAG`], push: true, dockerfile, secrets, context: '.' });
  // The platforms come from a fixed list, and a comma needs no quoting in a shell.
  const pushCommand = ['docker', ...build].map((word) => (word === joined ? word : shellWord(word))).join(' ');
  const notes = plan.crossCompiles ? [...plan.notes, SHARED_MESSAGES.message('note.platform.cross', { platforms: joined })] : plan.notes;
  // $BUILDPLATFORM and TARGETARCH are set by BuildKit only.
  return { ...plan, notes, needsBuildKit: true, platforms: { list: platforms, joined, pushCommand } };
}
