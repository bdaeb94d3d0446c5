import { containerLogs, httpGet, removeContainer, removeImage, startContainer } from './container.js';
import { copyFixture, removeDir } from './project.js';

export interface Scenario {
  /** The fixture's throw-away copy. */
  readonly dir: string;
  /** Registers an image or container for removal when the scenario ends. */
  readonly image: (tag: string) => string;
  readonly container: (id: string) => string;
}

/** Runs `body` on a fresh copy of a fixture, then removes the copy and every image and container it registered. */
export async function withFixture<T>(language: string, fixture: string, body: (scenario: Scenario) => Promise<T>): Promise<T> {
  const dir = copyFixture(language, fixture);
  const images: string[] = [];
  const containers: string[] = [];
  try {
    return await body({ dir, image: (tag) => (images.push(tag), tag), container: (id) => (containers.push(id), id) });
  } finally {
    for (const id of containers) await removeContainer(id);
    for (const tag of images) await removeImage(tag);
    removeDir(dir);
  }
}

/** Starts the image and GETs `path`; a container that never answers fails with its own log attached. */
export async function serve(scenario: Scenario, tag: string, port: number, path: string, runArgs: readonly string[] = []) {
  const running = await startContainer(tag, port, runArgs);
  scenario.container(running.id);
  const response = await httpGet(`${running.url}${path}`).catch(async (error: Error) => {
    throw new Error(`${error.message}\ncontainer log:\n${await containerLogs(running.id)}`);
  });
  return { id: running.id, url: running.url, response };
}
