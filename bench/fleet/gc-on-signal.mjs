// Preloaded into benchmarked processes only: SIGUSR2 runs a full GC (node --expose-gc) and says so on stderr,
// so memory can be read "after GC" from outside the process.
let round = 0;
process.on('SIGUSR2', () => {
  globalThis.gc?.();
  process.stderr.write(`gc-done ${++round}\n`);
});
