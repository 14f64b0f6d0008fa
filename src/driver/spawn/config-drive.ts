// The config drive a spawned instance gets: its identity, metadata, admin password, user data, injected
// files and network settings, as an OpenStack config-2 ISO that cloud-init reads at first boot.
import { buildConfigDrive } from '../../configdrive/config-drive.js';
import type { Instance } from '../../store/index.js';
import type { VifNetworkInfo } from '../network-info.js';
import { netmaskOf } from '../network-info.js';
import type { SpawnRequest } from './plan.js';

export function configDriveFor(instance: Instance, hostname: string, request: SpawnRequest, vifs: readonly VifNetworkInfo[]): Buffer {
  return buildConfigDrive({
    uuid: instance.uuid,
    name: instance.name,
    hostname,
    metadata: instance.metadata,
    adminPassword: request.adminPassword ?? undefined,
    userData: request.userData ? Buffer.from(request.userData, 'base64') : undefined,
    injectedFiles: (request.injectedFiles ?? []).map((file) => ({ path: file.path, contents: Buffer.from(file.contents, 'base64') })),
    interfaces: vifs.map(({ vif, subnet }) => ({
      mac: vif.mac,
      ...(vif.ip && subnet ? { ip: vif.ip, netmask: netmaskOf(Number(subnet.cidr.split('/')[1])), gateway: subnet.gateway ?? undefined } : {}),
      dns: subnet ? [...subnet.dns] : [],
    })),
  });
}
