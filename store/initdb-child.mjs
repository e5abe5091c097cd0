// Creates an empty PGlite data directory (initdb) at argv[2], then exits: run by store/initdb.ts
// in its own short-lived process so that initdb's memory is given back with the process.
import { PGlite } from '@electric-sql/pglite';

const pg = await PGlite.create({ dataDir: process.argv[2] });
await pg.close();
