// The peer for cold start, run as its own process: Xen Orchestra's xen-api client connects to the pool and
// fetches every object, as XO does when it adds a server. Prints the VM count once all are in.
// @ts-expect-error xen-api ships no type declarations
import { createClient } from 'xen-api';

const [url, password] = process.argv.slice(2);
const xapi = createClient({ url, auth: { user: 'root', password }, allowUnauthorized: true });
await xapi.connect();
await xapi.objectsFetched;
const vms = Object.values(xapi.objects.all as Record<string, { $type: string }>).filter((object) => object.$type === 'VM').length;
console.log(`fetched ${vms} VMs`);
await xapi.disconnect();
process.exit(0);
