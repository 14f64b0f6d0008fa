// Bringing back a pool whose master died without HA: a slave in emergency mode answers only a local login (its own
// password database) and pool.emergency_transition_to_master; once master, it tells the other slaves where it is
// with pool.recover_slaves. This is `xe pool-emergency-transition-to-master` then `xe pool-recover-slaves`.
import type { XapiTransport } from './transport.js';

/** Promotes the host behind `transport` to master; resolves with the refs of the slaves that now follow it. */
export async function emergencyTransitionToMaster(transport: XapiTransport, user: string, password: string): Promise<string[]> {
  const local = String(await transport.call('session.slave_local_login_with_password', [user, password]));
  try {
    await transport.call('pool.emergency_transition_to_master', [local]);
  } finally {
    await transport.call('session.local_logout', [local]).catch(() => undefined);
  }
  const session = String(await transport.call('session.login_with_password', [user, password, '1.1', 'xengraph']));
  try {
    return (await transport.call('pool.recover_slaves', [session])) as string[];
  } finally {
    await transport.call('session.logout', [session]).catch(() => undefined);
  }
}
