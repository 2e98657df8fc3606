// The throwaway PostgreSQL cluster of ./throwaway.js, in the form the dashboard's tests use: the
// binaries looked up once, and the line that says how to install them when they are missing.
import { pgBindir as findBindir, startThrowaway } from './throwaway.js'

export const pgBindir = findBindir()
export const PG_MISSING = 'PostgreSQL is not installed (apt-get install -y postgresql)'
/** Starts a cluster with extra `-c name=value` settings; `stop()` removes it. */
export const startCluster = (settings: string[] = []) => startThrowaway({ bindir: pgBindir!, settings })
