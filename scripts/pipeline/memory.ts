import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** Heap in use above which a build collects garbage between its largest stages. */
const worthCollecting = 768 * 1024 * 1024;

let collect: (() => void) | undefined;

/**
 * Runs a full garbage collection when the heap is large. V8 grows its heap rather than collect while it has room,
 * so at 50,000 entries the garbage of one stage (the drafts before versioning, the worker threads' copies) was
 * still held when the next stage peaked; collecting between stages keeps the build's peak memory near what it
 * really holds. The collector is exposed for this process only; a new context is needed to reach it once the
 * process has started.
 */
export function releaseMemory(): void {
  if (getHeapStatistics().used_heap_size < worthCollecting) return;
  if (!collect) {
    setFlagsFromString('--expose-gc');
    collect = runInNewContext('gc') as () => void;
  }
  collect();
}
