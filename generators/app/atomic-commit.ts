import { Transform } from 'node:stream';
import { createConflicterTransform, type ConflicterOptions } from '@yeoman/conflicter';
import type { QueuedAdapter } from '@yeoman/adapter';
import type { Store } from 'mem-fs';
import type { MemFsEditorFile } from 'mem-fs-editor';
import { clearFileState, isFilePending, isFileStateModified, setCommittedFile } from 'mem-fs-editor/state';
import { writeAtomically } from '../util/atomic-write.js';

const atomicCommit = () =>
  new Transform({
    objectMode: true,
    transform(file: MemFsEditorFile, _encoding, callback) {
      try {
        if (isFileStateModified(file) && file.contents) writeAtomically(file.path, file.contents);
      } catch (error) {
        return callback(error as Error);
      }
      if (isFileStateModified(file)) setCommittedFile(file);
      clearFileState(file);
      callback(null, file);
    },
  });

/**
 * yeoman's own commit, with its conflicter (identical / diff / overwrite prompts) kept as it is; only
 * the final write is replaced by an atomic one.
 */
export async function commitAtomically(env: {
  sharedFs: Store<MemFsEditorFile>;
  adapter: QueuedAdapter;
  conflicterOptions?: ConflicterOptions;
}): Promise<void> {
  await env.sharedFs.pipeline({ filter: (file) => isFilePending(file) }, createConflicterTransform(env.adapter, env.conflicterOptions), atomicCommit());
}
