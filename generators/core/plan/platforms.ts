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
  const pushCommand = ['docker', ...shipBuildArgs({ platforms: joined, tags: [`REGISTRY/${plan.imageName}:TAG`], push: true, dockerfile, context: '.' })].join(
    ' ',
  );
  const notes = plan.crossCompiles ? [...plan.notes, SHARED_MESSAGES.message('note.platform.cross', { platforms: joined })] : plan.notes;
  // $BUILDPLATFORM and TARGETARCH are set by BuildKit only.
  return { ...plan, notes, needsBuildKit: true, platforms: { list: platforms, joined, pushCommand } };
}
