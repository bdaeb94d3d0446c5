import { jest } from '@jest/globals';
import { docker } from '../../generators/verify/docker.js';
import { requireEngine } from '../harness/engine.js';
import { generateInto } from '../harness/generated.js';
import { buildImage } from '../harness/image-build.js';
import { serve, withFixture } from '../harness/scenario.js';
import { HARDENING } from '../../generators/core/plan/next-command.js';

jest.setTimeout(20 * 60_000);

beforeAll(requireEngine);

/** One server per language, run exactly as the generated header's hardened line says. */
const CASES = [
  { language: 'go', fixture: 'lone-main', path: '/who', init: false, flags: [] },
  { language: 'node', fixture: 'express-app', path: '/health', init: true, flags: [] },
  { language: 'c', fixture: 'tcp-server', path: '/', init: true, flags: [] },
  { language: 'python', fixture: 'stdlib-server', path: '/', init: true, flags: [] },
  // The static probe: health on scratch, where nothing else could probe, read-only and with no capabilities.
  { language: 'c', fixture: 'htdocs-server', path: '/', init: true, flags: ['--probe'] },
] as const;

async function healthStatus(id: string): Promise<string> {
  return String((await docker(['inspect', '-f', '{{if .State.Health}}{{.State.Health.Status}}{{else}}none{{end}}', id])).stdout).trim();
}

describe.each(CASES)('hardened run: $language $fixture $flags', ({ language, fixture, path, init, flags }) => {
  test('serves with a read-only root, /tmp in memory and no capabilities, and reports health only where it can', async () => {
    await withFixture(language, fixture, async (scenario) => {
      const { plan } = await generateInto(scenario.dir, flags);
      expect(plan.healthcheck !== undefined).toBe(language === 'node' || language === 'python' || flags.length > 0);
      expect(plan.hardenedRun).toContain(HARDENING.join(' '));
      expect(plan.hardenedRun.includes('--init')).toBe(init);
      const tag = scenario.image(await buildImage(scenario.dir, plan));
      // A 1 s probe interval instead of 30 s, so that the image's own HEALTHCHECK is seen to pass.
      const running = await serve(scenario, tag, plan.port!, path, [
        ...(init ? ['--init'] : []),
        ...HARDENING,
        '--health-interval',
        '1s',
        '--health-start-period',
        '1s',
      ]);
      expect(running.response.status).toBe(200);
      if (plan.healthcheck) {
        let status = await healthStatus(running.id);
        for (let attempt = 0; attempt < 30 && status !== 'healthy'; attempt++) {
          await new Promise((resolve) => setTimeout(resolve, 500));
          status = await healthStatus(running.id);
        }
        expect(status).toBe('healthy');
      } else {
        expect(await healthStatus(running.id)).toBe('none');
      }
      // docker stop must end it well within its 10 s grace period: the signal reaches a handler.
      const started = Date.now();
      await docker(['stop', running.id]);
      expect(Date.now() - started).toBeLessThan(5000);
    });
  });
});
