/** Renders results as text, JSON (the output contract), and later SARIF and HTML. Never prints. */
package dev.podpath.report;
