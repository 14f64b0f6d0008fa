// Round-robin archives as rrdd builds them (5 s steps; 10 minutes, 2 hours, a week and a year of AVERAGE
// rows) and the two documents XAPI serves from them: the whole RRD (/vm_rrd, /host_rrd) and the deltas of
// /rrd_updates, each as compact XML or as current XAPI's JSON (every number a string).
import type { DataSource, RrdSubject } from './sources.js';

export const STEP_SECONDS = 5;
/** Above half the interval unknown, a row is unknown. */
const XFF = 0.5;
const MINIMAL_HEARTBEAT = 300;

export interface Archive {
  readonly cf: 'AVERAGE';
  readonly pdpPerRow: number;
  readonly rows: number;
}

export const ARCHIVES: readonly Archive[] = [
  { cf: 'AVERAGE', pdpPerRow: 1, rows: 120 },
  { cf: 'AVERAGE', pdpPerRow: 12, rows: 120 },
  { cf: 'AVERAGE', pdpPerRow: 720, rows: 168 },
  { cf: 'AVERAGE', pdpPerRow: 17280, rows: 366 },
];

const stepOf = (archive: Archive): number => STEP_SECONDS * archive.pdpPerRow;

/** rrdd's number text: 0.0, NaN, ±Infinity, else four decimals. */
export function rrdNumber(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (value === Infinity) return 'Infinity';
  if (value === -Infinity) return '-Infinity';
  if (value === 0) return '0.0';
  return value.toFixed(4);
}

function lastReading(source: DataSource, value: number): string {
  if (Number.isNaN(value)) return '0.0';
  return source.integer ? String(Math.round(value)) : rrdNumber(value);
}

/** What a row holds for the interval (from, to] in seconds: an average rate for DERIVE, the value for GAUGE. */
export function consolidate(subject: RrdSubject, source: DataSource, from: number, to: number): number {
  const start = Math.max(from * 1000, subject.since);
  const end = Math.min(to * 1000, subject.until);
  if (end <= start || end - start < (1 - XFF) * (to - from) * 1000) return Number.NaN;
  if (source.type === 'GAUGE') return source.reading(end);
  const rate = (source.reading(end) - source.reading(start)) / subject.simulated(start, end);
  if (!Number.isFinite(rate)) return Number.NaN;
  // Rounding can push a full CPU a hair over its bound; rrdd would drop such a value, here it is clamped.
  return Math.min(source.max, Math.max(source.min, rate));
}

export interface Row {
  /** Seconds since the epoch. */
  readonly t: number;
  readonly values: readonly number[];
}

/** The row times of an archive (seconds), oldest first, ending at the last complete step before `lastUpdate`. */
function rowTimes(archive: Archive, lastUpdate: number, oldest = -Infinity): number[] {
  const step = stepOf(archive);
  const end = Math.floor(lastUpdate / step) * step;
  const times: number[] = [];
  for (let k = archive.rows - 1; k >= 0; k--) if (end - k * step >= oldest) times.push(end - k * step);
  return times;
}

function archiveRows(subject: RrdSubject, archive: Archive, times: readonly number[]): Row[] {
  const step = stepOf(archive);
  return times.map((t) => ({ t, values: subject.sources.map((source) => consolidate(subject, source, t - step, t)) }));
}

const lastUpdateOf = (subject: RrdSubject): number => Math.floor(subject.until / 1000);

// ---------------------------------------------------------------------------------------------------------
// The whole RRD

export function rrdXml(subject: RrdSubject): string {
  const lastUpdate = lastUpdateOf(subject);
  const parts = ['<?xml version="1.0" encoding="UTF-8"?>', '<rrd><version>0003</version>', `<step>${STEP_SECONDS}</step>`, `<lastupdate>${lastUpdate}</lastupdate>`];
  for (const source of subject.sources) {
    parts.push(`<ds><name>${source.name}</name><type>${source.type}</type><minimal_heartbeat>${rrdNumber(MINIMAL_HEARTBEAT)}</minimal_heartbeat>`
      + `<min>${rrdNumber(source.min)}</min><max>${rrdNumber(source.max)}</max><last_ds>${lastReading(source, source.reading(subject.until))}</last_ds>`
      + '<value>0.0</value><unknown_sec>0</unknown_sec></ds>');
  }
  const prep = '<ds><primary_value>0.0</primary_value><secondary_value>0.0</secondary_value><value>0.0</value><unknown_datapoints>0</unknown_datapoints></ds>';
  for (const archive of ARCHIVES) {
    parts.push(`<rra><cf>${archive.cf}</cf><pdp_per_row>${archive.pdpPerRow}</pdp_per_row><params><xff>${rrdNumber(XFF)}</xff></params>`);
    parts.push(`<cdp_prep>${prep.repeat(subject.sources.length)}</cdp_prep><database>`);
    for (const row of archiveRows(subject, archive, rowTimes(archive, lastUpdate))) {
      parts.push(`<row>${row.values.map((v) => `<v>${rrdNumber(v)}</v>`).join('')}</row>`);
    }
    parts.push('</database></rra>');
  }
  parts.push('</rrd>');
  return parts.join('');
}

