/**
 * Base images, by upstream name and pinned tag. Distroless publishes no version tags, only
 * `nonroot` and digests; `--pin-digests` is the way to pin those harder.
 */
export const IMAGES = {
  golang: (minor: string) => `golang:${minor}`,
  debianSlim: 'debian:13-slim',
  distrolessStatic: 'gcr.io/distroless/static-debian13:nonroot',
  distrolessBase: 'gcr.io/distroless/base-debian13:nonroot',
  scratch: 'scratch',
  gcc: 'gcc:14',
  distrolessCc: 'gcr.io/distroless/cc-debian13:nonroot',
  node: (major: string) => `node:${major}`,
  nodeSlim: (major: string) => `node:${major}-slim`,
  distrolessNode: (major: string) => `gcr.io/distroless/nodejs${major}-debian13:nonroot`,
  python: (minor: string) => `python:${minor}`,
  pythonSlim: (minor: string) => `python:${minor}-slim`,
  distrolessPython: 'gcr.io/distroless/python3-debian13:nonroot',
} as const;

/** distroless and our scratch images use the distroless "nonroot" ids. */
export const NONROOT = '65532:65532';
