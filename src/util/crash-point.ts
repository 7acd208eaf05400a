/**
 * Fault-injection seam for crash tests: when SOLIEU_CRASH_AT names this point, the process
 * kills itself with SIGKILL right here, so a test hits every step of a commit on every run
 * instead of guessing with sleeps.
 */
export function crashPoint(name: string): void {
  const at = process.env.SOLIEU_CRASH_AT;
  if (!at) return;
  // "name#N": the N-th time this point is passed (a replica killed halfway through a campaign)
  const [point, nth] = at.split('#');
  if (point !== name) return;
  const count = (passed.get(name) ?? 0) + 1;
  passed.set(name, count);
  if (!nth || count >= Number(nth)) process.kill(process.pid, 'SIGKILL');
}

const passed = new Map<string, number>();
