/**
 * A command-line tool as its own process, without blocking this one (a test may serve what the
 * tool reads): exit code, signal, stdout and stderr. `runData` is `npm run data -- …` (the crash
 * tests), with both streams in `out`.
 */
import { spawn } from 'node:child_process';
import { PROJECT_ROOT } from '../../src/paths.js';

export interface ToolRun {
  readonly code: number | null;
  readonly signal: string | null;
  readonly stdout: string;
  readonly stderr: string;
  /** stdout and stderr as they came. */
  readonly out: string;
}

/** `node --import tsx src/transport/cli/<tool>.ts ARGS` with `env` over this process's. */
export function runTool(
  tool: string,
  args: string[],
  env: Record<string, string>,
): Promise<ToolRun> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', `src/transport/cli/${tool}.ts`, ...args],
    {
      cwd: PROJECT_ROOT,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let stdout = '';
  let stderr = '';
  let out = '';
  child.stdout.on('data', (d) => {
    stdout += String(d);
    out += String(d);
  });
  child.stderr.on('data', (d) => {
    stderr += String(d);
    out += String(d);
  });
  return new Promise((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal, stdout, stderr, out })),
  );
}

export const runData = (args: string[], env: Record<string, string>) => runTool('data', args, env);
