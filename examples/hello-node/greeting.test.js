const test = require('node:test');
const assert = require('node:assert');
const { greeting } = require('./greeting');

test('greeting', () => {
  assert.strictEqual(greeting(''), 'hello, world');
  assert.strictEqual(greeting('  ada '), 'hello, ada');
  assert.strictEqual(greeting(undefined), 'hello, world');
});
