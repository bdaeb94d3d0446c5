import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseCliArgs } from '../../generators/cli/args.js';
import { caCertOf } from '../../generators/cli/ca-cert.js';
import { secretArgs } from '../../generators/verify/build.js';
import { DockerfileParser } from 'dockerfile-ast';
import { PIPELINE } from '../../generators/pipeline/index.js';
import { templatesDir } from '../../generators/util/package-root.js';
import { copyFixture, removeDir, runCli } from '../harness/project.js';
import { allCases, fixtureSnapshot } from '../harness/fixture-cases.js';

let scratch: string;
let bundle: string;
beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), 'cdf-ca-'));
  bundle = join(scratch, 'proxy-ca.pem');
  writeFileSync(bundle, '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n');
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const none = { caCert: undefined, noCaCert: false };

describe('which CA bundle a run passes', () => {
  test('--ca-cert wins over the environment; a relative path is made absolute from where the command runs', () => {
    expect(caCertOf({ caCert: { path: 'proxy-ca.pem', from: '--ca-cert' }, noCaCert: false }, { SSL_CERT_FILE: '/nowhere' }, scratch)).toEqual({
      path: bundle,
      from: '--ca-cert',
    });
  });

  test('without the flag, the first variable set in the order tools read them, named as the source', () => {
    expect(caCertOf(none, { PIP_CERT: bundle, NODE_EXTRA_CA_CERTS: bundle }, scratch)).toEqual({ path: bundle, from: 'NODE_EXTRA_CA_CERTS' });
    expect(caCertOf(none, { REQUESTS_CA_BUNDLE: bundle, SSL_CERT_FILE: ' ' }, scratch)).toEqual({ path: bundle, from: 'REQUESTS_CA_BUNDLE' });
    expect(caCertOf(none, {}, scratch)).toBeUndefined();
    expect(caCertOf({ caCert: undefined, noCaCert: true }, { SSL_CERT_FILE: bundle }, scratch)).toBeUndefined();
  });

  test('a file that is not there, a folder, or a path a --secret cannot name is one line saying how to settle it', () => {
    expect(() => caCertOf(none, { SSL_CERT_FILE: join(scratch, 'gone.pem') }, scratch)).toThrow(
      /^SSL_CERT_FILE \(your environment\) names ".*gone\.pem", which is not a file; set it to a PEM file, pass --ca-cert FILE, or --no-ca-cert$/,
    );
    expect(() => caCertOf({ caCert: { path: scratch, from: '--ca-cert' }, noCaCert: false }, {}, scratch)).toThrow(
      /^--ca-cert names .*, which is not a file; name a PEM file$/,
    );
    expect(() => caCertOf({ caCert: { path: '/a,b.pem', from: '--ca-cert' }, noCaCert: false }, {}, scratch)).toThrow(
      /holds a comma, a quote or a control character/,
    );
    expect(() => caCertOf({ caCert: { path: '/a\nRUN x', from: '--ca-cert' }, noCaCert: false }, {}, scratch)).toThrow(/control character/);
  });

  test('the flags that contradict it are refused', () => {
    expect(() => parseCliArgs(['--ca-cert', 'x.pem', '--no-ca-cert'])).toThrow('--ca-cert and --no-ca-cert contradict each other; pick one');
    expect(() => parseCliArgs(['--ca-cert', 'x.pem', '--portable'])).toThrow(/--portable builds cannot take/);
  });
});

