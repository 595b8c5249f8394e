package dev.vigil.layer;

import dev.vigil.model.Digest;
import dev.vigil.spi.ScanException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A root filesystem held in a directory, read as a single layer (the {@code dir:} input).
 *
 * <p>Entries come depth first, a directory before its contents and the children of each directory
 * sorted by name. Symbolic links are reported as {@link LayerEntry.Type#SYMLINK} with their target
 * and never followed. A file the process may not read is reported as {@link LayerEntry.Type#OTHER}
 * and a directory it may not list as empty, so reading never fails on permissions.
 *
 * <p>The digest is computed once, when the layer is created: the sha256 over every entry in that
 * order, each contributing the UTF-8 bytes of {@code path NUL type NUL linkTarget NUL size NUL}
 * (type as the {@link LayerEntry.Type} name, an empty link target for non-links, size in decimal, 0
 * for non-files) followed by the file's bytes. The same tree thus always has the same digest.
 */
public final class DirectoryLayer implements LayerSource {
  private final Path root;
  private final Digest digest;

  private DirectoryLayer(Path root, Digest digest) {
    this.root = root;
    this.digest = digest;
  }

  /**
   * Opens a root filesystem directory, reading it whole once to compute the digest.
   *
   * @throws ScanException when {@code root} is not a directory
   * @throws IOException when reading it fails
   */
  public static DirectoryLayer of(Path root) throws IOException {
    if (!Files.isDirectory(root)) {
      throw new ScanException("dir: not a directory: " + root);
    }
    MessageDigest sha256 = Digest.newSha256();
    walk(root, "", entry -> hash(sha256, entry));
    return new DirectoryLayer(root, Digest.sha256(sha256));
  }

  /** The directory holding the root filesystem. */
  public Path root() {
    return root;
  }

  @Override
  public Digest digest() {
    return digest;
  }

  @Override
  public void read(LayerEntry.Visitor visitor) throws IOException {
    walk(root, "", visitor);
  }

  /** The layer as {@code DirectoryLayer[root, digest]}. */
  @Override
  public String toString() {
    return "DirectoryLayer[" + root + ", " + digest + "]";
  }

  private static void hash(MessageDigest sha256, LayerEntry entry) throws IOException {
    String header =
        entry.path()
            + '\0'
            + entry.type().name()
            + '\0'
            + entry.linkTarget()
            + '\0'
            + entry.size()
            + '\0';
    sha256.update(header.getBytes(StandardCharsets.UTF_8));
    entry.content().transferTo(new DigestOutputStream(OutputStream.nullOutputStream(), sha256));
  }

  private static void walk(Path dir, String prefix, LayerEntry.Visitor visitor) throws IOException {
    List<Path> children;
    try (Stream<Path> listing = Files.list(dir)) {
      children = listing.sorted((a, b) -> name(a).compareTo(name(b))).toList();
    } catch (AccessDeniedException e) {
      return;
    }
    for (Path child : children) {
      String path = prefix + name(child);
      BasicFileAttributes attributes =
          Files.readAttributes(child, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      if (attributes.isSymbolicLink()) {
        String target = Files.readSymbolicLink(child).toString();
        visitor.visit(new LayerEntry(path, LayerEntry.Type.SYMLINK, target, 0, empty()));
      } else if (attributes.isDirectory()) {
        visitor.visit(new LayerEntry(path, LayerEntry.Type.DIRECTORY, "", 0, empty()));
        walk(child, path + "/", visitor);
      } else if (attributes.isRegularFile()) {
        visitFile(child, path, attributes.size(), visitor);
      } else {
        visitor.visit(new LayerEntry(path, LayerEntry.Type.OTHER, "", 0, empty()));
      }
    }
  }

  private static void visitFile(Path file, String path, long size, LayerEntry.Visitor visitor)
      throws IOException {
    InputStream content;
    try {
      content = Files.newInputStream(file);
    } catch (AccessDeniedException e) {
      visitor.visit(new LayerEntry(path, LayerEntry.Type.OTHER, "", 0, empty()));
      return;
    }
    try (content) {
      visitor.visit(
          new LayerEntry(path, LayerEntry.Type.FILE, "", size, content, isExecutable(file)));
    }
  }

  private static boolean isExecutable(Path file) throws IOException {
    try {
      Set<PosixFilePermission> permissions =
          Files.getPosixFilePermissions(file, LinkOption.NOFOLLOW_LINKS);
      return permissions.contains(PosixFilePermission.OWNER_EXECUTE)
          || permissions.contains(PosixFilePermission.GROUP_EXECUTE)
          || permissions.contains(PosixFilePermission.OTHERS_EXECUTE);
    } catch (UnsupportedOperationException e) {
      return false;
    }
  }

  private static String name(Path path) {
    return path.getFileName().toString();
  }

  private static InputStream empty() {
    return InputStream.nullInputStream();
  }
}
