/**
 * A lesson compiler thread (see pool.ts). A worker does not inherit its parent's module loader
 * (tsx in the CLI, Vite's own in the build), so it registers tsx before loading the TypeScript.
 */
import { register } from 'tsx/esm/api';

register();
await import(new URL('./compile-thread.ts', import.meta.url).href);
