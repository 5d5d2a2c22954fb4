package dev.podpath.lab;

import java.util.Objects;

/**
 * A daemon config as text, and the file it came from (snapshot-relative, used in messages such as
 * {@code hosts/w1/bird.conf:12: ...}).
 */
public record LabConfigText(String file, String text) {

  public LabConfigText {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(text, "text");
  }
}
