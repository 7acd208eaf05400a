/**
 * The admin list: ADMIN_IDS from the configuration plus those added by command (kept in
 * STATE_DIR/admins.json).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Low } from 'lowdb';
import { JSONFile } from 'lowdb/node';

export class AdminList {
  private constructor(
    private readonly fixed: ReadonlySet<number>,
    private readonly db: Low<{ added: number[]; removed: number[] }>,
  ) {}

  static async open(stateDir: string, fixed: readonly number[]): Promise<AdminList> {
    mkdirSync(stateDir, { recursive: true });
    const db = new Low(
      new JSONFile<{ added: number[]; removed: number[] }>(join(stateDir, 'admins.json')),
      { added: [], removed: [] },
    );
    await db.read();
    return new AdminList(new Set(fixed), db);
  }

  has(id: number): boolean {
    return (
      (this.fixed.has(id) || this.db.data.added.includes(id)) && !this.db.data.removed.includes(id)
    );
  }

  all(): number[] {
    return [...new Set([...this.fixed, ...this.db.data.added])].filter((id) => this.has(id));
  }

  async add(id: number): Promise<void> {
    this.db.data.removed = this.db.data.removed.filter((x) => x !== id);
    if (!this.db.data.added.includes(id)) this.db.data.added.push(id);
    await this.db.write();
  }

  async remove(id: number): Promise<void> {
    this.db.data.added = this.db.data.added.filter((x) => x !== id);
    if (!this.db.data.removed.includes(id)) this.db.data.removed.push(id);
    await this.db.write();
  }
}
