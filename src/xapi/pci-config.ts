// XAPI's `VM.other_config:pci`: the devices passed through to the domain at start, `<index>/<dddd:bb:ss.f>`
// joined by commas.

export function passedThroughAddresses(otherConfig: unknown): string[] {
  const value = ((otherConfig ?? {}) as Record<string, string>).pci ?? '';
  return value.split(',').map((entry) => entry.slice(entry.indexOf('/') + 1).trim()).filter(Boolean);
}

export function pciOtherConfigValue(addresses: readonly string[]): string {
  return addresses.map((address, index) => `${index}/${address}`).join(',');
}
