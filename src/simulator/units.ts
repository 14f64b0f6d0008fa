// Byte sizes used across the simulator's accounting.
export const SIZES = { KiB: 1024, MiB: 1024 ** 2, GiB: 1024 ** 3 } as const;
