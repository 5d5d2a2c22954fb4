package dev.podpath.ingest.bird;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class BirdSmokeTest {
  @Test
  void smoke() throws Exception {
    for (String f : System.getProperty("smoke.files", "").split(",")) {
      if (f.isBlank()) continue;
      BirdParseResult r = BirdConfigParser.parse(Files.readString(Path.of(f)), f, IncludeResolver.none(), BirdVersion.V2_0_12);
      System.out.println("== " + f + " " + r.status() + " accepted=" + r.acceptedByBird());
      r.warnings().forEach(w -> System.out.println("  " + w.severity() + " " + w.where() + " " + w.code() + " " + w.message()));
      System.out.println("  " + r.config());
    }
  }
}
