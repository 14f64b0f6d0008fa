// The simulator's fault-injection admin endpoint (/_sim/faults) from tests that only have its URL.
// Tests holding the RunningSimulator can use `sim.faults` directly instead.
import type { FaultSpec, PendingFault } from '../../src/simulator/faults.js';

async function admin(simUrl: string, method: string, body?: unknown): Promise<any> {
  const res = await fetch(`${simUrl}/_sim/faults`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const answer = await res.json();
  if (!res.ok) throw new Error(`/_sim/faults ${method}: ${res.status} ${answer.error}`);
  return answer;
}

/** Makes the next `fault.count` (default 1) calls of `fault.method` fail, lag or lose their connection. */
export async function injectFault(simUrl: string, fault: FaultSpec): Promise<PendingFault> {
  return (await admin(simUrl, 'POST', fault)).fault;
}

export async function listFaults(simUrl: string): Promise<PendingFault[]> {
  return (await admin(simUrl, 'GET')).faults;
}

export async function clearFaults(simUrl: string): Promise<void> {
  await admin(simUrl, 'DELETE');
}
