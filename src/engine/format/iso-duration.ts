// ISO 8601 durations as Azure's services and az (through isodate) read and write them: `PT1M`,
// `PT1H30M`, `P1D`. az normalizes --interval this way before sending it; Azure Monitor answers
// with its time grain in the same spelling.

/** Seconds in `P[nW][nD][T[nH][nM][nS]]`, or undefined when the text is not such a duration. */
export function parseDuration(text: string): number | undefined {
  const m = /^P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/i.exec(text);
  if (!m || !/\d/.test(text)) return undefined;
  return (((Number(m[1] ?? 0) * 7 + Number(m[2] ?? 0)) * 24 + Number(m[3] ?? 0)) * 60 + Number(m[4] ?? 0)) * 60 + Number(m[5] ?? 0);
}

/** isodate's duration_isoformat of a number of seconds: days, then hours, minutes, seconds; `P0D` for none. */
export function formatDuration(seconds: number): string {
  const days = Math.floor(seconds / 86400);
  const rest = seconds - days * 86400;
  const h = Math.floor(rest / 3600);
  const min = Math.floor((rest % 3600) / 60);
  const s = rest % 60;
  const time = `${h ? `${h}H` : ''}${min ? `${min}M` : ''}${s ? `${s}S` : ''}`;
  const text = `P${days ? `${days}D` : ''}${time ? `T${time}` : ''}`;
  return text === 'P' ? 'P0D' : text;
}
