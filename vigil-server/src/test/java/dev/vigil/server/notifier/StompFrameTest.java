package dev.vigil.server.notifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StompFrameTest {

  private static StompFrame parse(String text) throws IOException {
    return StompFrame.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void writesAndReadsASendFrameWithEscapedHeaders() throws IOException {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("destination", "/queue/a:b");
    headers.put("note", "line\nbreak\\slash");
    byte[] body = "{\"x\":\"\\u0000\"}".getBytes(StandardCharsets.UTF_8);
    headers.put("content-length", Integer.toString(body.length));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new StompFrame("SEND", headers, body).write(out);

    String wire = out.toString(StandardCharsets.UTF_8);
    assertThat(wire).startsWith("SEND\ndestination:/queue/a\\cb\nnote:line\\nbreak\\\\slash\n");
    StompFrame read = StompFrame.read(new ByteArrayInputStream(out.toByteArray()));
    assertThat(read.command()).isEqualTo("SEND");
    assertThat(read.headers()).isEqualTo(headers);
    assertThat(read.body()).isEqualTo(body);
  }

  @Test
  void readsBrokerFramesAfterHeartBeats() throws IOException {
    StompFrame connected = parse("\n\r\nCONNECTED\r\nversion:1.2\nserver:RabbitMQ/4\n\n\0");
    assertThat(connected.command()).isEqualTo("CONNECTED");
    assertThat(connected.headers()).containsEntry("server", "RabbitMQ/4");
    StompFrame receipt = parse("RECEIPT\nreceipt-id:vigil-1\nreceipt-id:ignored\n\n\0");
    assertThat(receipt.headers()).containsEntry("receipt-id", "vigil-1");
  }

  @Test
  void refusesMalformedFrames() {
    assertThatThrownBy(() -> parse("MESSAGE\nbad\\x:1\n\n\0"))
        .isInstanceOf(IOException.class)
        .hasMessage("stomp: undefined escape \\x");
    assertThatThrownBy(() -> parse("MESSAGE\nno colon\n\n\0"))
        .hasMessage("stomp: malformed header line: no colon");
    assertThatThrownBy(() -> parse("MESSAGE\ncontent-length:99999999\n\n\0"))
        .hasMessage("stomp: content-length 99999999 out of range");
    assertThatThrownBy(() -> parse("MESSAGE\ncontent-length:2\n\nabc\0"))
        .hasMessage("stomp: frame body not ended by NUL");
    assertThatThrownBy(() -> parse("MESSAGE\n\nno end")).isInstanceOf(EOFException.class);
  }
}
