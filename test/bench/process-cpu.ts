import fs from 'node:fs';

/** Clock ticks of /proc's stat fields: 100 a second on Linux. */
const MS_PER_TICK = 10;

/** The fields of /proc/<pid>/stat after the command name (which may hold spaces), or null when it cannot be read. */
function statFields(pid: number): string[] | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  } catch {
    return null;
  }
}

/** The CPU time a process has used so far (Linux's /proc, in ticks of 10 ms), or null where it cannot be read. */
export function processCpuMs(pid: number): number | null {
  const fields = statFields(pid);
  return fields ? (Number(fields[11]) + Number(fields[12])) * MS_PER_TICK : null;
}

/**
 * The CPU time of a process and all its children so far — those running and those it has reaped — or
 * null where /proc cannot be read: PostgreSQL's postmaster and its backends, whichever came and went.
 */
export function processTreeCpuMs(pid: number): number | null {
  const own = statFields(pid);
  if (!own) return null;
  // utime, stime, then the reaped children's cutime, cstime.
  let ticks = Number(own[11]) + Number(own[12]) + Number(own[13]) + Number(own[14]);
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const fields = statFields(Number(entry));
    // Field 4 (ppid) is the second after the name.
    if (fields && Number(fields[1]) === pid) ticks += Number(fields[11]) + Number(fields[12]);
  }
  return ticks * MS_PER_TICK;
}
