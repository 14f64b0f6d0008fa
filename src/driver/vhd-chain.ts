// The VHD chain behind a disk, as Nova's snapshot walked it: each VDI names its parent's uuid in
// sm_config['vhd-parent']. A snapshot lengthens the chain by a hidden base copy; the SR's garbage collector,
// kicked by SR.scan, merges it away once the snapshot is gone. Every snapshot that leaves the chain longer
// brings the disk closer to the storage's chain limit, so the snapshot waits until the collector is done.
import { BaseUserError } from '../errors.js';
import { isXapiError, type XapiClient } from '../xapi/index.js';

/** One VHD of a chain, leaf first. */
export interface ChainLink {
  readonly ref: string;
  readonly uuid: string;
}

/** Nova's vhd_coalesce_poll_interval and vhd_coalesce_max_attempts. */
export const COALESCE_POLL_INTERVAL_MS = 5000;
export const COALESCE_MAX_ATTEMPTS = 20;

/** Nova retried a busy SR scan (SR_BACKEND_FAILURE_40) after 2, 4 and 8 seconds. */
const SCAN_RETRY_DELAYS_MS = [2000, 4000, 8000];
/** Far longer than any real chain (XAPI refuses to grow one past 30); guards against a parent loop. */
const MAX_CHAIN = 256;

export class CoalesceTimeoutError extends BaseUserError {
  override readonly code = 'COALESCE_TIMEOUT';
  constructor(readonly attempts: number, readonly chainLength: number, readonly wanted: number) {
    super(`The storage did not coalesce the disk's VHD chain within ${attempts} attempts (${chainLength} VHDs, wanted at most ${wanted})`);
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** SR.scan, which also starts the SR's garbage collector; retried while the SR reports itself busy. */
export async function scanSr(client: XapiClient, sr: string, retryDelaysMs: readonly number[] = SCAN_RETRY_DELAYS_MS): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await client.call('SR.scan', sr);
      return;
    } catch (error) {
      if (!isXapiError(error, 'SR_BACKEND_FAILURE_40') || attempt >= retryDelaysMs.length) throw error;
      await sleep(retryDelaysMs[attempt]);
    }
  }
}

/** The disk and its ancestors, leaf first. */
export async function vhdChain(client: XapiClient, vdi: string): Promise<ChainLink[]> {
  const chain: ChainLink[] = [];
  let ref: string | null = vdi;
  while (ref && chain.length < MAX_CHAIN) {
    const record: { uuid: string; sm_config: Record<string, string> } = await client.call('VDI.get_record', ref);
    chain.push({ ref, uuid: record.uuid });
    const parent = record.sm_config?.['vhd-parent'];
    ref = parent ? await parentRef(client, parent) : null;
  }
  return chain;
}

/** A parent the collector removed between two reads ends the chain where it is. */
async function parentRef(client: XapiClient, uuid: string): Promise<string | null> {
  try {
    return await client.call<string>('VDI.get_by_uuid', uuid);
  } catch (error) {
    if (isXapiError(error, 'UUID_INVALID') || isXapiError(error, 'HANDLE_INVALID')) return null;
    throw error;
  }
}

export interface CoalesceOptions {
  readonly attempts?: number;
  readonly intervalMs?: number;
}

/**
 * Scans the SR until the disk's chain is at most `maxLength` VHDs long (Nova's bounded coalesce wait);
 * CoalesceTimeoutError when the attempts run out. Returns the chain as it ended.
 */
export async function coalesceWait(
  client: XapiClient, sr: string, vdi: string, maxLength: number, options: CoalesceOptions = {},
): Promise<ChainLink[]> {
  const attempts = options.attempts ?? COALESCE_MAX_ATTEMPTS;
  let chain: ChainLink[] = [];
  for (let attempt = 1; attempt <= attempts; attempt++) {
    await scanSr(client, sr);
    chain = await vhdChain(client, vdi);
    if (chain.length <= maxLength) return chain;
    if (attempt < attempts) await sleep(options.intervalMs ?? COALESCE_POLL_INTERVAL_MS);
  }
  throw new CoalesceTimeoutError(attempts, chain.length, maxLength);
}
