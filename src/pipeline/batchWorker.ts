/** A worker of the batch pool (tinypool): runs one batch step per task in its own process, with its own fonts. */
import { type BatchTask, runStep } from './batchSteps.js';

export default function batchWorker(task: BatchTask): ReturnType<typeof runStep> {
  return runStep(task);
}
