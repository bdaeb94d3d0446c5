/** C: how each build system runs the project's tests, in the build stage's /src. */
export function cTestCommand(buildSystem: string, makeTarget?: string): string {
  if (buildSystem === 'cmake') return 'ctest --test-dir build --output-on-failure';
  if (buildSystem === 'meson') return 'meson test -C build --print-errorlogs';
  return `make ${makeTarget ?? 'test'}`;
}
