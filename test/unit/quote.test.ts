import { UserError } from '../../generators/core/errors.js';
import { binaryName, comment, contextPath, execForm, imageName, shellWord } from '../../generators/core/render/quote.js';

describe('quoting values from a project', () => {
  test.each(['cmd/a\nRUN rm -rf /', 'cmd/$(id)', 'cmd/a b', '../outside', "it's", 'a#b', 'a\\b'])('contextPath refuses %j', (value) => {
    expect(() => contextPath(value, '--main')).toThrow(UserError);
  });

  test('contextPath normalises ./ and trailing slashes', () => {
    expect(contextPath('./cmd/api/', '--main')).toBe('cmd/api');
    expect(contextPath('.', '--main')).toBe('.');
  });

  test('image and binary names are derived to safe characters', () => {
    expect(imageName('My Café Service\nFROM evil')).toBe('my-cafe-service-from-evil');
    expect(imageName('---')).toBe('app');
    expect(binaryName('a b$c')).toBe('a-b-c');
  });

  test('comments stay on one line', () => {
    expect(comment('name\nUSER root\r\n')).toBe('name USER root');
  });

  test('shell words are single-quoted when they need it, with embedded quotes escaped', () => {
    expect(shellWord('./cmd/api')).toBe('./cmd/api');
    expect(shellWord("a b'c")).toBe(`'a b'\\''c'`);
  });

  test('exec form is a JSON array that keeps commas and refuses control characters', () => {
    expect(execForm(['/bin/app', 'a,b', '$HOME'])).toBe('["/bin/app", "a,b", "$HOME"]');
    expect(JSON.parse(execForm(['x', 'y"z']))).toEqual(['x', 'y"z']);
    expect(() => execForm(['a\nCMD x'])).toThrow(UserError);
  });
});
