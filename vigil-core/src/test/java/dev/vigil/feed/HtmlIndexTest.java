package dev.vigil.feed;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlIndexTest {

  @Test
  void keepsOnlyRelativeChildLinks() {
    String page =
        """
        <html><head><title>Index of /</title></head><body>
        <h1>Index of /</h1><hr><pre><a href="../">../</a>
        <a href="edge/">edge/</a>                                   31-Dec-2024 10:01   -
        <a href="v3.10/">v3.10/</a>                                 01-May-2022 13:37   -
        <A HREF='v3.9/'>v3.9/</A>
        <a class="x" href=license.txt>license.txt</a>
        <a href="./last-update">last-update</a>
        <a href="v3.10/">again</a>
        <a href="https://alpinelinux.org/">home</a>
        <a href="/absolute/">abs</a>
        <a href="?C=M;O=A">sort</a>
        <a href="#top">top</a>
        <a href="mailto:security@alpinelinux.org">mail</a>
        </pre><hr></body></html>
        """;

    assertThat(HtmlIndex.relativeLinks(page))
        .containsExactly("edge/", "v3.10/", "v3.9/", "license.txt", "last-update");
  }
}
