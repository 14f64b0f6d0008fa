// The rule renderer and the iptables-save merge: what xengraph writes into a host's filter table for its
// security groups, and how it leaves other software's rules alone.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { filterRestoreInput, parseFilterTable } from '../../src/driver/firewall/iptables-save.js';
import { renderHostFilter, ruleLines, type FilteredInstance } from '../../src/driver/firewall/render.js';
import { iptablesRestore, iptablesSave, iptablesSnapshot } from '../../src/simulator/dom0/iptables.js';
import { World } from '../../src/simulator/world.js';

const web: FilteredInstance = {
  chainId: 42,
  addresses: ['10.0.0.5'],
  subnets: ['10.0.0.0/24'],
  rules: [
    { protocol: 'tcp', fromPort: 22, toPort: 22, cidr: '0.0.0.0/0', sourceAddresses: null },
    { protocol: 'tcp', fromPort: 8000, toPort: 8080, cidr: '192.168.0.0/16', sourceAddresses: null },
    { protocol: 'icmp', fromPort: 8, toPort: 0, cidr: '0.0.0.0/0', sourceAddresses: null },
    { protocol: 'udp', fromPort: 53, toPort: 53, cidr: null, sourceAddresses: ['10.0.0.6'] },
  ],
};

describe('rendering security-group rules', () => {
  it('writes each kind of rule as Nova\'s Dom0 driver did', () => {
    const line = (rule: Partial<Parameters<typeof ruleLines>[0]>) => ruleLines({
      protocol: 'tcp', fromPort: null, toPort: null, cidr: '0.0.0.0/0', sourceAddresses: null, ...rule,
    });
    assert.deepEqual(line({ fromPort: 443, toPort: 443 }), ['-j ACCEPT -p tcp --dport 443 -s 0.0.0.0/0']);
    assert.deepEqual(line({ protocol: 'udp', fromPort: 1000, toPort: 2000, cidr: '10.1.0.0/16' }), ['-j ACCEPT -p udp --dport 1000:2000 -s 10.1.0.0/16']);
    assert.deepEqual(line({ protocol: 'icmp', fromPort: -1, toPort: -1 }), ['-j ACCEPT -p icmp -s 0.0.0.0/0'], 'any ICMP type');
    assert.deepEqual(line({ protocol: 'icmp', fromPort: 8, toPort: -1 }), ['-j ACCEPT -p icmp -m icmp --icmp-type 8 -s 0.0.0.0/0']);
    assert.deepEqual(line({ protocol: 'icmp', fromPort: 3, toPort: 4 }), ['-j ACCEPT -p icmp -m icmp --icmp-type 3/4 -s 0.0.0.0/0']);
    assert.deepEqual(line({ fromPort: 22, toPort: 22, cidr: null, sourceAddresses: ['10.0.0.7', '10.0.0.9'] }),
      ['-j ACCEPT -p tcp --dport 22 -s 10.0.0.7', '-j ACCEPT -p tcp --dport 22 -s 10.0.0.9'], 'one line per member address, no /32');
    assert.deepEqual(line({ fromPort: 22, toPort: 22, cidr: null, sourceAddresses: [] }), [], 'an empty source group admits nothing');
  });

  it('gives each instance a chain entered per address, with Nova\'s contents in order', () => {
    const { chains, rules } = renderHostFilter([web]);
    assert.deepEqual(chains, [
      'xengraph-filter-top', 'xengraph-INPUT', 'xengraph-OUTPUT', 'xengraph-FORWARD', 'xengraph-local', 'xengraph-sg-fallback', 'xengraph-inst-42',
    ]);
    assert.deepEqual(rules, [
      '-A FORWARD -j xengraph-filter-top',
      '-A OUTPUT -j xengraph-filter-top',
      '-A INPUT -j xengraph-INPUT',
      '-A OUTPUT -j xengraph-OUTPUT',
      '-A FORWARD -j xengraph-FORWARD',
      '-A xengraph-filter-top -j xengraph-local',
      '-A xengraph-sg-fallback -j DROP',
      '-A xengraph-local -d 10.0.0.5 -j xengraph-inst-42',
      '-A xengraph-inst-42 -m state --state INVALID -j DROP',
      '-A xengraph-inst-42 -m state --state ESTABLISHED,RELATED -j ACCEPT',
      '-A xengraph-inst-42 -s 10.0.0.0/24 -j ACCEPT',
      '-A xengraph-inst-42 -j ACCEPT -p tcp --dport 22 -s 0.0.0.0/0',
      '-A xengraph-inst-42 -j ACCEPT -p tcp --dport 8000:8080 -s 192.168.0.0/16',
      '-A xengraph-inst-42 -j ACCEPT -p icmp -m icmp --icmp-type 8/0 -s 0.0.0.0/0',
      '-A xengraph-inst-42 -j ACCEPT -p udp --dport 53 -s 10.0.0.6',
      '-A xengraph-inst-42 -j xengraph-sg-fallback',
    ]);
  });

  it('orders instances by chain id, enters one chain from every address and keeps a rule two groups share once', () => {
    const db: FilteredInstance = {
      chainId: 7, addresses: ['10.0.0.9', '172.16.0.4'], subnets: ['10.0.0.0/24', '172.16.0.0/24'],
      rules: [
        { protocol: 'tcp', fromPort: 5432, toPort: 5432, cidr: '10.0.0.0/24', sourceAddresses: null },
        { protocol: 'tcp', fromPort: 5432, toPort: 5432, cidr: '10.0.0.0/24', sourceAddresses: null },
      ],
    };
    const { chains, rules } = renderHostFilter([web, db]);
    assert.deepEqual(chains.slice(-2), ['xengraph-inst-7', 'xengraph-inst-42']);
    assert.deepEqual(rules.filter((rule) => rule.startsWith('-A xengraph-local')), [
      '-A xengraph-local -d 10.0.0.9 -j xengraph-inst-7',
      '-A xengraph-local -d 172.16.0.4 -j xengraph-inst-7',
      '-A xengraph-local -d 10.0.0.5 -j xengraph-inst-42',
    ]);
    assert.equal(rules.filter((rule) => rule.includes('--dport 5432')).length, 1);
  });

  it('leaves only the empty scaffolding when no instance is filtered', () => {
    const { chains, rules } = renderHostFilter([]);
    assert.equal(chains.some((chain) => chain.includes('inst-')), false);
    assert.deepEqual(rules.filter((rule) => rule.includes('DROP')), ['-A xengraph-sg-fallback -j DROP'], 'nothing jumps to the fallback');
  });
});

