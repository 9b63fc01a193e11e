// scripts/lunec-worker.mjs: the entry of lunec's worker thread. Worker threads do not inherit tsx's
// loader, so it is registered here before loading the TypeScript CLI (which then runs in this thread).
import { register } from 'tsx/esm/api';

register();
await import('./lunec.ts');