describe('what the generated files do with it', () => {
  const withCa = allCases(['go', 'node', 'python']).filter((testCase) => testCase.choices.caCert && !testCase.choices.portable);

  test.each(withCa.map((testCase) => [`${testCase.kind}/${testCase.fixture}`, testCase] as const))(
    '%s: every RUN that downloads mounts the secret and names it to its tools; no ARG, ENV or COPY holds it',
    (_name, testCase) => {
      const { files, plan } = PIPELINE.generate(PIPELINE.detect(fixtureSnapshot(testCase), testCase.detect), testCase.choices, { templatesDir });
      const dockerfile = files.find((file) => file.path === 'Dockerfile')!.content;
      const instructions = DockerfileParser.parse(dockerfile)
        .getInstructions()
        .map((instruction) => ({ keyword: instruction.getKeyword(), text: instruction.getTextContent() }));
      const downloads = instructions.filter(
        (instruction) =>
          instruction.keyword === 'RUN' &&
          /\b(pip\b[^&]*\binstall|go mod download|(npm|pnpm|yarn|bun) (ci|install)|uv (sync|export|pip)|poetry|pdm|pipenv)\b/.test(instruction.text),
      );
      expect(downloads.length).toBeGreaterThan(0);
      for (const run of downloads) {
        expect(run.text).toContain('--mount=type=secret,id=ca-cert');
        for (const variable of plan.caCert!.variables) expect(run.text).toContain(`${variable}=/run/secrets/ca-cert`);
      }
      const declared = instructions.filter((instruction) => ['ARG', 'ENV', 'COPY', 'ADD', 'LABEL'].includes(instruction.keyword));
      // (A scratch image's COPY of the builder's own Debian bundle is not the secret.)
      expect(declared.filter((instruction) => /\/run\/secrets|id=ca-cert|proxy-ca|_CERT|CA_BUNDLE/.test(instruction.text))).toEqual([]);
      // The build command in the header passes the file the user named.
      expect(plan.nextCommand).toMatch(new RegExp(`^docker build --secret 'id=ca-cert,src=${plan.caCert!.path.replace(/\./g, '\\.')}' `));
    },
  );

  test('verify passes the file only to a Dockerfile that mounts the secret', () => {
    const dir = join(scratch, 'ctx');
    rmSync(dir, { recursive: true, force: true });
    writeFileSync(join(scratch, 'Dockerfile.plain'), 'FROM scratch\n');
    writeFileSync(join(scratch, 'Dockerfile.ca'), 'FROM debian:13-slim\nRUN --mount=type=secret,id=ca-cert true\n');
    expect(secretArgs(scratch, join(scratch, 'Dockerfile.plain'), bundle)).toEqual([]);
    expect(secretArgs(scratch, join(scratch, 'Dockerfile.ca'), bundle)).toEqual(['--secret', `id=ca-cert,src=${bundle}`]);
    expect(secretArgs(scratch, join(scratch, 'Dockerfile.ca'))).toEqual([]);
  });
});

describe('the CLI reads it from the environment and says so', () => {
  let dir: string;
  beforeEach(() => {
    dir = copyFixture('python', 'requirements-app');
  });
  afterEach(() => removeDir(dir));

  test('SSL_CERT_FILE: a note names it and the flags that settle it; the next command passes it', async () => {
    const run = await runCli([dir, '--yes'], { env: { SSL_CERT_FILE: bundle } });
    expect(run.exitCode).toBe(0);
    expect(run.stderr).toContain('note: SSL_CERT_FILE names a CA bundle in your environment');
    expect(run.stderr).toContain('--ca-cert FILE picks another, --no-ca-cert leaves it out');
    expect(run.stderr).toContain(`next: docker build --secret 'id=ca-cert,src=${bundle}' -t requirements-app .`);
    expect(readFileSync(join(dir, 'Dockerfile'), 'utf8')).toContain('--mount=type=secret,id=ca-cert');
  });

  test('--no-ca-cert leaves it out; a variable naming a missing file stops the run before anything is written', async () => {
    const off = await runCli([dir, '--yes', '--no-ca-cert'], { env: { SSL_CERT_FILE: bundle } });
    expect(off.exitCode).toBe(0);
    expect(readFileSync(join(dir, 'Dockerfile'), 'utf8')).not.toContain('ca-cert');
    const other = copyFixture('python', 'requirements-app');
    try {
      const bad = await runCli([other, '--yes'], { env: { PIP_CERT: join(scratch, 'gone.pem') } });
      expect([bad.exitCode, bad.stderr.trim().split('\n')]).toEqual([
        2,
        [expect.stringMatching(/^create-dockerfile: PIP_CERT \(your environment\) names .* which is not a file/)],
      ]);
    } finally {
      removeDir(other);
    }
  });
});
