// scripts/lunec-launch.d.mts: types of scripts/lunec-launch.mjs (plain JS so the bundle launcher needs no tsx).
/** The worker's stack size in MiB. */
export declare const stackSizeMb: number;
/** Runs `entry` (a module URL that runs the CLI when not on the main thread) in a worker with this process's arguments. */
export declare function launch(entry: URL): void;
