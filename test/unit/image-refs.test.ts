import { memorySnapshot } from '../../generators/core/detect/snapshot.js';
import { lint } from '../../generators/core/lint/index.js';
import { withRegistry } from '../../generators/pipeline/image-refs.js';
import type { Choices } from '../../generators/core/types.js';
import { templatesDir } from '../../generators/util/package-root.js';
import { stages } from '../harness/dockerfile-shape.js';
import { PIPELINE } from '../../generators/pipeline/index.js';
import { sayNote } from '../harness/notes.js';

const goServer = 'package main\nimport "net/http"\nfunc main() { http.ListenAndServe(":8080", nil) }\n';
const render = (choices: Choices) => {
  const result = PIPELINE.generate(PIPELINE.detect(memorySnapshot('/p/api', { 'main.go': goServer })), choices, { templatesDir });
  return { result, froms: stages(result.files[0]!.content).map((stage) => stage[0]!.args.split(' ')[0]) };
};

describe('--registry and --pin-digests', () => {
  test.each([
    ['golang:1.26', 'mirror.example:5000/hub', 'mirror.example:5000/hub/golang:1.26'],
    ['gcr.io/distroless/static-debian13:nonroot', 'mirror.example', 'mirror.example/distroless/static-debian13:nonroot'],
    ['docker.io/library/node:26-slim', 'localhost:5000', 'localhost:5000/library/node:26-slim'],
    ['scratch', 'mirror.example', 'scratch'],
  ])('%s through %s is %s', (image, prefix, expected) => {
    expect(withRegistry(image, prefix)).toBe(expected);
  });

  test('every FROM goes through the mirror, and the output still passes the lint gate', () => {
    const { froms, result } = render({ registry: 'mirror.example:5000/hub/', runtime: 'distroless' });
    expect(froms).toEqual(['mirror.example:5000/hub/golang:1.26', 'mirror.example:5000/hub/distroless/static-debian13:nonroot']);
    expect(lint(result.files[0]!.content)).toEqual([]);
  });

  test('a prefix with spaces, a scheme or a newline is refused', () => {
    for (const bad of ['https://mirror', 'a b', 'mirror\nRUN x', 'UPPER.case']) expect(() => render({ registry: bad })).toThrow(/is not a registry host/);
  });

  test('known digests pin the image and keep its tag; unknown ones keep the tag and say so', () => {
    const digest = `sha256:${'a'.repeat(64)}`;
    const { froms, result } = render({ runtime: 'distroless', digests: { 'golang:1.26': digest } });
    expect(froms).toEqual([`golang:1.26@${digest}`, 'gcr.io/distroless/static-debian13:nonroot']);
    expect(result.plan.notes.map(sayNote).join('\n')).toContain('knows no digest for gcr.io/distroless/static-debian13:nonroot');
    expect(lint(result.files[0]!.content)).toEqual([]);
  });
});
