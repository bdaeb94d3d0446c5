/**
 * The one `docker buildx build` that ships an image: every platform as one manifest list, an SBOM and
 * provenance attached, a registry cache, pushed or only built. The header prints it, the CI workflow
 * runs it, and the integration test runs it against a local registry: one function, so the command
 * the workflow runs is the command that was proven.
 */
export interface ShipBuild {
  readonly platforms: string;
  readonly tags: readonly string[];
  /** Where the layer cache lives in a registry (`type=registry`); absent: none. */
  readonly cacheRef?: string;
  /** Write the cache back (on pushes; a pull request only reads it). */
  readonly cacheTo?: boolean;
  readonly push: boolean;
  /** A builder by name (`docker buildx create --name NAME`), local or remote. */
  readonly builder?: string;
  /** `-f PATH` when the Dockerfile is not at the context's root. */
  readonly dockerfile?: string;
  /** BuildKit secrets as `id=NAME,src=FILE`. */
  readonly secrets?: readonly string[];
  readonly context: string;
}

export function shipBuildArgs(build: ShipBuild): string[] {
  return [
    'buildx',
    'build',
    ...(build.builder === undefined ? [] : ['--builder', build.builder]),
    '--platform',
    build.platforms,
    // Both attestations go with the image into the registry: the SBOM lists its packages, provenance
    // says what built it from what (mode=max: every build argument and step).
    '--sbom=true',
    '--provenance=mode=max',
    ...build.tags.flatMap((tag) => ['--tag', tag]),
    ...(build.cacheRef === undefined ? [] : ['--cache-from', `type=registry,ref=${build.cacheRef}`]),
    ...(build.cacheRef !== undefined && build.cacheTo ? ['--cache-to', `type=registry,ref=${build.cacheRef},mode=max`] : []),
    ...(build.secrets ?? []).flatMap((secret) => ['--secret', secret]),
    ...(build.dockerfile === undefined ? [] : ['--file', build.dockerfile]),
    ...(build.push ? ['--push'] : []),
    build.context,
  ];
}
