/** host.yaml: the kernel-level facts of one host (interfaces, static routes, sysctls). */
package dev.podpath.ingest.host;