describe('merging into iptables-save output', () => {
  const saved = [
    '# Generated by iptables-save v1.4.21',
    '*nat',
    ':PREROUTING ACCEPT [0:0]',
    'COMMIT',
    '*filter',
    ':INPUT ACCEPT [10:800]',
    ':FORWARD ACCEPT [0:0]',
    ':OUTPUT ACCEPT [5:400]',
    ':RH-Firewall-1-INPUT - [0:0]',
    ':xengraph-inst-3 - [0:0]',
    '[3:180] -A FORWARD -j xengraph-filter-top',
    '[9:700] -A INPUT -j RH-Firewall-1-INPUT',
    '[0:0] -A RH-Firewall-1-INPUT -j REJECT --reject-with icmp-host-prohibited',
    '[1:60] -A xengraph-inst-3 -m state --state INVALID -j DROP',
    'COMMIT',
  ].join('\n');

  it('replaces its own lines, keeps foreign ones and the counters of rules that stay', () => {
    const input = filterRestoreInput(saved, renderHostFilter([web]));
    const lines = input.trim().split('\n');
    assert.equal(lines[0], '*filter', 'only the filter table is restored');
    assert.equal(lines.at(-1), 'COMMIT');
    assert.ok(lines.includes(':RH-Firewall-1-INPUT - [0:0]'));
    assert.ok(!input.includes('inst-3'), 'a chain no longer wanted is gone');
    assert.ok(lines.includes('[3:180] -A FORWARD -j xengraph-filter-top'), 'counters of a kept rule');
    const forward = lines.findIndex((line) => line.endsWith('-A FORWARD -j xengraph-filter-top'));
    const foreign = lines.indexOf('[9:700] -A INPUT -j RH-Firewall-1-INPUT');
    const instance = lines.indexOf('[0:0] -A xengraph-inst-42 -j xengraph-sg-fallback');
    assert.ok(forward < foreign && foreign < instance, 'our jumps first, foreign rules, then our chains');
    assert.deepEqual(parseFilterTable(input)?.rules.filter(({ rule }) => rule.includes('RH-Firewall')).length, 2);
  });

  it('is idempotent', () => {
    const world = new World({ user: 'root', password: 'x', timeScale: 0 });
    const host = 'f2c3f0c5-2b1e-4a5e-9d55-6e0bd1cf1c01';
    const apply = () => iptablesRestore(world, host, 'ipv4', filterRestoreInput(iptablesSave(world, host, 'ipv4', true), renderHostFilter([web])));
    apply();
    const once = iptablesSnapshot(world, host, 'ipv4');
    apply();
    assert.deepEqual(iptablesSnapshot(world, host, 'ipv4'), once);
    assert.deepEqual(once.filter!['xengraph-local']!.rules, ['-d 10.0.0.5 -j xengraph-inst-42']);
    assert.equal(once.filter!.FORWARD!.rules[0], '-j xengraph-filter-top', 'our jump goes before the stock REJECT path');
  });

  it('is refused whole by the simulated iptables-restore when a rule jumps to an undeclared chain', () => {
    const world = new World({ user: 'root', password: 'x', timeScale: 0 });
    const host = 'f2c3f0c5-2b1e-4a5e-9d55-6e0bd1cf1c02';
    const before = iptablesSnapshot(world, host, 'ipv4');
    assert.throws(() => iptablesRestore(world, host, 'ipv4', '*filter\n:INPUT ACCEPT [0:0]\n-A INPUT -j nowhere\nCOMMIT\n'), /line 3 failed/);
    assert.deepEqual(iptablesSnapshot(world, host, 'ipv4'), before);
  });
});
