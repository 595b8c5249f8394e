package dev.vigil.ecosystem.oval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ConjunctionsTest {
  private static OvalDocument.Criterion criterion(String test, boolean negate) {
    return new OvalDocument.Criterion(test, "", negate);
  }

  private static OvalDocument.Criteria node(
      String operator, boolean negate, List<OvalDocument.Criteria> children, String... tests) {
    return new OvalDocument.Criteria(
        operator,
        negate,
        children,
        java.util.Arrays.stream(tests).map(t -> criterion(t, t.startsWith("!"))).toList());
  }

  private static List<String> render(OvalDocument.Criteria tree) {
    return Conjunctions.of(tree).orElseThrow().stream()
        .map(
            c ->
                String.join(
                    " ",
                    c.stream()
                        .map(
                            l ->
                                (l.negated() ? "-" : "") + l.criterion().testRef().replace("!", ""))
                        .toList()))
        .toList();
  }

  @Test
  void expandsAndOverOr() {
    OvalDocument.Criteria tree =
        node(
            "AND",
            false,
            List.of(node("OR", false, List.of(), "b", "c"), node("OR", false, List.of(), "d")),
            "a");

    assertThat(render(tree)).containsExactly("b d a", "c d a");
  }

  @Test
  void pushesNegationDownByDeMorgan() {
    OvalDocument.Criteria tree =
        node("AND", false, List.of(node("AND", true, List.of(), "b", "!c")), "a");

    assertThat(render(tree)).containsExactly("-b a", "c a");
  }

  @Test
  void hasNoFormForXorOfSeveralItems() {
    assertThat(Conjunctions.of(node("XOR", false, List.of(), "a", "b"))).isEmpty();
    assertThat(render(node("ONE", false, List.of(), "a"))).containsExactly("a");
  }

  @Test
  void refusesTreesBeyondTheLimit() {
    List<OvalDocument.Criteria> wide =
        java.util.stream.IntStream.range(0, 14)
            .mapToObj(i -> node("OR", false, List.of(), "x" + i, "y" + i))
            .toList();

    assertThat(Conjunctions.of(node("AND", false, wide))).isEmpty();
  }
}
