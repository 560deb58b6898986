/** Test clusters are the central server's local clusters (system PostgreSQL 15, or the one from npm). */
export { freePort, startLocalCluster as startPostgresCluster, type LocalCluster as PostgresCluster } from '../../src/server/local-postgres/local-cluster';
