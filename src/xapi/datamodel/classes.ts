// The XAPI classes xengraph models (simulator records, client normalisation). Adding a class here and
// regenerating the datamodel is all it takes for its records and generic messages to exist.
export const MODELLED_CLASSES = [
  'session', 'task', 'event', 'pool', 'VM', 'VM_metrics', 'VM_guest_metrics', 'host', 'host_metrics',
  'host_cpu', 'network', 'VIF', 'PIF', 'SR', 'VDI', 'VBD', 'PBD', 'console', 'message', 'PCI',
] as const;

export type ModelledClass = (typeof MODELLED_CLASSES)[number];
