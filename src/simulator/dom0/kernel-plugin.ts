// The `kernel` dom0 plugin of Nova's PV boot path: copy_vdi copies the first image-size bytes of a VDI (a
// kernel or ramdisk image) into /boot/guest/<vdi uuid> and returns that path, also under the cached name when
// one is given; create_kernel_ramdisk copies such a cached file for a new image and returns its path, or ''
// when there is none; remove_kernel_ramdisk deletes the files a PV_kernel / PV_ramdisk named.
import { visibleVdiContent } from '../classes/vdi-content.js';
import { PluginError } from './plugin-error.js';
import { readDom0File, removeDom0File, writeDom0File } from './files.js';
import type { PluginCall, PluginFunctions } from './plugins.js';

export const KERNEL_DIR = '/boot/guest';

/** pluginlib's `exists`: a missing argument is an ArgumentError. */
function argument(call: PluginCall, key: string): string {
  const value = call.args[key];
  if (value === undefined) throw new PluginError('ArgumentError', `Argument ${key} is required.`);
  return value;
}

function copyFile(call: PluginCall, from: string, to: string): void {
  const file = readDom0File(call.pool.db, call.host, from);
  if (file) writeDom0File(call.pool.db, call.host, to, file.size, file.head);
}

export const kernelPlugin: PluginFunctions = {
  copy_vdi(call) {
    const vdiRef = argument(call, 'vdi-ref');
    const size = Number(argument(call, 'image-size'));
    const { db } = call.pool;
    const vdi = db.find('VDI', vdiRef);
    // The plugin's own XenAPI session fails on the ref first, as XenAPI.Failure.
    if (!vdi) throw new PluginError('Failure', `['HANDLE_INVALID', 'VDI', '${vdiRef}']`);
    if (!Number.isSafeInteger(size) || size < 0) throw new PluginError('ValueError', `invalid literal for int() with base 10: '${call.args['image-size']}'`);
    if (size > Number(vdi.virtual_size)) throw new PluginError('IOError', 'Short read: the VDI is smaller than image-size');
    const bytes = visibleVdiContent(db, vdiRef)?.bytes ?? Buffer.alloc(0);
    const path = `${KERNEL_DIR}/${vdi.uuid}`;
    writeDom0File(db, call.host, path, size, bytes.subarray(0, size));
    const cached = call.args['cached-image'];
    if (cached) copyFile(call, path, `${KERNEL_DIR}/${cached}`);
    return path;
  },

  create_kernel_ramdisk(call) {
    const cached = `${KERNEL_DIR}/${argument(call, 'cached-image')}`;
    const path = `${KERNEL_DIR}/${argument(call, 'new-image-uuid')}`;
    if (!readDom0File(call.pool.db, call.host, cached)) return '';
    copyFile(call, cached, path);
    return path;
  },

  remove_kernel_ramdisk(call) {
    for (const key of ['kernel-file', 'ramdisk-file']) {
      const path = call.args[key];
      if (path && !removeDom0File(call.pool.db, call.host, path)) {
        throw new PluginError('OSError', `[Errno 2] No such file or directory: '${path}'`);
      }
    }
    return 'ok';
  },
};
