// VM names as Nova gave them: the instance VM is instance-<serial in 8 hex digits>, its rescue twin adds
// -rescue, and the source VM a resize keeps halted until it is confirmed or reverted adds -orig. Lookups
// go by name label, so a VM re-created by another tool is still found.
import type { Instance } from '../store/index.js';

export const RESCUE_SUFFIX = '-rescue';
export const ORIG_SUFFIX = '-orig';

/** The VM name of a managed instance; null for unmanaged ones (their VM keeps its own name). */
export function vmNameOf(instance: Instance): string | null {
  return instance.serial === null ? null : `instance-${instance.serial.toString(16).padStart(8, '0')}`;
}

export function rescueNameOf(instance: Instance): string | null {
  const name = vmNameOf(instance);
  return name === null ? null : `${name}${RESCUE_SUFFIX}`;
}

/** Nova's label for the snapshot VM taken of a VM while its disk is exported into an image. */
export function snapshotNameOf(vmName: string): string {
  return `${vmName}-snapshot`;
}

/** The source VM of an unconfirmed resize or cold migration. */
export function origNameOf(instance: Instance): string | null {
  const name = vmNameOf(instance);
  return name === null ? null : `${name}${ORIG_SUFFIX}`;
}
