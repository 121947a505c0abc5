import { Worker } from 'node:worker_threads';

/** A worker thread running a TypeScript entry, and its single answer. */
export interface StoreWorker<Answer> {
  readonly done: Promise<Answer>;
}

/**
 * Starts `entry` (a TypeScript module under tests/) in a worker thread with `workerData`. The module posts
 * one message, its answer; an error or an exit before that rejects `done`.
 */
export function startStoreWorker<Answer>(entry: URL, workerData: unknown): StoreWorker<Answer> {
  // `--import tsx` in execArgv does not reach a worker's entry module on Node 20, so the worker starts as a
  // tiny script that registers tsx's loader and then imports the TypeScript entry.
  const bootstrap = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(entry.href)}); })`;
  const worker = new Worker(bootstrap, { eval: true, workerData });
  const done = new Promise<Answer>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`worker exited with ${code} before answering`)));
  });
  return { done };
}

/** A start line shared with workers: they check in at [0] and wait until the parent sets [1]. */
export function aStartingGate(): SharedArrayBuffer {
  return new SharedArrayBuffer(8);
}

/** In a worker: check in at the gate and block until the parent opens it, so all workers start together. */
export function waitAtGate(gate: SharedArrayBuffer): void {
  const view = new Int32Array(gate);
  Atomics.add(view, 0, 1);
  Atomics.wait(view, 1, 0);
}

/**
 * In the parent: waits until every worker has checked in (or one has failed), then opens the gate. The
 * workers then race for real: each has its own connection and event loop.
 */
export async function openGateWhenAllWaiting(
  gate: SharedArrayBuffer,
  workers: readonly StoreWorker<unknown>[],
): Promise<void> {
  const view = new Int32Array(gate);
  // A worker that fails before checking in would otherwise leave this loop waiting forever.
  const failed = Promise.race(workers.map((worker) => worker.done.then(() => new Promise<never>(() => {}))));
  while (Atomics.load(view, 0) < workers.length) {
    await Promise.race([failed, new Promise((resolve) => setTimeout(resolve, 5))]);
  }
  Atomics.store(view, 1, 1);
  Atomics.notify(view, 1);
}
