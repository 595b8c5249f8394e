package dev.vigil.image;

import dev.vigil.model.Digest;
import dev.vigil.spi.ScanException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;

/** The files of an image input held in a directory, such as an OCI image layout. */
final class DirectoryFiles implements ImageFiles {
  private final Path root;
  private final String component;

  DirectoryFiles(Path root, String component) {
    this.root = root;
    this.component = component;
  }

  @Override
  public String location() {
    return root.toString();
  }

  @Override
  public boolean exists(String name) {
    return Files.isRegularFile(root.resolve(name));
  }

  @Override
  public InputStream open(String name) throws IOException {
    if (!exists(name)) {
      throw new ScanException(component + ": " + root + " has no " + name);
    }
    return Files.newInputStream(root.resolve(name));
  }

  @Override
  public Digest sha256(String name) throws IOException {
    MessageDigest sha256 = Digest.newSha256();
    try (InputStream in = open(name)) {
      in.transferTo(new DigestOutputStream(OutputStream.nullOutputStream(), sha256));
    }
    return Digest.sha256(sha256);
  }
}
