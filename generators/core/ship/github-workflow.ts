import { yaml } from '../yaml.js';
import type { GeneratedFile, PlanBase } from '../types.js';
import { DEFAULT_PLATFORM } from './platform-default.js';

export const GITHUB_WORKFLOW = '.github/workflows/image.yml';

/**
 * The actions the workflow uses, each on its major tag: a tag that moves only with fixes, which
 * Renovate's github-actions manager (create-dockerfile --renovate) pins or bumps like any dependency.
 */
export const GITHUB_ACTIONS = {
  checkout: 'actions/checkout@v5',
  qemu: 'docker/setup-qemu-action@v3',
  buildx: 'docker/setup-buildx-action@v3',
  login: 'docker/login-action@v3',
  metadata: 'docker/metadata-action@v5',
} as const;

/** The repository variable a self-hosted runner behind a TLS-inspecting proxy sets to its CA bundle's path. */
export const CA_VARIABLE = 'CA_CERT_FILE';

/**
 * The build step's script: every platform as one manifest list, with an SBOM and provenance, the
 * registry cache read always and written when it pushes. Its inputs are environment variables
 * (IMAGE, TAGS one per line, PUSH, CA_CERT, DOCKERFILE), so the integration test runs this very script against a
 * local registry, and no value from the repository or the event is pasted into shell text.
 */
export function buildScript(platforms: string, namesDockerfile: boolean, caSecret: string | undefined): string {
  return [
    'set -euo pipefail',
    `args=(--platform "${platforms}" --sbom=true --provenance=mode=max --cache-from "type=registry,ref=$IMAGE:buildcache")`,
    'while read -r tag; do if [ -n "$tag" ]; then args+=(--tag "$tag"); fi; done <<<"$TAGS"',
    ...(caSecret === undefined ? [] : [`if [ -n "\${CA_CERT:-}" ]; then args+=(--secret "id=${caSecret},src=$CA_CERT"); fi`]),
    ...(namesDockerfile ? ['args+=(--file "$DOCKERFILE")'] : []),
    'if [ "$PUSH" = true ]; then args+=(--cache-to "type=registry,ref=$IMAGE:buildcache,mode=max" --push); fi',
    'docker buildx build "${args[@]}" .',
    '',
  ].join('\n');
}

/**
 * .github/workflows/image.yml: on every push and pull request, build the image for each platform;
 * on the default branch and on version tags, push it to ghcr.io with its attestations. Written with
 * the yaml library, so no project value can add or change a key.
 */
export function githubWorkflow(plan: PlanBase, dockerfile: string | undefined): GeneratedFile {
  const platforms = plan.platforms?.joined ?? DEFAULT_PLATFORM;
  const emulated = plan.platforms !== undefined && !plan.crossCompiles;
  const steps = [
    { name: 'Check out', uses: GITHUB_ACTIONS.checkout },
    ...(emulated ? [{ name: "QEMU, for the stages that run on a platform other than the runner's", uses: GITHUB_ACTIONS.qemu }] : []),
    { name: 'Buildx: a builder that keeps several platforms, a registry cache and attestations', uses: GITHUB_ACTIONS.buildx },
    // Registries take lowercase names only; GITHUB_REPOSITORY may hold capitals. A workspace member's
    // image sits under the repository's name, named for the member (passed as data, never as script).
    dockerfile === undefined
      ? { name: 'Image name', run: 'echo "IMAGE=ghcr.io/${GITHUB_REPOSITORY,,}" >> "$GITHUB_ENV"\n' }
      : { name: 'Image name', env: { MEMBER: plan.imageName.toLowerCase() }, run: 'echo "IMAGE=ghcr.io/${GITHUB_REPOSITORY,,}/$MEMBER" >> "$GITHUB_ENV"\n' },
    {
      name: 'Log in to ghcr.io',
      if: "env.PUSH == 'true'",
      uses: GITHUB_ACTIONS.login,
      with: { registry: 'ghcr.io', username: '${{ github.actor }}', password: '${{ secrets.GITHUB_TOKEN }}' },
    },
    {
      name: 'Tags from git: the branch, the pull request, the version of a v* tag, the commit',
      id: 'meta',
      uses: GITHUB_ACTIONS.metadata,
      with: {
        images: '${{ env.IMAGE }}',
        tags: ['type=ref,event=branch', 'type=ref,event=pr', 'type=semver,pattern={{version}}', 'type=semver,pattern={{major}}.{{minor}}', 'type=sha', ''].join(
          '\n',
        ),
      },
    },
    {
      name: `Build for ${platforms}; pushed with SBOM and provenance from the default branch and v* tags`,
      env: {
        TAGS: '${{ steps.meta.outputs.tags }}',
        ...(dockerfile === undefined ? {} : { DOCKERFILE: dockerfile }),
        ...(plan.caCert === undefined ? {} : { CA_CERT: `\${{ vars.${CA_VARIABLE} }}` }),
      },
      run: buildScript(platforms, dockerfile !== undefined, plan.caCert?.secret),
    },
  ];
  const workflow = {
    name: 'image',
    on: { push: { branches: ['**'], tags: ['v*'] }, pull_request: null },
    permissions: { contents: 'read', packages: 'write' },
    jobs: {
      image: {
        'runs-on': 'ubuntu-24.04',
        env: {
          // Pull requests and other branches are built, never pushed.
          PUSH: "${{ github.event_name == 'push' && (github.ref == format('refs/heads/{0}', github.event.repository.default_branch) || startsWith(github.ref, 'refs/tags/v')) }}",
        },
        steps,
      },
    },
  };
  const header = [
    `# Builds ${plan.imageName} for ${platforms} on every push and pull request; pushes it to ghcr.io, with an`,
    '# SBOM and provenance attached, from the default branch and v* tags. Generated by create-dockerfile --ci github.',
    ...(plan.caCert === undefined
      ? []
      : [`# Behind a TLS-inspecting proxy (self-hosted runners), set the repository variable ${CA_VARIABLE} to the CA bundle's path.`]),
    '',
  ];
  return { path: GITHUB_WORKFLOW, content: `${header.join('\n')}${yaml().stringify(workflow, { lineWidth: 0 })}` };
}
