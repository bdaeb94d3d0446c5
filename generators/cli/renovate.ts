/** The file Renovate reads at the repository root. */
export const RENOVATE_FILE = 'renovate.json';

/**
 * A renovate.json that keeps the Dockerfile's pinned digests current (docker:pinDigests pins, then
 * digest updates follow), while the tags stay this tool's to move: the Node, Go and Python lines
 * are a policy (`create-dockerfile update` applies it), so Renovate proposes no minor or major tag
 * change. The Dockerfile manager only: the rest of the repository is the user's to configure.
 * Checked with Renovate's own renovate-config-validator in the tests.
 */
export function renovateConfig(): string {
  const config = {
    $schema: 'https://docs.renovatebot.com/renovate-schema.json',
    extends: ['config:recommended', 'docker:pinDigests'],
    packageRules: [
      {
        description: 'Base image tags follow the project versions: `npx create-dockerfile update` moves them; Renovate keeps the digests current.',
        matchManagers: ['dockerfile'],
        matchUpdateTypes: ['major', 'minor'],
        enabled: false,
      },
      {
        description: 'Digest updates of the Dockerfile base images, in one pull request.',
        matchManagers: ['dockerfile'],
        matchUpdateTypes: ['digest', 'pinDigest', 'patch'],
        groupName: 'Dockerfile base images',
      },
    ],
  };
  return `${JSON.stringify(config, null, 2)}\n`;
}
