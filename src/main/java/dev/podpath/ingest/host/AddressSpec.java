package dev.podpath.ingest.host;

import dev.podpath.core.SourceRef;
import dev.podpath.core.net.IfAddress;

/** An address with prefix length on an interface, and the line that wrote it. */
public record AddressSpec(IfAddress address, SourceRef where) {}
