// A VM a dead process left half-built may still be acted on after the restart: a call the process sent just
// before it died (the VM's start, say) reaches XAPI and runs while crash recovery reads or removes the VM.
// Recovery reads the VM once nothing runs on it, and removes it again when such a call came in between.
import { setTimeout as sleep } from 'node:timers/promises';
import { isXapiError, type XapiClient } from '../xapi/index.js';

const IDLE_POLL_MS = 100;
const IDLE_WAIT_MS = 120_000;
const REMOVAL_ATTEMPTS = 5;
/** What VM.destroy answers when an operation started or ran on the VM since it was halted. */
const RACED_BY_LATE_CALL = new Set(['VM_BAD_POWER_STATE', 'OTHER_OPERATION_IN_PROGRESS']);

/** Waits until no operation runs on the VM (or it is gone); up to two minutes, then goes on as it is. */
export async function vmIdle(client: XapiClient, vm: string): Promise<void> {
  const deadline = Date.now() + IDLE_WAIT_MS;
  while (Date.now() < deadline) {
    let operations: Record<string, string>;
    try {
      operations = await client.call<Record<string, string>>('VM.get_current_operations', vm);
    } catch (error) {
      if (isXapiError(error, 'HANDLE_INVALID')) return;
      throw error;
    }
    if (Object.keys(operations).length === 0) return;
    await sleep(IDLE_POLL_MS);
  }
}

/**
 * Runs `destroy` (which halts the VM and destroys it) once the VM is idle; when a late call started the VM
 * again or still ran on it, waits for it and destroys again. A VM already gone counts as removed.
 */
export async function removeLeftoverVm(client: XapiClient, vm: string, destroy: () => Promise<void>): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    await vmIdle(client, vm);
    try {
      await destroy();
      return;
    } catch (error) {
      if (isXapiError(error, 'HANDLE_INVALID')) return;
      if (attempt >= REMOVAL_ATTEMPTS || !(isXapiError(error) && RACED_BY_LATE_CALL.has(error.code))) throw error;
    }
  }
}
