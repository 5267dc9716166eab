/**
 * The simulation worker (design.md §2): the only place the simulator and the interpreter run in
 * the browser. A thin shell: messages in, WorkerCore, messages out with their buffers transferred.
 */
import { LANG_ENGINE } from './lang-engine.ts';
import { transferablesOf } from './protocol.ts';
import type { WorkerCommand, WorkerMessage } from './protocol.ts';
import { WorkerCore } from './worker-core.ts';

const scope = self as unknown as DedicatedWorkerGlobalScope;

// A MessageChannel task runs after messages already queued (a `stop` among them), without the
// clamping nested setTimeout(0) gets.
const channel = new MessageChannel();
const deferred: (() => void)[] = [];
channel.port1.onmessage = () => deferred.shift()?.();

const core = new WorkerCore(LANG_ENGINE, {
  post: (message: WorkerMessage) => scope.postMessage(message, transferablesOf(message)),
  now: () => performance.now(),
  defer: (task) => {
    deferred.push(task);
    channel.port2.postMessage(0);
  },
});

scope.onmessage = (e: MessageEvent<WorkerCommand>) => core.handle(e.data);
