// An administrator brings back a pool whose master died with HA off: the chosen surviving host takes over in an
// emergency, the other slaves are told, and the pool's link, which has been trying every member meanwhile, logs in
// at the new master and resyncs by itself.
import { InvalidStateError } from '../../errors.js';
import type { DriverServices, OperationTarget, TargetAction } from '../../operations/action.js';
import { createXapiTransport, withHost, type XapiClient } from '../../xapi/index.js';
import { emergencyTransitionToMaster } from '../../xapi/emergency-master.js';
import { hostRef } from '../xapi-access.js';
import { requireHost } from './host-actions.js';
import { isPoolMaster } from './master-handover.js';

/** Long enough for the link's backoff (at most a few seconds) to reach the new master and resync. */
const RELINK_MS = 5 * 60_000;

async function linkOf(services: DriverServices, target: OperationTarget) {
  const host = await requireHost(services, target.id);
  const link = services.pools.get(host.poolId);
  if (!link) throw new InvalidStateError('The host\'s pool was never linked', 'NO_POOL');
  return { host, link };
}

function masterIs(client: XapiClient, ref: string): true | undefined {
  return isPoolMaster(client, ref) || undefined;
}

export const emergencyTransitionAction: TargetAction<Record<string, never>> = {
  kind: 'pool.emergencyTransition',
  targetType: 'Host',
  async check(target, _input, services) {
    const { host, link } = await linkOf(services, target);
    if (link.status.state === 'connected' && isPoolMaster(link.client, hostRef(link.client, host))) {
      throw new InvalidStateError(`${host.name} is already its pool's master`, 'MASTER', ['SLAVE']);
    }
  },
  async run(run) {
    const { host, link } = await linkOf(run.services, run.target);
    const { client } = link;
    const url = withHost(client.masterUrl ?? link.status.masterUrl, host.address);
    const transport = createXapiTransport(url, { allowUnauthorized: client.allowUnauthorized });
    await run.progress(10, 'promoting', `${host.name} takes over as master`);
    const { user, password } = run.services.pools.credentials;
    let recovered: string[];
    try {
      recovered = await emergencyTransitionToMaster(transport, user, password);
    } finally {
      transport.close?.();
    }
    await run.progress(60, 'relinking', 'waiting for the pool link to reach the new master');
    const ref = hostRef(client, host);
    await client.cache.waitFor(() => masterIs(client, ref), RELINK_MS, run.signal);
    const names = recovered.map((slave) => String(client.cache.get('host', slave)?.name_label ?? slave));
    return { master: host.name, recoveredSlaves: names };
  },
};
