import { availableParallelism } from 'node:os';
import { Worker, type ResourceLimits, type Transferable } from 'node:worker_threads';

/** A fixed set of worker threads running tasks from one queue; results come back in any order, matched by id. */
export interface WorkerPool<Task, Result> {
  /** Number of threads. */
  size: number;
  run: (task: Task, transfer?: Transferable[]) => Promise<Result>;
  /** Stops every thread; pending tasks are rejected. */
  close: () => Promise<void>;
}

/** Message from a pool worker: a result or an error for the task with that id. */
export type WorkerReply<Result> = { id: number; ok: true; result: Result } | { id: number; ok: false; error: string };

/** Threads worth starting: one per core, at most `max`. */
export function defaultWorkerCount(max = 8): number {
  return Math.max(1, Math.min(max, availableParallelism()));
}

/**
 * Starts `size` workers from a module. Each task goes to the least busy worker; a worker that crashes rejects its
 * pending tasks instead of hanging the build.
 */
export function createPool<Task, Result>(file: URL, size: number, workerData?: unknown, resourceLimits?: ResourceLimits): WorkerPool<Task, Result> {
  let nextId = 0;
  const pending = new Map<number, { resolve: (r: Result) => void; reject: (e: Error) => void; worker: Worker }>();
  const load = new Map<Worker, number>();
  const fail = (worker: Worker, error: Error) => {
    for (const [id, p] of pending) {
      if (p.worker !== worker) continue;
      pending.delete(id);
      p.reject(error);
    }
  };
  const workers = Array.from({ length: size }, () => {
    const worker = new Worker(file, { workerData, resourceLimits });
    load.set(worker, 0);
    worker.on('message', (reply: WorkerReply<Result>) => {
      const p = pending.get(reply.id);
      if (!p) return;
      pending.delete(reply.id);
      load.set(worker, (load.get(worker) ?? 1) - 1);
      if (reply.ok) p.resolve(reply.result);
      else p.reject(new Error(reply.error));
    });
    worker.on('error', (error) => fail(worker, error instanceof Error ? error : new Error(String(error))));
    worker.on('exit', (code) => fail(worker, new Error(`worker thread exited with code ${code}`)));
    return worker;
  });
  return {
    size,
    run(task, transfer) {
      const worker = workers.reduce((a, b) => ((load.get(b) ?? 0) < (load.get(a) ?? 0) ? b : a));
      const id = nextId++;
      load.set(worker, (load.get(worker) ?? 0) + 1);
      return new Promise<Result>((resolve, reject) => {
        pending.set(id, { resolve, reject, worker });
        worker.postMessage({ id, task }, transfer);
      });
    },
    async close() {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
