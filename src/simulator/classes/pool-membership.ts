// What pool.join and pool.eject do to the world's databases. A joining host's own objects (host, control
// domain, local SRs with their disks, PIFs, halted VMs) move into the master's database, networks meeting the
// master's by bridge and the product's own objects (default templates, tools SR) giving way to the master's;
// the pool's shared SRs get a PBD for it. An ejected host leaves its pool's database, taking its local
// storage with it (VMs with disks there are lost), and comes back after a reboot as a fresh pool of its own.
import { datamodel, NULL_REF, type XType } from '../../xapi/datamodel/index.js';
import { buildPool } from '../build.js';
import type { Db, Rec } from '../db.js';
import type { CallContext } from '../registry.js';
import type { NetworkSpec, PoolSpec, TemplateSpec } from '../topology.js';
import { SIZES } from '../units.js';
import type { SimPool } from '../world.js';
import { linkRef, unlinkRef } from './devices.js';
import { ownVdiContent, setVdiContent } from './vdi-content.js';
import { removeVdi } from './vdi.js';
import { destroyVm } from './vm.js';
import { refreshVmOperations } from './vm-operations.js';

/** Never carried over: they belong to the running toolstack, not to the host. */
const TRANSIENT_CLASSES = new Set(['session', 'task', 'event', 'pool']);

const isRefType = (type: XType): boolean => type.kind === 'ref' || (type.kind === 'set' && type.of.kind === 'ref');

/** SRs only this host can reach: non-shared, every PBD on it. */
function localSrs(db: Db, hostRef: string): string[] {
  return db.select('SR', (sr) => !sr.shared && (sr.PBDs as string[]).length > 0
    && (sr.PBDs as string[]).every((pbd) => db.find('PBD', pbd)?.host === hostRef)).map(([ref]) => ref);
}

/** A VM and what hangs off it alone: metrics, guest metrics, consoles, VBDs, VIFs. */
function vmRows(db: Db, vm: Rec): string[] {
  return [vm.metrics, vm.guest_metrics, ...vm.consoles, ...vm.VBDs, ...vm.VIFs].filter((ref: string) => ref !== NULL_REF && db.has(ref));
}

/** Refs of the joiner that are not moved, mapped to the master's equivalent when there is one. */
function replacements(from: Db, into: Db): Map<string, string> {
  const replaced = new Map<string, string>();
  for (const [ref, network] of from.select('network')) {
    const [same] = into.select('network', (n) => n.bridge === network.bridge)[0] ?? [];
    if (same) replaced.set(ref, same);
  }
  // The product's own templates and tools ISOs: the master has its own copies.
  for (const [ref, vm] of from.select('VM', (v) => Boolean(v.is_default_template))) {
    replaced.set(ref, NULL_REF);
    for (const row of vmRows(from, vm)) replaced.set(row, NULL_REF);
  }
  for (const [ref, sr] of from.select('SR', (s) => Boolean(s.is_tools_sr))) {
    replaced.set(ref, NULL_REF);
    for (const row of [...sr.PBDs, ...sr.VDIs] as string[]) replaced.set(row, NULL_REF);
  }
  return replaced;
}

/** The record with references to replaced objects pointing at their replacement (or nothing). */
function rewritten(clsName: string, record: Rec, replaced: ReadonlyMap<string, string>): Rec {
  const copy = structuredClone(record);
  for (const field of datamodel.get(clsName).fields) {
    if (!isRefType(field.type)) continue;
    const value = copy[field.name];
    if (typeof value === 'string') copy[field.name] = replaced.get(value) ?? value;
    else if (Array.isArray(value)) {
      copy[field.name] = value.map((ref: string) => replaced.get(ref) ?? ref).filter((ref: string) => ref !== NULL_REF);
    }
  }
  return copy;
}

/** Moves the joining pool's only host, and what is its own, into the master's pool. */
export function absorbHost(joiner: SimPool, master: SimPool): void {
  const from = joiner.db;
  const into = master.db;
  const hostRef = joiner.masterRef;
  const replaced = replacements(from, into);
  const moved: { cls: string; ref: string }[] = [];
  for (const row of from.allRows()) {
    if (TRANSIENT_CLASSES.has(row.cls.name) || replaced.has(row.ref)) continue;
    into.create(row.cls.name, rewritten(row.cls.name, row.record, replaced), row.ref);
    moved.push({ cls: row.cls.name, ref: row.ref });
  }
  for (const { cls, ref } of moved) {
    const record = into.get(cls, ref);
    if (cls === 'PIF' || cls === 'VIF') {
      const network = from.get(cls, ref).network as string;
      if (replaced.has(network)) linkRef(into, record.network, `${cls}s`, ref);
    } else if (cls === 'VBD' && record.VDI === NULL_REF && !record.empty) {
      // A CD that held one of the joiner's tools ISOs is left empty.
      into.update(ref, { empty: true, currently_attached: false });
    } else if (cls === 'VDI') {
      const content = ownVdiContent(from, ref);
      if (content) setVdiContent(into, ref, content);
    }
  }
  for (const [srRef] of into.select('SR', (s) => Boolean(s.shared))) {
    const [, template] = into.select('PBD', (p) => p.SR === srRef)[0] ?? [];
    const pbd = into.create('PBD', {
      host: hostRef, SR: srRef, currently_attached: true, device_config: { ...(template?.device_config ?? {}) },
    });
    linkRef(into, srRef, 'PBDs', pbd);
    linkRef(into, hostRef, 'PBDs', pbd);
  }
  for (const { cls, ref } of moved) if (cls === 'VM') refreshVmOperations(into, ref);
}

