package dev.podpath.ingest.collect;

import java.util.Optional;

/** The Cilium version in an agent image reference (registry/cilium/cilium:v1.18.6@sha256:...). */
final class ImageTag {

  private ImageTag() {}

  static Optional<String> version(String image) {
    if (image == null) {
      return Optional.empty();
    }
    String ref = image.contains("@") ? image.substring(0, image.indexOf('@')) : image;
    int slash = ref.lastIndexOf('/');
    int colon = ref.lastIndexOf(':');
    if (colon <= slash) {
      return Optional.empty();
    }
    String repo = ref.substring(slash + 1, colon);
    String tag = ref.substring(colon + 1);
    if (!repo.startsWith("cilium")) {
      return Optional.empty();
    }
    String v = tag.startsWith("v") ? tag.substring(1) : tag;
    String[] parts = v.split("[.-]");
    if (parts.length < 2 || !parts[0].chars().allMatch(Character::isDigit) || !parts[1].chars().allMatch(Character::isDigit)
        || parts[0].isEmpty() || parts[1].isEmpty()) {
      return Optional.empty();
    }
    boolean patch = parts.length > 2 && !parts[2].isEmpty() && parts[2].chars().allMatch(Character::isDigit);
    return Optional.of(parts[0] + "." + parts[1] + (patch ? "." + parts[2] : ""));
  }
}
