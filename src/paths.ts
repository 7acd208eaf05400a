/** Where the project's bundled files live, whatever the working directory. */
import { fileURLToPath } from 'node:url';

export const PROJECT_ROOT = fileURLToPath(new URL('../', import.meta.url));
export const BUNDLED_FACTS = fileURLToPath(new URL('../data/facts.json', import.meta.url));
