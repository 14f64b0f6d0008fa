// XAPI's datetime wire form: basic date, extended time, UTC (`20240101T12:34:56Z`).
export function xapiDate(date: Date): string {
  const iso = date.toISOString(); // 2024-01-01T12:34:56.789Z
  return `${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}T${iso.slice(11, 19)}Z`;
}

export const xapiNow = (): string => xapiDate(new Date());
