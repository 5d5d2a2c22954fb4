/**
 * Loading a snapshot directory (docs/snapshot.md): {@link dev.podpath.ingest.SnapshotLoader} reads
 * every file with the format readers of the sub-packages and returns one
 * {@link dev.podpath.ingest.Snapshot}, or throws one InputException listing every problem.
 */
package dev.podpath.ingest;