export function rrdJson(subject: RrdSubject): string {
  const lastUpdate = lastUpdateOf(subject);
  const prep = { primary_value: '0.0', secondary_value: '0.0', value: '0.0', unknown_datapoints: '0' };
  return JSON.stringify({
    version: '0003', step: String(STEP_SECONDS), lastupdate: String(lastUpdate),
    ds: subject.sources.map((source) => ({
      name: source.name, type: source.type, minimal_heartbeat: rrdNumber(MINIMAL_HEARTBEAT), min: rrdNumber(source.min),
      max: rrdNumber(source.max), last_ds: lastReading(source, source.reading(subject.until)), value: '0.0', unknown_sec: '0',
      last_updated: String(lastUpdate),
    })),
    rra: ARCHIVES.map((archive) => ({
      cf: archive.cf, pdp_per_row: String(archive.pdpPerRow), params: { xff: rrdNumber(XFF) },
      cdp_prep: { ds: subject.sources.map(() => prep) },
      database: archiveRows(subject, archive, rowTimes(archive, lastUpdate)).map((row) => row.values.map(rrdNumber)),
    })),
  });
}

// ---------------------------------------------------------------------------------------------------------
// /rrd_updates

export interface UpdatesQuery {
  /** Seconds since the epoch; negative: relative to the last update. */
  readonly start: number;
  /** The coarsest step wanted, in seconds (0: the finest archive that covers `start`). */
  readonly interval: number;
  /** Only this consolidation function; all when null. */
  readonly cf: string | null;
}

export interface Updates {
  readonly start: number;
  readonly step: number;
  readonly end: number;
  readonly legend: readonly string[];
  /** Newest first. */
  readonly rows: readonly Row[];
}

/** The archive whose step is at least the interval and which still reaches back to `start`; else the longest. */
function archiveFor(interval: number, start: number, lastUpdate: number): Archive {
  return ARCHIVES.find((archive) => {
    const step = stepOf(archive);
    const oldest = Math.floor(lastUpdate / step) * step - (archive.rows - 1) * step;
    return step >= interval && oldest <= start;
  }) ?? ARCHIVES.at(-1)!;
}

/** Host first, then VMs, each RRD's sources in order; rows from the last step back to `start`. */
export function rrdUpdates(subjects: readonly RrdSubject[], query: UpdatesQuery, now = Date.now()): Updates {
  const lastUpdate = Math.floor(now / 1000);
  const start = query.start < 0 ? lastUpdate + query.start : query.start;
  const archive = archiveFor(query.interval, start, lastUpdate);
  const step = stepOf(archive);
  const wanted = query.cf === null || query.cf.toUpperCase() === archive.cf ? subjects : [];
  const legend = wanted.flatMap((subject) => subject.sources.map((source) => `${archive.cf}:${subject.kind}:${subject.uuid}:${source.name}`));
  const times = rowTimes(archive, lastUpdate, start);
  const columns = wanted.map((subject) => archiveRows(subject, archive, times));
  const rows = times.map((t, i) => ({ t, values: columns.flatMap((subjectRows) => subjectRows[i].values) })).reverse();
  return {
    start: times[0] ?? Math.ceil(start / step) * step, step, end: Math.floor(lastUpdate / step) * step, legend, rows,
  };
}

export function updatesXml(updates: Updates): string {
  const meta = `<meta><start>${updates.start}</start><step>${updates.step}</step><end>${updates.end}</end><rows>${updates.rows.length}</rows>`
    + `<columns>${updates.legend.length}</columns><legend>${updates.legend.map((entry) => `<entry>${entry}</entry>`).join('')}</legend></meta>`;
  const data = updates.rows.map((row) => `<row><t>${row.t}</t>${row.values.map((v) => `<v>${rrdNumber(v)}</v>`).join('')}</row>`).join('');
  return `<?xml version="1.0" encoding="UTF-8"?><xport>${meta}<data>${data}</data></xport>`;
}

export function updatesJson(updates: Updates): string {
  return JSON.stringify({
    meta: {
      start: String(updates.start), step: String(updates.step), end: String(updates.end), rows: String(updates.rows.length),
      columns: String(updates.legend.length), legend: updates.legend,
    },
    data: updates.rows.map((row) => ({ t: String(row.t), values: row.values.map(rrdNumber) })),
  });
}
