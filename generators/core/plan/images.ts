/**
 * Base images more than one language uses, by upstream name and pinned tag. Each language keeps
 * its own in generators/languages/<language>/images.ts.
 */
export const SHARED_IMAGES = {
  scratch: 'scratch',
  debianSlim: 'debian:13-slim',
} as const;

/** distroless and our scratch images use the distroless "nonroot" ids. */
export const NONROOT_ID = 65532;
export const NONROOT = `${NONROOT_ID}:${NONROOT_ID}`;
