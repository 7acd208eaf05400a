/** The push service of `npm run push`, on the files of STATE_DIR, outside the bot process. */
import type { Logger } from 'pino';
import type { Config } from '../config.js';
import type { PushService } from '../push/push-service.js';
import type { FactStore } from '../store/fact-store.js';
import { openFileDeployment } from './deployment.js';

/**
 * Subscriptions and the push service on STATE_DIR (`npm run push`), sending through an Api
 * without auto-retry (the campaign runner paces itself).
 */
export async function openPush(
  config: Config,
  store: FactStore,
  log: Logger,
): Promise<{ push: PushService }> {
  const d = await openFileDeployment(config, store, log);
  return { push: d.push as PushService };
}
