import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';

/**
 * The extensions our migrations create (btree_gist for the no-overlap constraints, pg_trgm for the
 * people search's index): every PGlite that opens our data loads them, or its queries fail.
 */
export const PGLITE_EXTENSIONS = { btree_gist, pg_trgm };
