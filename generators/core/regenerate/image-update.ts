import { parseDockerfile } from '../lint/parse.js';

export interface ImageMove {
  readonly from: string;
  readonly to: string;
}

export interface MovedImages {
  readonly text: string;
  readonly moves: readonly ImageMove[];
}

/** FROM images by stage (its name, or its index when unnamed), and the line each is on. */
function fromImages(dockerfile: string): Map<string, { image: string; line: number; start: number; end: number }> {
  const images = new Map<string, { image: string; line: number; start: number; end: number }>();
  parseDockerfile(dockerfile)
    .getFROMs()
    .forEach((from, index) => {
      const range = from.getImageRange();
      const image = from.getImage();
      if (!range || !image) return;
      images.set(from.getBuildStage() ?? `#${index}`, { image, line: range.start.line, start: range.start.character, end: range.end.character });
    });
  return images;
}

/** `--from=ghcr.io/astral-sh/uv:0.9.5` (an image, not a stage): keyed by its repository. */
const COPY_FROM_IMAGE = /^(COPY\s+(?:--\S+\s+)*?--from=)([^\s:@]+[:@]\S*)/;
const repository = (image: string) => image.replace(/[@:][^/]*$/, '');

/**
 * `update`: the base images of the file on disk, moved to the ones a regeneration writes, and
 * nothing else of the file touched (the user's edits, and what else the regeneration would change,
 * stay as they are). Stages are matched by name, a COPY --from image by its repository; a stage the
 * user added or renamed is left alone. FROM lines are read with the Dockerfile parser; comments
 * that name a moved image name its new reference.
 */
export function moveImages(current: string, regenerated: string): MovedImages {
  const wanted = fromImages(regenerated);
  const lines = current.split('\n');
  const moves: ImageMove[] = [];
  for (const [stage, found] of fromImages(current)) {
    const target = wanted.get(stage)?.image;
    if (target === undefined || target === found.image || !found.image.includes(':') || wanted.has(target)) continue;
    const line = lines[found.line]!;
    lines[found.line] = `${line.slice(0, found.start)}${target}${line.slice(found.end)}`;
    moves.push({ from: found.image, to: target });
  }
  const copyImages = new Map(
    regenerated
      .split('\n')
      .map((line) => COPY_FROM_IMAGE.exec(line)?.[2])
      .filter((image): image is string => image !== undefined)
      .map((image) => [repository(image), image]),
  );
  lines.forEach((line, index) => {
    const match = COPY_FROM_IMAGE.exec(line);
    const target = match && copyImages.get(repository(match[2]!));
    if (!match || !target || target === match[2]) return;
    lines[index] = `${match[1]}${target}${line.slice(match[0].length)}`;
    moves.push({ from: match[2]!, to: target });
  });
  // The header and the banners name the images too: a comment naming a moved image moves with it,
  // so that the file stays what a regeneration writes (--check in step).
  for (const move of moves) {
    const named = new RegExp(`${escapeRegExp(move.from)}(?![\\w@:./-])`, 'g');
    lines.forEach((line, index) => {
      if (line.startsWith('#')) lines[index] = line.replace(named, move.to);
    });
  }
  return { text: lines.join('\n'), moves };
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
