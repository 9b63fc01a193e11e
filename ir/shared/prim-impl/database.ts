// ir/shared/prim-impl/database.ts: the 'database' group (prim_dbNull, prim_dbInt, …): each builds the
// Lune.Database constructor of the same kind (see ir/shared/prims.ts for why these exist).
import { databaseConstructors } from '../prims';
import { type Value, mkCon } from '../value';

/** prim_dbInt n = Lune.Database.DbInt n, …; prim_dbNull = Lune.Database.DbNull. */
export const databaseImpls: ReadonlyMap<string, (args: readonly Value[]) => Value> = new Map(
  [...databaseConstructors].map(([prim, con]) => [prim, (args: readonly Value[]) => mkCon(con, [...args])]),
);
