import type { PythonCompiledDependency } from './types.js';
import { own } from '../../core/own.js';

/**
 * Dependencies that compile C code. Those with binary wheels for Linux need nothing; those built
 * from source need -dev packages in the builder and the matching libraries at run time, which only
 * an image with apt (slim) can add. Names are normalised (PEP 503).
 */
const COMPILED: Readonly<Record<string, { builder: readonly string[]; runtime: readonly string[] }>> = {
  psycopg2: { builder: ['libpq-dev'], runtime: ['libpq5'] },
  mysqlclient: { builder: ['default-libmysqlclient-dev', 'pkg-config'], runtime: ['libmariadb3'] },
  'python-ldap': { builder: ['libldap-dev', 'libsasl2-dev'], runtime: ['libldap2'] },
  // Binary wheels on PyPI bundle their libraries: the builder's compiler is only a fallback.
  lxml: { builder: [], runtime: [] },
  pillow: { builder: [], runtime: [] },
  numpy: { builder: [], runtime: [] },
  cryptography: { builder: [], runtime: [] },
  cffi: { builder: [], runtime: [] },
  'psycopg2-binary': { builder: [], runtime: [] },
  uvloop: { builder: [], runtime: [] },
  pyyaml: { builder: [], runtime: [] },
};

export const compiledDependencies = (dependencies: readonly string[]): PythonCompiledDependency[] =>
  dependencies.flatMap((name) => {
    const row = own(COMPILED, name);
    return row ? [{ name, builderPackages: row.builder, runtimePackages: row.runtime }] : [];
  });
