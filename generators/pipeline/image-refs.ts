import { SHARED_MESSAGES } from '../core/explain/shared-messages.js';
import { UserError } from '../core/errors.js';
import type { PlanBase } from '../core/types.js';
import { ERRORS } from '../core/explain/error-messages.js';

/** A registry host is the first path part when it has a dot or a port, or is localhost. */
const hasRegistryHost = (image: string) => {
  const first = image.split('/')[0]!;
  return image.includes('/') && (first.includes('.') || first.includes(':') || first === 'localhost');
};

/**
 * `--registry PREFIX`: every base image from a mirror, for airgapped users. The image's own registry
 * host (gcr.io, docker.io) gives way to the prefix; the path and tag stay, e.g.
 * golang:1.26 -> mirror.example/golang:1.26 and gcr.io/distroless/x -> mirror.example/distroless/x.
 */
export function withRegistry(image: string, prefix: string): string {
  if (image === 'scratch') return image;
  const path = hasRegistryHost(image) ? image.split('/').slice(1).join('/') : image;
  return `${prefix}/${path}`;
}

export function checkRegistryPrefix(prefix: string): string {
  const trimmed = prefix.replace(/\/+$/, '');
  // A host and path segments, of the length a registry takes; `.` and `..` are no repository names.
  const segments = trimmed.split('/').slice(1);
  if (
    trimmed.length > 255 ||
    segments.some((segment) => segment === '.' || segment === '..') ||
    !/^[a-z0-9]([a-z0-9.-]*[a-z0-9])?(:\d{1,5})?(\/[a-z0-9._-]+)*$/.test(trimmed)
  ) {
    const shown = prefix.length > 80 ? `${prefix.slice(0, 80)}…` : prefix;
    throw new UserError(ERRORS.message('error.image-refs.registry-registry-host', { shown: JSON.stringify(shown) }));
  }
  return trimmed;
}

/** `--pin-digests`: an image the engine knows by digest is pinned to it; the tag stays for readers. */
export function withDigest(image: string, digests: Readonly<Record<string, string>>): string {
  const digest = digests[image];
  return image === 'scratch' || !digest ? image : `${image}@${digest}`;
}

/** The plan with its base images rewritten, and a note for each digest the engine did not know. */
export function rewriteImages<P extends PlanBase>(plan: P, registry: string | undefined, digests: Readonly<Record<string, string>> | undefined): P {
  if (registry === undefined && digests === undefined) return plan;
  const prefix = registry === undefined ? undefined : checkRegistryPrefix(registry);
  const notes = [...plan.notes];
  const rewrite = (image: string) => {
    const mirrored = prefix ? withRegistry(image, prefix) : image;
    if (!digests || image === 'scratch') return mirrored;
    if (!digests[mirrored]) notes.push(SHARED_MESSAGES.message('note.pin-digests', { image: mirrored }));
    return withDigest(mirrored, digests);
  };
  return {
    ...plan,
    builderImage: rewrite(plan.builderImage),
    runtimeImage: rewrite(plan.runtimeImage),
    ...(plan.toolImage === undefined ? {} : { toolImage: rewrite(plan.toolImage) }),
    notes,
  };
}
