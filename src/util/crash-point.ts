/**
 * Fault-injection seam for crash tests: when SOLIEU_CRASH_AT names this point, the process
 * kills itself with SIGKILL right here, so a test hits every step of a commit on every run
 * instead of guessing with sleeps.
 */
export function crashPoint(name: string): void {
  if (process.env.SOLIEU_CRASH_AT === name) process.kill(process.pid, 'SIGKILL');
}
