package dev.podpath.ingest;

import dev.podpath.core.Finding;
import dev.podpath.core.InputException;
import dev.podpath.core.InputProblem;
import dev.podpath.core.SourceRef;
import dev.podpath.ingest.yaml.YamlDocument;
import dev.podpath.ingest.yaml.YamlReader;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;

/**
 * File access inside one snapshot root: names relative to the root with '/', symlinks that leave
 * the root refused (a snapshot must not make podpath read ~/.ssh), problems collected rather than
 * thrown so one run reports them all.
 */
final class SnapshotFiles {

  private final Path root;
  private final Path realRoot;
  private final List<InputProblem> problems;
  private final List<Finding> findings;

  SnapshotFiles(Path root, Path realRoot, List<InputProblem> problems, List<Finding> findings) {
    this.root = root;
    this.realRoot = realRoot;
    this.problems = problems;
    this.findings = findings;
  }

  String rel(Path p) {
    return root.relativize(p).toString().replace('\\', '/');
  }

  /** True when the path resolves inside the root; records a problem otherwise. */
  boolean inside(Path p) {
    try {
      Path real = p.toRealPath();
      if (!real.startsWith(realRoot)) {
        problems.add(new InputProblem(SourceRef.file(rel(p)), "symlink points outside the snapshot (" + real + "); refused"));
        return false;
      }
      return true;
    } catch (IOException e) {
      problems.add(new InputProblem(SourceRef.file(rel(p)), "cannot resolve path (broken symlink?): " + e.getMessage()));
      return false;
    }
  }

  /** The file's text, or null with a problem recorded (too big, not UTF-8, unreadable, escaping link). */
  String text(Path p) {
    if (!inside(p)) {
      return null;
    }
    try {
      return YamlReader.readText(p, rel(p));
    } catch (InputException e) {
      problems.addAll(e.problems());
      return null;
    }
  }

  /** Parsed documents of a YAML/JSON file, or null with the problems recorded. */
  List<YamlDocument> yaml(Path p, String text) {
    try {
      return YamlReader.read(text, rel(p));
    } catch (InputException e) {
      problems.addAll(e.problems());
      return null;
    }
  }

  /** Every regular file below {@code dir} (recursively, sorted), symlinked files checked, symlinked folders not followed. */
  List<Path> walk(Path dir) {
    List<Path> out = new ArrayList<>();
    try {
      Files.walkFileTree(dir, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
          if (attrs.isSymbolicLink() && Files.isDirectory(file)) {
            if (inside(file)) {
              findings.add(Finding.warning("input/symlinked-folder",
                  "symlinked folder is not followed; copy its files into the snapshot", SourceRef.file(rel(file))));
            }
          } else if (!attrs.isDirectory()) {
            out.add(file);
          }
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException e) {
          problems.add(new InputProblem(SourceRef.file(rel(file)), "cannot read: " + e.getClass().getSimpleName()
              .replace("AccessDeniedException", "permission denied")));
          return FileVisitResult.CONTINUE;
        }
      });
    } catch (IOException e) {
      problems.add(new InputProblem(SourceRef.file(rel(dir)), "cannot list folder: " + e.getMessage()));
    }
    out.sort(null);
    return out;
  }

  /**
   * True (and reported) when {@code p} is a symlink to a folder: refused if it leaves the root,
   * otherwise not followed with a warning, like folders met while walking.
   */
  boolean symlinkedFolder(Path p) {
    if (!Files.isSymbolicLink(p) || !Files.isDirectory(p)) {
      return false;
    }
    if (inside(p)) {
      findings.add(Finding.warning("input/symlinked-folder",
          "symlinked folder is not followed; copy its files into the snapshot", SourceRef.file(rel(p))));
    }
    return true;
  }

  static boolean isDirectory(Path p) {
    return Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS);
  }
}