const MiB = SIZES.MiB;
const GiB = SIZES.GiB;

/** The product's templates as this pool has them, to give a freshly installed host the same ones. */
function defaultTemplates(db: Db): TemplateSpec[] {
  return db.select('VM', (vm) => Boolean(vm.is_default_template)).map(([, vm]) => {
    const disk = /size="(\d+)"/.exec(String(vm.other_config?.disks ?? ''));
    return {
      name: vm.name_label as string,
      memoryMiB: Math.round((vm.memory_static_max as number) / MiB),
      vcpus: vm.VCPUs_max as number,
      diskGiB: disk ? Math.round(Number(disk[1]) / GiB) : 8,
      hvm: vm.domain_type === 'hvm',
    };
  });
}

/** What the host would be reinstalled as: itself, its NICs on the same bridges, its local disk, no VMs. */
function freshPoolSpec(db: Db, hostRef: string): { spec: PoolSpec; macs: Map<string, string> } {
  const host = db.get('host', hostRef);
  const metrics = db.find('host_metrics', host.metrics);
  const pifs = db.select('PIF', (p) => p.host === hostRef && p.physical).sort(([, a], [, b]) => String(a.device).localeCompare(String(b.device)));
  const networks: NetworkSpec[] = pifs.map(([, pif]) => {
    const network = db.get('network', pif.network);
    return { name: network.name_label as string, bridge: network.bridge as string, management: Boolean(pif.management) };
  });
  const [local] = localSrs(db, hostRef).map((ref) => db.get('SR', ref)).filter((sr) => sr.content_type !== 'iso');
  return {
    spec: {
      name: host.name_label as string,
      hosts: [{
        name: host.name_label as string, uuid: host.uuid as string, powerOnMode: host.power_on_mode as string,
        cpus: Number(host.cpu_info?.cpu_count ?? 16), memoryGiB: Math.round(Number(metrics?.memory_total ?? 128 * GiB) / GiB),
      }],
      localSrGiB: local ? Math.round((local.physical_size as number) / GiB) : 500,
      networks,
      templates: defaultTemplates(db),
    },
    macs: new Map(pifs.map(([, pif]) => [pif.device as string, pif.MAC as string])),
  };
}

/** Removes a slave and everything only it had from its pool's database; VMs with disks on its local SRs are lost. */
function removeHost(ctx: CallContext, hostRef: string): void {
  const { db } = ctx;
  const host = db.get('host', hostRef);
  const srs = localSrs(db, hostRef);
  const lost = new Set<string>();
  for (const sr of srs) {
    for (const vdi of db.get('SR', sr).VDIs as string[]) {
      for (const vbd of db.get('VDI', vdi).VBDs as string[]) {
        const vm = db.find('VBD', vbd)?.VM as string | undefined;
        if (vm && !db.get('VM', vm).is_control_domain) lost.add(vm);
      }
    }
  }
  for (const vm of lost) if (db.has(vm)) destroyVm(ctx, vm);
  for (const sr of srs) {
    for (const vdi of [...db.get('SR', sr).VDIs as string[]]) removeVdi(db, vdi);
  }
  for (const [pbd, record] of db.select('PBD', (p) => p.host === hostRef)) {
    unlinkRef(db, record.SR, 'PBDs', pbd);
    db.destroy(pbd);
  }
  for (const sr of srs) db.destroy(sr);
  for (const [pif, record] of db.select('PIF', (p) => p.host === hostRef)) {
    unlinkRef(db, record.network, 'PIFs', pif);
    if (record.metrics !== NULL_REF) db.destroy(record.metrics);
    db.destroy(pif);
  }
  if (db.has(host.control_domain)) destroyVm(ctx, host.control_domain);
  for (const [vm] of db.select('VM', (v) => v.affinity === hostRef)) db.update(vm, { affinity: NULL_REF });
  // Whatever else names the host as its own (CPUs, crash dumps, patches, PCI devices…) goes with it.
  for (const row of [...db.allRows()]) {
    if (row.cls.field.get('host')?.type.kind === 'ref' && row.record.host === hostRef) db.destroy(row.ref);
  }
  if (db.has(host.metrics)) db.destroy(host.metrics);
  db.destroy(hostRef);
}

/**
 * Takes a slave out of its pool. The host reboots and comes back as the master of a new pool of its own, with
 * its installation uuid, its NICs and an empty local SR; until `bootingUntil` it answers nothing.
 */
export function ejectHost(ctx: CallContext, hostRef: string, rebootMs: number): SimPool {
  const address = ctx.pool.addressOf(hostRef);
  const { spec, macs } = freshPoolSpec(ctx.db, hostRef);
  removeHost(ctx, hostRef);
  const fresh = ctx.world.addPool(spec.name);
  buildPool(fresh, spec, [address], (ctx.world.pools.length + 1) << 12);
  // A freshly installed host is a pool without a name; its NICs keep their hardware addresses.
  fresh.db.update(fresh.poolRef, { name_label: '' });
  for (const [pif, record] of fresh.db.select('PIF')) {
    const mac = macs.get(record.device as string);
    if (mac) fresh.db.update(pif, { MAC: mac });
  }
  fresh.bootingUntil = Date.now() + rebootMs;
  return fresh;
}
