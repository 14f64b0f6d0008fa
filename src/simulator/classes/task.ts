// task.create / cancel / destroy.
import { xapiNow } from '../clock.js';
import { fail } from '../errors.js';
import { defineMessage } from '../registry.js';
import { runningTask } from '../tasks.js';

defineMessage('task.create', (ctx, label: string, description: string) => ctx.db.create('task', {
  name_label: label, name_description: description, status: 'pending', created: xapiNow(),
  resident_on: ctx.host, type: '<none/>', backtrace: '()',
}), { quiet: true });

defineMessage('task.cancel', (ctx, ref: string) => {
  const task = ctx.db.get('task', ref);
  const run = runningTask(ref);
  if (!run || !(task.allowed_operations as string[]).includes('cancel')) {
    fail('OPERATION_NOT_ALLOWED', `Task ${ref} cannot be cancelled`);
  }
  run!.cancelRequested = true;
  ctx.db.update(ref, { current_operations: { ...task.current_operations, [ctx.task?.ref ?? ctx.session]: 'cancel' } });
  return '';
}, { quiet: true });

defineMessage('task.destroy', (ctx, ref: string) => {
  const task = ctx.db.get('task', ref);
  const run = runningTask(ref);
  if (task.status === 'pending' && run) {
    run.destroyWhenDone = true;
    ctx.db.update(ref, { current_operations: { ...task.current_operations, [ctx.session]: 'destroy' } });
  } else {
    ctx.db.destroy(ref);
  }
  return '';
}, { quiet: true });
