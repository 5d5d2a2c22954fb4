package dev.podpath.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A JVM killed while its run is up (SIGTERM; Ctrl-C's SIGINT takes the same shutdown-hook path)
 * leaves no namespace, daemon or run directory behind.
 */
@Tag("lab")
class LabInterruptLabTest {

  @Test
  @Timeout(60)
  void shutdownHookTearsDownWhenTheJvmIsKilled() throws Exception {
    List<String> missing = LabPreconditions.missing(new LabTopology(List.of(), List.of(), List.of()));
    assumeTrue(missing.isEmpty(), () -> "lab unavailable: " + missing);
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), LabRunInChildJvm.class.getName())
        .redirectErrorStream(true).start();
    String prefix;
    Path workDir;
    try {
      BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
      String line;
      do {
        line = out.readLine();
      } while (line != null && !line.startsWith("STARTED "));
      assertThat(line).as("child run started").isNotNull();
      String[] f = line.split(" ");
      prefix = f[1];
      workDir = Path.of(f[2]);
      assertThat(namespaces(prefix)).hasSize(3);
      assertThat(daemons(workDir)).isNotEmpty();
    } finally {
      child.destroy(); // SIGTERM: the JVM runs its shutdown hooks
    }
    assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(namespaces(prefix)).isEmpty();
    assertThat(daemons(workDir)).isEmpty();
    assertThat(Files.exists(workDir)).isFalse();
  }

  private static List<String> namespaces(String prefix) {
    return CommandRunner.run(List.of("ip", "netns", "list"), Duration.ofSeconds(5)).out().lines()
        .map(l -> l.split("\\s+")[0]).filter(n -> n.startsWith(prefix)).toList();
  }

  /** Processes whose command line names the run directory (pgrep -f only lists, never signals). */
  private static List<String> daemons(Path workDir) {
    return CommandRunner.run(List.of("pgrep", "-f", "-a", workDir.toString()), Duration.ofSeconds(5)).out().lines()
        .filter(l -> !l.contains("pgrep")).toList();
  }
}
