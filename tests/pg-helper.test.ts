/**
 * The PostgreSQL test helper fails at once with the reason when the server's user cannot reach
 * the binaries (issue 22: a checkout under a private folder, run as root), instead of timing out.
 */
import { chmodSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { closedFolders } from './support/postgres.js';

describe('the PostgreSQL helper', () => {
  it('names the folders another user cannot pass through', () => {
    const base = mkdtempSync(join(tmpdir(), 'solieu-private-'));
    try {
      mkdirSync(join(base, 'project', 'bin'), { recursive: true });
      chmodSync(base, 0o700);
      const other = (process.getuid?.() ?? 0) + 4242;
      const closed = closedFolders(join(base, 'project', 'bin', 'postgres'), other);
      expect(closed.some((c) => c.startsWith(`${base} (700)`))).toBe(true);
      chmodSync(base, 0o755);
      expect(
        closedFolders(join(base, 'project', 'bin', 'postgres'), other).some((c) =>
          c.startsWith(base),
        ),
      ).toBe(false);
    } finally {
      rmSync(base, { recursive: true, force: true });
    }
  });
});
