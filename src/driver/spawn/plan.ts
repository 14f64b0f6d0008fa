// Turning a spawn request into an instance: every reference and limit is checked and a host chosen before
// the instance row exists, so a refused request leaves nothing behind.
import { publishInstanceEvent } from '../../events/pubsub.js';
import { InvalidInputError, NotFoundError } from '../../errors.js';
import type { DriverServices } from '../../operations/action.js';
import type { Flavor, Image, Instance } from '../../store/index.js';
import { requireCleanName } from '../input-text.js';
import { pciAliasesOf, pciRefusal, pciRequestsOf } from '../pci-passthrough.js';
import { chooseHost } from '../scheduler.js';
import { requireGuestReadableMetadata } from '../xenstore.js';
import { resolveBootImages, type BootImages } from './boot-images.js';
import { imageVirtualSize } from './image-cache.js';
import { bootsFromVolume, planSpawnVolumes, type SpawnVolumeRequest } from './spawn-volumes.js';
import { withoutSecret } from '../volume-connection.js';

export interface SpawnRequest {
  readonly name: string;
  readonly flavorId: string;
  /** Where the root disk comes from; with a boot volume it only lends its properties (boot mode, agent). */
  readonly imageId: string | null;
  readonly hostId?: string | null;
  readonly aggregateId?: string | null;
  readonly networkIds: readonly string[];
  readonly metadata: Readonly<Record<string, string>>;
  /** Attach an OpenStack config drive (also implied by user data, injected files or an admin password). */
  readonly configDrive?: boolean;
  /** Base64; reaches the guest through the config drive. */
  readonly userData?: string | null;
  /** Contents base64; written into the config drive for the guest to place. */
  readonly injectedFiles?: readonly { readonly path: string; readonly contents: string }[];
  /** Never stored: the Operation keeps only whether one was given. */
  readonly adminPassword?: string | null;
  /** Groups the instance joins before it is built; their rules are applied at step 9. */
  readonly securityGroupIds?: readonly string[];
  /** iSCSI volumes attached before the guest boots; one on device 0 is the root disk. */
  readonly volumes?: readonly SpawnVolumeRequest[];
}

/** Whether the guest gets a config drive, and so whether the request's guest data can reach it. */
export function wantsConfigDrive(request: SpawnRequest): boolean {
  return Boolean(request.configDrive || request.userData || request.adminPassword || (request.injectedFiles?.length ?? 0) > 0);
}

const PASSWORD_GIVEN = '(given, not stored)';

/** The request as the Operation stores it: the admin password replaced by a marker, no CHAP secret. */
export function storedSpawnRequest(request: SpawnRequest): SpawnRequest {
  return {
    ...request,
    ...(request.adminPassword && { adminPassword: PASSWORD_GIVEN }),
    ...(request.volumes && { volumes: request.volumes.map((volume) => ({ ...volume, connectionInfo: withoutSecret(volume.connectionInfo) })) }),
  };
}

export const MAX_INTERFACES = 7;

