package dev.podpath.lab;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** Outputs captured from the real daemons in the lab (bird2 2.0.12, frr 8.4.4, gobgpd 3.10, iproute2), 2026-11-26. */
final class Samples {

  private Samples() {}

  static String read(String name) {
    try (InputStream in = Samples.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalArgumentException("no test resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
