/** Node's base images, one line per Node major. */
export const NODE_IMAGES = {
  node: (major: string) => `node:${major}`,
  nodeSlim: (major: string) => `node:${major}-slim`,
  distrolessNode: (major: string) => `gcr.io/distroless/nodejs${major}-debian13:nonroot`,
  /** A static site's server: nginx, running as its own unprivileged user, no Node. */
  nginxUnprivileged: 'nginxinc/nginx-unprivileged:1.26',
} as const;
