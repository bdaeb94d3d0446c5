/** What a CI workflow builds when no --platform was chosen: the runners' own. */
export const DEFAULT_PLATFORM = 'linux/amd64';
