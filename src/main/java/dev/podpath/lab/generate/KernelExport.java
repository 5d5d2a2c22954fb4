package dev.podpath.lab.generate;

/** What a bird kernel protocol exports to the kernel; NO_PROTOCOL writes none at all. */
enum KernelExport {
  ALL,
  NONE,
  FILTERED,
  NO_PROTOCOL
}
