package dev.vigil.ecosystem.rpm;

import static dev.vigil.testing.Fixtures.fixture;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The NDB reader on SUSE's SLE 15 BCI {@code Packages.db} (go-rpmdb's fixture). Debian's rpm has no
 * NDB backend, so the package list is checked against a second, independent reading of the same
 * file written here: every 16-byte block that starts with the blob magic {@code BlbS} is taken as a
 * header, whatever the slot table says, and its name, version and release tags are located by
 * walking the index entries by hand, without {@link RpmHeader}.
 */
class NdbTest {
  private static final Path SLE = fixture("pkgdb/rpm/sle15-bci/Packages.db");

  @TempDir Path tmp;

  @Test
  void readsTheSamePackagesAsAScanOfTheBlobs() throws IOException {
    RpmDatabase.Contents contents = RpmDatabase.parse(SLE);

    assertThat(contents.problems()).isEmpty();
    List<String> read =
        contents.packages().stream()
            .map(p -> p.name() + " " + p.version() + "-" + p.release())
            .toList();
    assertThat(read).hasSize(35).containsExactlyElementsOf(scanBlobs(Files.readAllBytes(SLE)));
    assertThat(read)
        .contains(
            "glibc 2.31-9.3.2",
            "bash 4.4-19.6.1",
            "libstdc++6 11.2.1+git610-1.3.9",
            "libgcrypt20 1.8.2-8.39.1",
            "sles-release 15.3-55.4.1",
            "rpm-ndb 4.14.3-40.1")
        .startsWith("system-user-root 20190513-3.3.1", "filesystem 15.0-11.3.2");
  }

  @Test
  void rejectsADamagedSlot() throws IOException {
    byte[] db = Files.readAllBytes(SLE);
    db[32] = 'X'; // the magic of slot 2, the first slot after the 32-byte file header

    RpmDatabase.Contents contents = read(db);

    assertThat(contents.packages()).isEmpty();
    assertThat(contents.problems()).containsExactly("NDB slot 2 is damaged");
  }

  @Test
  void skipsASlotPointingOutsideTheFile() throws IOException {
    byte[] db = Files.readAllBytes(SLE);
    ByteBuffer slots = ByteBuffer.wrap(db).order(ByteOrder.LITTLE_ENDIAN);
    long index = slots.getInt(32 + 4);
    slots.putInt(32 + 8, 0x7fffffff);

    RpmDatabase.Contents contents = read(db);

    assertThat(contents.packages()).hasSize(34);
    assertThat(contents.problems())
        .singleElement()
        .asString()
        .startsWith("record " + index + ": reading 16 bytes at offset 34359738352 of a");
  }

  @Test
  void skipsABlobThatDoesNotMatchItsSlot() throws IOException {
    byte[] db = Files.readAllBytes(SLE);
    ByteBuffer slots = ByteBuffer.wrap(db).order(ByteOrder.LITTLE_ENDIAN);
    slots.putInt(32 + 12, 1); // room for the blob's frame only

    RpmDatabase.Contents contents = read(db);

    assertThat(contents.packages()).hasSize(34);
    assertThat(contents.problems()).singleElement().asString().contains("does not match its slot");
  }

  @Test
  void rejectsAHeaderClaimingMoreSlotPagesThanTheFileHolds() throws IOException {
    byte[] db = Files.readAllBytes(SLE);
    ByteBuffer.wrap(db).order(ByteOrder.LITTLE_ENDIAN).putInt(12, -1);

    assertThat(read(db).problems()).containsExactly("NDB database claims 4294967295 slot pages");
  }

  private RpmDatabase.Contents read(byte[] db) throws IOException {
    Path file = tmp.resolve("Packages.db");
    Files.write(file, db);
    return RpmDatabase.parse(file);
  }

  /** "name version-release" of every blob found by its magic, in the order of package index. */
  private static List<String> scanBlobs(byte[] file) {
    ByteBuffer le = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
    java.util.TreeMap<Integer, String> byIndex = new java.util.TreeMap<>();
    for (int at = 0; at + 16 <= file.length; at += 16) {
      if (file[at] == 'B' && file[at + 1] == 'l' && file[at + 2] == 'b' && file[at + 3] == 'S') {
        int index = le.getInt(at + 4);
        int length = le.getInt(at + 12);
        byIndex.put(index, nameVersionRelease(ByteBuffer.wrap(file, at + 16, length).slice()));
      }
    }
    return new ArrayList<>(byIndex.values());
  }

  private static String nameVersionRelease(ByteBuffer blob) {
    int count = blob.getInt(0);
    int data = 8 + 16 * count;
    String[] nvr = new String[3];
    for (int k = 0; k < count; k++) {
      int tag = blob.getInt(8 + 16 * k);
      if (tag >= 1000 && tag <= 1002) {
        int start = data + blob.getInt(8 + 16 * k + 8);
        int end = start;
        while (blob.get(end) != 0) {
          end++;
        }
        byte[] text = new byte[end - start];
        blob.get(start, text);
        nvr[tag - 1000] = new String(text, StandardCharsets.UTF_8);
      }
    }
    return nvr[0] + " " + nvr[1] + "-" + nvr[2];
  }
}
