/**
 * Values every stage shares: where a thing came from ({@link dev.podpath.core.SourceRef}), what
 * podpath says about it ({@link dev.podpath.core.Finding}), and why an input was refused
 * ({@link dev.podpath.core.InputException}). Depends on nothing else in podpath.
 */
package dev.podpath.core;
