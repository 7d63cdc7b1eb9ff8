/** A worker of the batch pool (tinypool): runs one batch step per task in its own process, with its own fonts. */
import { removeTemporaryFilesOnInterrupt, stopInterrupted } from '../util/atomicWrite.js';
import { type BatchTask, runStep } from './batchSteps.js';

// The pool stops its workers with SIGTERM. A worker whose parent is gone (killed) stops as well rather than go on
// writing for a run that has ended. Either way it removes its temporary files first.
removeTemporaryFilesOnInterrupt();
process.once('disconnect', () => void stopInterrupted(143));

export default function batchWorker(task: BatchTask): ReturnType<typeof runStep> {
  return runStep(task);
}
