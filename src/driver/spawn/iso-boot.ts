// Booting from an ISO image, as Nova's DISK_ISO path did: the ISO is copied (never cached) into the local
// ISO library of the host the VM starts on and attached as a bootable CD on device 1, and the guest installs
// onto a blank root disk of the flavor's size on device 0; the BIOS order 'dc' tries the CD first.
import { InvalidInputError } from '../../errors.js';
import type { Image, Instance } from '../../store/index.js';
import { imageFilePath } from '../../store/image-files.js';
import { importVdiContent, type XapiClient } from '../../xapi/index.js';
import { createVdi } from '../devices.js';

const GiB = 1024 ** 3;
/** Nova's mark of the local ISO SR (XenServer's "Local storage ISO"). */
const LOCAL_ISO_KEY = 'local-storage-iso';

export interface IsoDisks {
  readonly root: string;
  readonly iso: string;
}

export interface IsoDiskSpec {
  readonly client: XapiClient;
  /** The host the VM starts on: its local ISO SR gets the copy. */
  readonly host: string;
  /** Where the blank root disk goes. */
  readonly sr: string;
  readonly image: Image;
  readonly rootGb: number;
  readonly vmName: string;
  readonly instance: Instance;
  readonly dataDir: string;
  readonly signal?: AbortSignal;
}

/** Creates the blank root disk and the ISO's copy, handing each to `created` (for rollback) as soon as it exists. */
export async function createIsoDisks(spec: IsoDiskSpec, created: (label: string, vdi: string) => void): Promise<IsoDisks> {
  const { client, instance, vmName, image } = spec;
  const isoSr = await localIsoSr(client, spec.host);
  const root = await createVdi(client, spec.sr, { label: vmName, role: 'root', sizeBytes: spec.rootGb * GiB, instance });
  created('root disk', root);
  const iso = await createVdi(client, isoSr, { label: vmName, role: 'iso', sizeBytes: image.sizeBytes, instance });
  created('ISO copy', iso);
  await importVdiContent(client, { vdi: iso, filePath: imageFilePath(spec.dataDir, image), format: 'raw', signal: spec.signal });
  return { root, iso };
}

/** Nova's find_iso_sr: the ISO SR marked local-storage-iso with a PBD on the host. */
async function localIsoSr(client: XapiClient, host: string): Promise<string> {
  const srs = await client.call<Record<string, { content_type: string; other_config: Record<string, string>; PBDs: string[] }>>(
    'SR.get_all_records_where', 'field "content_type"="iso"',
  );
  for (const [ref, sr] of Object.entries(srs)) {
    if (sr.other_config['i18n-key'] !== LOCAL_ISO_KEY) continue;
    for (const pbd of sr.PBDs) if (await client.call<string>('PBD.get_host', pbd) === host) return ref;
  }
  throw new InvalidInputError('The host has no local ISO storage (an ISO SR with other_config i18n-key=local-storage-iso) to boot an ISO from');
}
