/** Loads the tokio / tokio_util bindings (each registers its paths and method tables). */
import './time.ts';
import './task.ts';
import './joinset-token.ts';
import './sync.ts';
import './mpsc-more.ts';
import './watch.ts';
import './broadcast.ts';
import './rwlock.ts';
import './barrier-once.ts';
import './task-tracker.ts';
import './hand-futures.ts';
import './runtime.ts';
import '../std/sync.ts';
import './futures-util.ts';
import './net/index.ts';
import './runtime-more.ts';
import './local-set.ts';
