/** `docker run` flags that take away what the app does not need; the images are built to run so. */
export const HARDENING = ['--read-only', '--tmpfs', '/tmp', '--cap-drop', 'ALL'];

/** The command a user runs next; it must work as printed, so it mirrors what the plan exposes. */
export function nextCommand(imageName: string, port?: number, runFlags: readonly string[] = [], buildFlags: readonly string[] = []): string {
  const publish = port === undefined ? '' : ` -p ${port}:${port}`;
  const flags = runFlags.map((flag) => ` ${flag}`).join('');
  const build = buildFlags.map((flag) => ` ${flag}`).join('');
  return `docker build${build} -t ${imageName} . && docker run --rm${flags}${publish} ${imageName}`;
}
