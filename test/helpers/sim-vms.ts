// Populates a simulated pool in-process with guest VMs: the simulator's own fleet builder, for tests and
// benchmarks that need hundreds or thousands of VMs.
export { addGuestVms, type GuestFleetOptions as PopulateOptions } from '../../src/simulator/guest-fleet.js';
