package dev.podpath.controlplane;

import dev.podpath.controlplane.spi.SessionContext;

/** An Established session: both ends with the context each daemon gets. */
public record EstablishedSession(DaemonRef a, SessionContext aSide, DaemonRef b, SessionContext bSide) {}
