/** picocli commands: parse arguments, run the pipeline, print. The only package that prints. */
package dev.podpath.cli;
