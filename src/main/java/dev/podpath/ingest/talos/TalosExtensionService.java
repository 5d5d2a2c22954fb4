package dev.podpath.ingest.talos;

import dev.podpath.core.SourceRef;
import dev.podpath.ingest.yaml.YamlDocument;
import java.util.List;

/**
 * An ExtensionServiceConfig document (TAL pkg/machinery/config/types/runtime/extensions/
 * service_config.go): the service name and the files Talos mounts read-only into its container.
 */
public record TalosExtensionService(String host, String name, List<ConfigFile> configFiles, YamlDocument doc) {

  public TalosExtensionService {
    configFiles = List.copyOf(configFiles);
  }

  /**
   * One configFiles[] entry. {@code contentStart} is the file and line where line 1 of
   * {@code content} is written: for a literal block ({@code content: |}) that is the line after
   * the key and line n of the content is line {@code contentStart.line() + n - 1} of the Talos file
   * ({@code exactLines} true). For folded ({@code >}) or quoted/plain scalars YAML rewrites line
   * breaks, so {@code contentStart} is only where the content begins ({@code exactLines} false).
   */
  public record ConfigFile(String mountPath, String content, SourceRef contentStart, boolean exactLines, SourceRef where) {}
}
