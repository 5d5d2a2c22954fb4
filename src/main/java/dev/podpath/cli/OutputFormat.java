package dev.podpath.cli;

/** `--format` values. SARIF is only for `check`. */
enum OutputFormat {
  text,
  json,
  sarif
}
