// Guest console logs as dom0 keeps them (/var/log/xen/guest/console.<domid>): per host and domid, the last
// 100 KiB only, and still there after the domain died, as the files are.
import type { Db } from '../db.js';

/** What console.py returns at most, and so all a log needs to keep. */
export const CONSOLE_LOG_LIMIT = 102_400;
/** Logs of dead domains pile up on a real host; the oldest go first here. */
const LOGS_PER_HOST = 256;

const logs = new WeakMap<Db, Map<string, Map<number, Buffer>>>();

function hostLogs(db: Db, hostRef: string): Map<number, Buffer> {
  let byHost = logs.get(db);
  if (!byHost) logs.set(db, (byHost = new Map()));
  let map = byHost.get(hostRef);
  if (!map) byHost.set(hostRef, (map = new Map()));
  return map;
}

export function appendConsole(db: Db, hostRef: string, domid: number, text: string): void {
  const map = hostLogs(db, hostRef);
  const previous = map.get(domid);
  const joined = Buffer.concat([previous ?? Buffer.alloc(0), Buffer.from(text, 'utf8')]);
  map.delete(domid);
  map.set(domid, joined.length > CONSOLE_LOG_LIMIT ? joined.subarray(joined.length - CONSOLE_LOG_LIMIT) : joined);
  if (map.size > LOGS_PER_HOST) map.delete(map.keys().next().value!);
}

export function consoleLog(db: Db, hostRef: string, domid: number): Buffer | undefined {
  return logs.get(db)?.get(hostRef)?.get(domid);
}
