// Fails when src/xapi/datamodel/generated.ts no longer matches what the generator would write.
// Needs XAPI's datamodel beside the checkout; without it there is nothing to compare against.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const source = fileURLToPath(new URL('../../shared/reference/xenapi.json', import.meta.url));
const target = fileURLToPath(new URL('../src/xapi/datamodel/generated.ts', import.meta.url));
if (!existsSync(source)) {
  console.log('datamodel check skipped: xenapi.json not present');
  process.exit(0);
}
const before = readFileSync(target, 'utf8');
execFileSync(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('./generate-datamodel.ts', import.meta.url)), source], { stdio: 'ignore' });
if (readFileSync(target, 'utf8') !== before) {
  console.error('src/xapi/datamodel/generated.ts was stale and has been regenerated: commit it');
  process.exit(1);
}
console.log('datamodel is current');
