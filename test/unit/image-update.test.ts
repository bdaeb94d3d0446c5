// `update` moves base images only: read with the Dockerfile parser, matched by stage, comments kept in step.
import { moveImages } from '../../generators/core/regenerate/image-update.js';

const dockerfile = (build: string, runtime: string, uv = 'ghcr.io/astral-sh/uv:0.9.5') =>
  [
    `#   build    compiles with ${build}; nothing here ships.`,
    `FROM ${build} AS build`,
    `COPY --from=${uv} /uv /uvx /bin/`,
    'RUN make',
    '',
    `FROM ${runtime} AS runtime`,
    'LABEL org.example.mine="kept"',
    'COPY --from=build /out/app /app',
    '',
  ].join('\n');

describe('moveImages', () => {
  test('moves each stage to the image the regeneration writes, and the comments that name it', () => {
    const current = dockerfile('golang:1.25', 'gcr.io/distroless/static-debian13:nonroot').replace('RUN make', 'RUN make # mine');
    const moved = moveImages(current, dockerfile('golang:1.26', 'gcr.io/distroless/static-debian13:nonroot', 'ghcr.io/astral-sh/uv:0.9.11'));
    expect(moved.moves).toEqual([
      { from: 'golang:1.25', to: 'golang:1.26' },
      { from: 'ghcr.io/astral-sh/uv:0.9.5', to: 'ghcr.io/astral-sh/uv:0.9.11' },
    ]);
    expect(moved.text).toBe(
      dockerfile('golang:1.26', 'gcr.io/distroless/static-debian13:nonroot', 'ghcr.io/astral-sh/uv:0.9.11').replace('RUN make', 'RUN make # mine'),
    );
  });

  test('pins a digest, and leaves a stage the user renamed, scratch and stage references alone', () => {
    const digest = `sha256:${'a'.repeat(64)}`;
    const current = dockerfile('golang:1.26', 'scratch').replace('AS build', 'AS compile').replace('--from=build', '--from=compile');
    const moved = moveImages(current, dockerfile(`golang:1.26@${digest}`, 'scratch'));
    expect(moved.moves).toEqual([]);
    const pinned = moveImages(dockerfile('golang:1.26', 'scratch'), dockerfile(`golang:1.26@${digest}`, 'scratch'));
    expect(pinned.text).toContain(`FROM golang:1.26@${digest} AS build`);
    expect(pinned.text).toContain(`compiles with golang:1.26@${digest};`);
    expect(pinned.text).toContain('FROM scratch AS runtime');
  });
});
