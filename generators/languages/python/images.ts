/** Python's base images. distroless python3 has Debian 13's Python, whatever the project asks for. */
export const PYTHON_IMAGES = {
  /** The Python that distroless python3-debian13 (Debian 13) carries. */
  distrolessPythonVersion: '3.13',
  python: (minor: string) => `python:${minor}`,
  pythonSlim: (minor: string) => `python:${minor}-slim`,
  distrolessPython: 'gcr.io/distroless/python3-debian13:nonroot',
  /** uv's own image: its static binaries /uv and /uvx on scratch, for COPY --from. */
  uv: (version: string) => `ghcr.io/astral-sh/uv:${version}`,
} as const;
