/** Go's base images. Distroless publishes no version tags, only `nonroot` and digests; `--pin-digests` pins those harder. */
export const GO_IMAGES = {
  golang: (minor: string) => `golang:${minor}`,
  distrolessStatic: 'gcr.io/distroless/static-debian13:nonroot',
  distrolessBase: 'gcr.io/distroless/base-debian13:nonroot',
} as const;
