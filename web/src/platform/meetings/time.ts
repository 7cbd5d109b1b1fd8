/** The UTC instant of a wall-clock time in an IANA time zone ('2026-12-10', '14:00', 'Asia/Taipei'). */
export function zonedToUtc(date: string, time: string, timeZone: string): Date {
  const [y, m, d] = date.split('-').map(Number);
  const [h, mi] = time.split(':').map(Number);
  const wall = Date.UTC(y, m - 1, d, h, mi);
  const offsetAt = (instant: number) => {
    const parts = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    }).formatToParts(new Date(instant));
    const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
    return Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute')) - instant;
  };
  // Twice, for the hour around a change of daylight saving time.
  let instant = wall - offsetAt(wall);
  instant = wall - offsetAt(instant);
  return new Date(instant);
}

/** 'YYYY-MM-DD' and 'HH:mm' of an instant in a time zone. */
export function utcToZoned(iso: string, timeZone: string): { date: string; time: string } {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).formatToParts(new Date(iso));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '00';
  return { date: `${get('year')}-${get('month')}-${get('day')}`, time: `${get('hour')}:${get('minute')}` };
}

/** The time zones offered for meetings: the group's usual ones first, then every other the browser knows. */
export function meetingTimeZones(): string[] {
  const usual = [
    'Asia/Taipei',
    'Asia/Shanghai',
    'Asia/Kuala_Lumpur',
    'Asia/Singapore',
    'Asia/Seoul',
    'Asia/Tokyo',
    'America/Mexico_City',
    'Europe/Berlin',
    'UTC',
  ];
  let all: string[] = [];
  try {
    all = Intl.supportedValuesOf('timeZone');
  } catch {
    all = [];
  }
  return [...usual, ...all.filter((z) => !usual.includes(z))];
}
