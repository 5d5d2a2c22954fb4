package dev.podpath.lab;

/** Progress of a lab run, one short line per step (the CLI prints them to stderr). */
@FunctionalInterface
public interface LabListener {

  LabListener NONE = message -> {};

  void progress(String message);
}
