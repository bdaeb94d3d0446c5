/** Says hello to name, or to the world when there is no name. */
function greeting(name) {
  const trimmed = typeof name === 'string' ? name.trim() : '';
  return `hello, ${trimmed === '' ? 'world' : trimmed}`;
}

module.exports = { greeting };
