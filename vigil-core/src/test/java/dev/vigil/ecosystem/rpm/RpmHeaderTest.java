package dev.vigil.ecosystem.rpm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.spi.ScanException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class RpmHeaderTest {
  private static final byte[] OPENSSL =
      TestHeaders.header(
          RpmHeader.NAME, "openssl", RpmHeader.EPOCH, 1, RpmHeader.VERSION, "1.1.1k");

  @Test
  void readsStringsAndIntegers() throws ScanException {
    RpmHeader header = RpmHeader.parse(OPENSSL);

    assertThat(header.string(RpmHeader.NAME)).contains("openssl");
    assertThat(header.string(RpmHeader.VERSION)).contains("1.1.1k");
    assertThat(header.int32(RpmHeader.EPOCH)).hasValue(1);
    assertThat(header.string(RpmHeader.RELEASE)).isEmpty();
    assertThat(header.int32(RpmHeader.SOURCERPM)).isEmpty();
  }

  @Test
  void laterEntriesOfATagWin() throws ScanException {
    byte[] blob = TestHeaders.header(RpmHeader.NAME, "region", RpmHeader.NAME, "dribble");

    assertThat(RpmHeader.parse(blob).string(RpmHeader.NAME)).contains("dribble");
  }

  @Test
  void rejectsBlobsTooShortForTheirCounts() {
    assertThatThrownBy(() -> RpmHeader.parse(new byte[5]))
        .isInstanceOf(ScanException.class)
        .hasMessage("header of 5 bytes is too short");
    assertThatThrownBy(() -> RpmHeader.parse(Arrays.copyOf(OPENSSL, OPENSSL.length - 1)))
        .isInstanceOf(ScanException.class)
        .hasMessageContaining("needs " + OPENSSL.length + " bytes");
  }

  @Test
  void rejectsHostileCounts() {
    assertThatThrownBy(() -> RpmHeader.parse(withInt(OPENSSL, 0, 0x7fffffff)))
        .isInstanceOf(ScanException.class)
        .hasMessage("header has 2147483647 index entries");
    assertThatThrownBy(() -> RpmHeader.parse(withInt(OPENSSL, 0, 0)))
        .isInstanceOf(ScanException.class)
        .hasMessage("header has 0 index entries");
    assertThatThrownBy(() -> RpmHeader.parse(withInt(OPENSSL, 4, -1)))
        .isInstanceOf(ScanException.class)
        .hasMessage("header data of 4294967295 bytes");
  }

  @Test
  void rejectsEntriesPointingOutOfTheData() {
    // entry 0 is NAME; its offset field is at 8 + 8
    assertThatThrownBy(() -> RpmHeader.parse(withInt(OPENSSL, 16, 1 << 20)))
        .isInstanceOf(ScanException.class)
        .hasMessage("header entry 0 (tag 1000) is out of bounds");
    assertThatThrownBy(() -> RpmHeader.parse(withInt(OPENSSL, 16, -8)))
        .isInstanceOf(ScanException.class);
    assertThatThrownBy(() -> RpmHeader.parse(withInt(OPENSSL, 12, 42)))
        .isInstanceOf(ScanException.class)
        .hasMessage("header entry 0 (tag 1000) is out of bounds");
  }

  @Test
  void rejectsAStringThatRunsPastTheData() throws ScanException {
    byte[] blob = OPENSSL.clone();
    blob[blob.length - 1] = 'x'; // the terminator of the last string, VERSION

    RpmHeader header = RpmHeader.parse(blob);

    assertThatThrownBy(() -> header.string(RpmHeader.VERSION))
        .isInstanceOf(ScanException.class)
        .hasMessage("tag 1001 runs past the end of the header");
  }

  @Test
  void rejectsValuesOfTheWrongTypeOrPlace() throws ScanException {
    RpmHeader header = RpmHeader.parse(OPENSSL);
    assertThatThrownBy(() -> header.int32(RpmHeader.NAME))
        .isInstanceOf(ScanException.class)
        .hasMessage("tag 1000 is not an INT32 value");
    assertThatThrownBy(() -> header.string(RpmHeader.EPOCH))
        .isInstanceOf(ScanException.class)
        .hasMessage("tag 1003 has type 4, not a string");

    // EPOCH is entry 1; move its value to the very end of the data
    int dataLength = ByteBuffer.wrap(OPENSSL).getInt(4);
    RpmHeader misplaced = RpmHeader.parse(withInt(OPENSSL, 8 + 16 + 8, dataLength - 2));
    assertThatThrownBy(() -> misplaced.int32(RpmHeader.EPOCH))
        .isInstanceOf(ScanException.class)
        .hasMessage("tag 1003 lies outside the header data");
  }

  private static byte[] withInt(byte[] blob, int at, int value) {
    byte[] copy = blob.clone();
    ByteBuffer.wrap(copy).putInt(at, value);
    return copy;
  }
}
