/**
 * `podpath report`: one self-contained HTML page (inline CSS and SVG, no script, nothing fetched)
 * with the topology drawn, BGP sessions on it, findings, intents with their hop-by-hop traces, and
 * each host's kernel FIB. Built from the same {@link dev.podpath.analysis.CheckResult} as `check`.
 */
package dev.podpath.report.html;
