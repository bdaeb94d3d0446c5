'use strict';
// Loads the CLI's main path (dist/create-dockerfile.cjs) through node:vm with the V8 code cache the
// build wrote beside it, so that a run skips most of the parse and compile: `--yes` starts in about
// half the time of the ES module bundle. A cache from another V8 is refused by V8 and the file is
// compiled as usual; CREATE_DOCKERFILE_CODE_CACHE=report says which happened, on stderr.
const { existsSync, readFileSync, writeFileSync } = require('node:fs');
const { dirname, join } = require('node:path');
const Module = require('node:module');
const vm = require('node:vm');

const FILE = join(__dirname, '..', 'dist', 'create-dockerfile.cjs');
const CACHE = `${FILE}.cache`;

function load() {
  const cachedData = existsSync(CACHE) ? readFileSync(CACHE) : undefined;
  const script = new vm.Script(Module.wrap(readFileSync(FILE, 'utf8')), { filename: FILE, cachedData });
  if (process.env.CREATE_DOCKERFILE_CODE_CACHE === 'report')
    process.stderr.write(`code cache: ${cachedData === undefined ? 'absent' : script.cachedDataRejected ? 'rejected' : 'accepted'}\n`);
  const module = { exports: {} };
  script.runInThisContext()(module.exports, Module.createRequire(FILE), module, FILE, dirname(FILE));
  return { main: module.exports.main, script };
}

/** Runs the CLI; the build passes writeCache to record the functions a run compiled. */
exports.run = async (argv, options = {}) => {
  // A reader that stopped reading (`| head`) ends the run quietly, as other command-line tools do.
  process.stdout.on('error', (error) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
  const { main, script } = load();
  const code = await main(argv);
  if (options.writeCache) writeFileSync(CACHE, script.createCachedData());
  process.exitCode = code;
};
