import { posix } from 'node:path';
import { SERVICES_MESSAGES, saidLater, type Said } from '../core/explain/services-messages.js';
import type { Message } from '../core/explain/messages.js';

/**
 * The one place a project value (a folder's name or path) becomes a token of compose.yaml,
 * docker-bake.hcl or .env. Names are derived (a folder can be called anything; a service name
 * cannot), paths are kept but always written as local paths, and each file format escapes what its
 * own parser would otherwise read as structure.
 */

/** Compose's and bake's rule for names: lower-case letters, digits, `-` and `_`, starting with a letter or digit. */
export const nameToken = (value: string): string =>
  value
    .normalize('NFKD')
    // Accents come apart from their letters under NFKD: Ünïcode → unicode.
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9_-]+/g, '-')
    .replace(/^[-_]+|[-_]+$/g, '') || 'app';

/** A service folder's name: its last part. */
export const serviceName = (dir: string): string => nameToken(posix.basename(dir));

/**
 * A build context or Dockerfile path, relative to the project: always `./`-prefixed, so that neither
 * compose nor bake can read it as a Git URL (`github.com/x`, `git@host:repo`), a home folder (`~x`)
 * or an absolute path. The snapshot holds only relative paths without `..`, so it stays inside.
 */
export const localPath = (path: string): string => (path === '.' || path === '' ? '.' : `./${path.replace(/^\.\/+/, '')}`);

/**
 * Why docker-bake.hcl cannot name this folder, if it cannot. bake cleans `./` away and then reads
 * `github.com/...` and `git@...` as Git repositories (buildkit's gitutil; `cwd://` is cleaned the same
 * way in buildx 0.13), and HCL normalises every string to Unicode NFC, escapes included, so a name
 * that NFC changes would be another folder's. Compose keeps both as written.
 */
export function whyBakeCannotName(path: string): Message | undefined {
  if (/^(github\.com\/|git@|git:\/\/|ssh:\/\/|https?:\/\/)/i.test(path.replace(/^(\.\/+)+/, ''))) return SERVICES_MESSAGES.message('services.bake.git');
  if (path.normalize('NFC') !== path) return SERVICES_MESSAGES.message('services.bake.nfc');
  return undefined;
}

/**
 * Characters YAML does not allow in a document, even quoted (DEL, the C1 controls, U+FFFE/U+FFFF,
 * a lone surrogate), and the ones YAML 1.1 readers take for line breaks inside a quoted scalar and
 * fold to a space (NEL U+0085, U+2028, U+2029): written as escapes. They can occur only inside the
 * double-quoted paths compose.ts writes, where `\u` escapes are read back as the character.
 */
export const yamlEscapes = (document: string): string =>
  document.replace(
    /[\u007f-\u009f\u2028\u2029\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );

/** A path for compose: `$` doubled, since compose interpolates every value. */
export const composePath = (path: string): string => localPath(path).replace(/\$/g, '$$$$');

/**
 * An HCL quoted string: `"` and `\\` escaped, every other control character (HCL knows only \\n, \\r
 * and \\t among them) as `\\uNNNN`, and HCL's own `${` and `%{` doubled so nothing is interpolated.
 */
export const hclString = (text: string): string =>
  `"${text
    .replace(/["\\]/g, '\\$&')
    .replace(/\n/g, '\\n')
    .replace(/\r/g, '\\r')
    .replace(/\t/g, '\\t')
    .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`)
    .replace(/\$\{/g, '$$$${')
    .replace(/%\{/g, '%%{')}"`;

/**
 * Names unique among the services, and never one that something else in the files holds (a backing
 * service's, bake's `default` group): a later folder whose name is taken gets `-2`, `-3`..., and a
 * note names both folders, so no service is lost or silently replaced.
 */
export function uniqueNames(
  entries: readonly { readonly dir: string; readonly name: string }[],
  reserved: ReadonlyMap<string, string>,
): { names: string[]; notes: Said[] } {
  const taken = new Map<string, string>();
  const notes: Said[] = [];
  const names = entries.map(({ dir, name }) => {
    const holder = taken.get(name) ?? reserved.get(name);
    let unique = name;
    for (let suffix = 2; taken.has(unique) || reserved.has(unique); suffix++) unique = `${name}-${suffix}`;
    if (holder !== undefined) notes.push(saidLater('services.renamed', { dir, name, holder, unique }));
    taken.set(unique, dir);
    return unique;
  });
  return { names, notes };
}