export async function createInstanceForSpawn(services: DriverServices, request: SpawnRequest): Promise<Instance> {
  const { store } = services;
  requireCleanName(request.name);
  requireGuestReadableMetadata(request.metadata, Object.keys(request.metadata), ['input', 'metadata']);
  const flavor = await store.flavors.get(request.flavorId);
  if (!flavor) throw new NotFoundError('Flavor', request.flavorId, { path: ['input', 'flavorId'] });
  const volumes = planSpawnVolumes(request.volumes ?? [], { flavor, configDrive: wantsConfigDrive(request) });
  const image = await spawnImage(services, request, flavor, bootsFromVolume(volumes));
  if (request.networkIds.length > MAX_INTERFACES) {
    throw new InvalidInputError(`At most ${MAX_INTERFACES} networks per instance`, { path: ['input', 'networkIds'] });
  }
  for (const networkId of request.networkIds) {
    if (!await store.networks.get(networkId)) throw new NotFoundError('Network', networkId, { path: ['input', 'networkIds'] });
  }
  if (request.hostId && !await store.hosts.get(request.hostId)) throw new NotFoundError('Host', request.hostId, { path: ['input', 'hostId'] });
  if (request.aggregateId && !await store.aggregates.get(request.aggregateId)) {
    throw new NotFoundError('Aggregate', request.aggregateId, { path: ['input', 'aggregateId'] });
  }
  for (const groupId of request.securityGroupIds ?? []) {
    if (!await store.securityGroups.get(groupId)) throw new NotFoundError('SecurityGroup', groupId, { path: ['input', 'securityGroupIds'] });
  }
  const pciRequests = pciRequestsOf(flavor, pciAliasesOf(services));
  const host = await chooseHost(store, { flavor, hostId: request.hostId, aggregateId: request.aggregateId, refusal: pciRefusal(services, pciRequests) });
  const instance = await store.instances.create({
    name: request.name, managed: true, vmState: 'BUILDING', powerState: 'NOSTATE',
    flavorId: flavor.id, imageId: image?.id ?? null, poolId: host.poolId, hostId: host.id,
    vcpus: flavor.vcpus, memoryMb: flavor.memoryMb, metadata: { ...request.metadata },
    // As Nova's compute manager did: the image's properties, kept with the instance (image_<key>).
    systemMetadata: Object.fromEntries(Object.entries(image?.properties ?? {}).map(([key, value]) => [`image_${key}`, value])),
  });
  for (const groupId of request.securityGroupIds ?? []) await store.securityGroups.addMember(groupId, instance.id);
  publishInstanceEvent(services.pubsub, { kind: 'INSTANCE_CREATED', instanceId: instance.id, instance, at: new Date() });
  return instance;
}

/**
 * The request's image, checked. Without a boot volume it is required and must fit the flavor's root disk; with
 * one, no disk is made from it, so only its existence matters (as for a Nova volume-backed instance).
 */
async function spawnImage(services: DriverServices, request: SpawnRequest, flavor: Flavor, fromVolume: boolean): Promise<Image | null> {
  const path = ['input', 'imageId'];
  if (!request.imageId) {
    if (fromVolume) return null;
    throw new InvalidInputError('Give an imageId, or a boot volume (mountpoint /dev/xvda or bootIndex 0)', { path });
  }
  const image = await services.store.images.get(request.imageId);
  if (!image) throw new NotFoundError('Image', request.imageId, { path });
  if (fromVolume) return image;
  requireRootDiskFits(services.dataDir, flavor, await resolveBootImages(services.store, image, { path }));
  return image;
}

const GiB = 1024 ** 3;

/**
 * Nova's FlavorDiskSmallerThanImage / FlavorDiskSmallerThanMinDisk, checked before anything is built rather
 * than when the root disk is grown. A flavor without a root size (0) takes the image's own, which an ISO,
 * installing onto a blank disk of the flavor's size, does not have.
 */
function requireRootDiskFits(dataDir: string, flavor: Flavor, { root: image, type }: BootImages): void {
  if (type === 'iso' && flavor.rootGb <= 0) {
    throw new InvalidInputError(`An ISO image installs onto the flavor's root disk, and ${flavor.name} has none`, { path: ['input', 'flavorId'] });
  }
  if (flavor.rootGb <= 0 || type === 'iso') return;
  const minDiskGb = Number(image.properties.min_disk ?? 0);
  const neededBytes = Math.max(imageVirtualSize(dataDir, image), Number.isFinite(minDiskGb) ? minDiskGb * GiB : 0);
  if (neededBytes > flavor.rootGb * GiB) {
    throw new InvalidInputError(
      `Flavor ${flavor.name}'s disk is smaller than the image: ${image.name} needs ${Math.ceil(neededBytes / GiB)} GiB, the flavor gives ${flavor.rootGb} GiB`,
      { path: ['input', 'flavorId'] },
    );
  }
}
