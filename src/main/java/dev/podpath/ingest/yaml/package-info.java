/** Safe YAML/JSON reading with a line for every key: the base of every YAML-shaped input. */
package dev.podpath.ingest.yaml;
