import semver from 'semver';
import { chooseToolVersion, semverRange } from '../../generators/languages/python/tool-version.js';

describe('PEP 440 specifiers of a tool version, read as ranges', () => {
  test.each([
    ['>=0.5', '0.5.0', '0.4.9'],
    ['>=2.0,<3', '2.9.9', '3.0.0'],
    ['~=1.8', '1.99.0', '2.0.0'],
    ['~=1.8.2', '1.8.9', '1.9.0'],
    ['==2.1.*', '2.1.7', '2.2.0'],
    ['>0.9, <=0.13.9', '0.13.9', '0.9.0'],
    ['!=2.0.1', '2.0.2', '2.0.1'],
  ])('%s takes %s and not %s', (spec, inside, outside) => {
    const range = semverRange(spec)!;
    expect([semver.satisfies(inside, range), semver.satisfies(outside, range)]).toEqual([true, false]);
  });

  test('what is not a specifier is no range, and the default stays', () => {
    expect(semverRange('latest')).toBeUndefined();
    expect(chooseToolVersion('uv', { spec: 'latest', source: 'x' })).toEqual({ version: '0.13.9' });
  });

  test('an exact version is taken as is, even where no default would be', () => {
    expect(chooseToolVersion('poetry', { spec: '==1.8.3', source: 'x' })).toEqual({ version: '1.8.3' });
    expect(chooseToolVersion('uv', { spec: '===0.4.30', source: 'x' })).toEqual({ version: '0.4.30' });
  });
});
