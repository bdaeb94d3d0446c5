import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { Transform } from 'node:stream';
import { createConflicterTransform, type ConflicterOptions } from '@yeoman/conflicter';
import type { QueuedAdapter } from '@yeoman/adapter';
import type { Store } from 'mem-fs';
import type { MemFsEditorFile } from 'mem-fs-editor';
import { clearFileState, isFilePending, isFileStateModified, setCommittedFile } from 'mem-fs-editor/state';

/** Writes next to the target, then renames over it: a reader or a crash never sees half a file. */
async function writeAtomically(path: string, contents: Buffer): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temporary = `${path}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    await writeFile(temporary, contents, { flag: 'wx' });
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

const atomicCommit = () =>
  new Transform({
    objectMode: true,
    transform(file: MemFsEditorFile, _encoding, callback) {
      const work = isFileStateModified(file) && file.contents ? writeAtomically(file.path, file.contents) : Promise.resolve();
      if (isFileStateModified(file)) setCommittedFile(file);
      work.then(() => {
        clearFileState(file);
        callback(null, file);
      }, callback);
    },
  });

/**
 * yeoman's own commit, with its conflicter (identical / diff / overwrite prompts) kept as it is; only
 * the final write is replaced by an atomic one.
 */
export async function commitAtomically(env: { sharedFs: Store<MemFsEditorFile>; adapter: QueuedAdapter; conflicterOptions?: ConflicterOptions }): Promise<void> {
  await env.sharedFs.pipeline({ filter: (file) => isFilePending(file) }, createConflicterTransform(env.adapter, env.conflicterOptions), atomicCommit());
}
