/** C's base images: gcc to build, distroless cc for a dynamic binary. */
export const C_IMAGES = {
  gcc: 'gcc:14',
  distrolessCc: 'gcr.io/distroless/cc-debian13:nonroot',
} as const;
