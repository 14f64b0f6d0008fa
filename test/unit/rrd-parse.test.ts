// The RRD parsers of the XAPI client: rrdd's compact documents and the same laid out with whitespace (which
// broke Nova's positional parser), NaN and Infinity, and the newest known value per data source.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { latestValues, parseRrd, parseRrdUpdates, RrdFormatError } from '../../src/xapi/rrd.js';

const PREP = '<ds><primary_value>0.0</primary_value><secondary_value>0.0</secondary_value><value>0.0</value><unknown_datapoints>0</unknown_datapoints></ds>';

const COMPACT = '<?xml version="1.0" encoding="UTF-8"?><rrd><version>0003</version><step>5</step><lastupdate>1700000100</lastupdate>'
  + '<ds><name>cpu0</name><type>DERIVE</type><minimal_heartbeat>300.0000</minimal_heartbeat><min>0.0</min><max>1.0000</max><last_ds>5321.7700</last_ds><value>0.0</value><unknown_sec>0</unknown_sec></ds>'
  + '<ds><name>vif_0_rx</name><type>DERIVE</type><minimal_heartbeat>300.0000</minimal_heartbeat><min>0.0</min><max>Infinity</max><last_ds>123456</last_ds><value>0.0</value><unknown_sec>0</unknown_sec></ds>'
  + `<rra><cf>AVERAGE</cf><pdp_per_row>1</pdp_per_row><params><xff>0.5000</xff></params><cdp_prep>${PREP}${PREP}</cdp_prep>`
  + '<database><row><v>0.0210</v><v>2048.0000</v></row><row><v>0.0187</v><v>4096.5000</v></row><row><v>NaN</v><v>1024.0000</v></row></database></rra>'
  + `<rra><cf>AVERAGE</cf><pdp_per_row>12</pdp_per_row><params><xff>0.5000</xff></params><cdp_prep>${PREP}${PREP}</cdp_prep>`
  + '<database><row><v>0.0300</v><v>Infinity</v></row></database></rra></rrd>';

describe('parseRrd', () => {
  it('reads data sources, their last readings and every archive oldest row first', () => {
    const rrd = parseRrd(COMPACT);
    assert.equal(rrd.step, 5);
    assert.equal(rrd.lastUpdate, 1700000100);
    assert.deepEqual(rrd.dataSources, [
      { name: 'cpu0', type: 'DERIVE', lastReading: 5321.77 },
      { name: 'vif_0_rx', type: 'DERIVE', lastReading: 123456 },
    ]);
    assert.deepEqual(rrd.archives.map((a) => [a.cf, a.pdpPerRow, a.rows.length]), [['AVERAGE', 1, 3], ['AVERAGE', 12, 1]]);
    assert.ok(Number.isNaN(rrd.archives[0].rows[2][0]));
    assert.equal(rrd.archives[1].rows[0][1], Infinity);
  });

  it('takes the same document laid out with whitespace', () => {
    const pretty = COMPACT.replace(/></g, '>\n  <');
    assert.deepEqual(parseRrd(pretty), parseRrd(COMPACT));
  });

  it('gives each source its newest known value from the first archive', () => {
    assert.deepEqual([...latestValues(parseRrd(COMPACT))], [['cpu0', 0.0187], ['vif_0_rx', 1024]]);
  });

  it('refuses what is not an RRD', () => {
    assert.throws(() => parseRrd('<html><body>404</body></html>'), RrdFormatError);
  });
});

describe('parseRrdUpdates', () => {
  it('reads the legend and the rows, newest first as sent', () => {
    const updates = parseRrdUpdates('<?xml version="1.0" encoding="UTF-8"?><xport><meta><start>1700000090</start><step>5</step>'
      + '<end>1700000100</end><rows>2</rows><columns>2</columns><legend><entry>AVERAGE:host:h1:cpu0</entry><entry>AVERAGE:vm:v1:memory</entry></legend></meta>'
      + '<data><row><t>1700000100</t><v>0.0312</v><v>1073741824.0000</v></row><row><t>1700000095</t><v>NaN</v><v>0.0</v></row></data></xport>');
    assert.deepEqual([updates.start, updates.step, updates.end], [1700000090, 5, 1700000100]);
    assert.deepEqual(updates.legend, ['AVERAGE:host:h1:cpu0', 'AVERAGE:vm:v1:memory']);
    assert.deepEqual(updates.rows[0], { t: 1700000100, values: [0.0312, 1073741824] });
    assert.equal(updates.rows[1].t, 1700000095);
    assert.ok(Number.isNaN(updates.rows[1].values[0]));
  });
});
