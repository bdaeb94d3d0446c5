import { join } from 'node:path';
import { createEnv } from 'yeoman-environment';
import DockerfileGenerator, { type DockerfileGeneratorOptions } from '../app/index.js';
import type { GenerationResult } from '../languages/registry.js';
import { packageRoot } from '../util/package-root.js';
import { createAdapter } from './adapter.js';
import type { CliOptions } from './args.js';
import type { SavedState } from './saved-choices.js';
import type { CliStreams } from './streams.js';

const NAMESPACE = 'dockerfile:app';

/**
 * The run with a terminal to ask: yeoman's environment, the prompts and the conflict menu with its
 * diff. main() imports this module only then, so the non-interactive path never evaluates it.
 */
export async function generateInteractively(cwd: string, cli: CliOptions, streams: CliStreams, state?: SavedState): Promise<GenerationResult | undefined> {
  // Prompts and logs go to stderr when stdout carries --json or --dry-run output.
  const quiet = cli.json || cli.dryRun;
  const adapter = createAdapter({ stdin: streams.stdin, stdout: quiet ? streams.stderr : streams.stdout, stderr: streams.stderr });
  const env = createEnv({ cwd, adapter, force: cli.force, skipInstall: true });
  env.register(DockerfileGenerator as never, { namespace: NAMESPACE, resolved: join(packageRoot, 'generators/app'), packagePath: packageRoot });
  let result: GenerationResult | undefined;
  const options: DockerfileGeneratorOptions = { cli, interactive: true, state, onResult: (generated) => (result = generated) };
  try {
    await env.run([NAMESPACE], { ...options, skipInstall: true });
    return result;
  } finally {
    adapter.close();
  }
}
