package dev.vigil.ecosystem.oval;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A criteria tree in disjunctive normal form: the tree is true exactly when every literal of at
 * least one conjunction is. {@code AND} and {@code OR} are expanded as they are, {@code negate} is
 * pushed down to the criteria by De Morgan's laws, and a {@code ONE} or {@code XOR} of a single
 * item is that item. Any other {@code ONE} or {@code XOR}, or a tree whose expansion would exceed
 * {@link #LIMIT} conjunctions, has no form here: callers count such a definition as skipped.
 */
public final class Conjunctions {

  /** The most conjunctions one tree may expand to. */
  public static final int LIMIT = 10_000;

  private Conjunctions() {}

  /**
   * A criterion as it counts in a conjunction.
   *
   * @param criterion the criterion
   * @param negated whether its test's result is to be negated (its own {@code negate} and those of
   *     the criteria around it combined)
   */
  public record Literal(OvalDocument.Criterion criterion, boolean negated) {}

  /** The conjunctions of {@code tree}, or empty when it has no form here. */
  public static Optional<List<List<Literal>>> of(OvalDocument.Criteria tree) {
    if (tree == null) {
      return Optional.of(List.of());
    }
    try {
      return Optional.of(expand(tree, false));
    } catch (Unsupported e) {
      return Optional.empty();
    }
  }

  private static List<List<Literal>> expand(OvalDocument.Criteria node, boolean outerNegation) {
    boolean negated = outerNegation ^ node.negate();
    List<List<List<Literal>>> items = new ArrayList<>();
    for (OvalDocument.Criteria child : node.children()) {
      items.add(expand(child, negated));
    }
    for (OvalDocument.Criterion criterion : node.criterions()) {
      items.add(List.of(List.of(new Literal(criterion, negated ^ criterion.negate()))));
    }
    if (items.size() == 1) {
      return items.get(0);
    }
    boolean and =
        switch (node.operator()) {
          case "AND" -> !negated;
          case "OR" -> negated;
          default -> throw new Unsupported();
        };
    return and ? product(items) : union(items);
  }

  private static List<List<Literal>> union(List<List<List<Literal>>> items) {
    List<List<Literal>> out = new ArrayList<>();
    for (List<List<Literal>> item : items) {
      out.addAll(item);
      limit(out.size());
    }
    return out;
  }

  private static List<List<Literal>> product(List<List<List<Literal>>> items) {
    List<List<Literal>> out = List.of(List.of());
    for (List<List<Literal>> item : items) {
      limit((long) out.size() * item.size());
      List<List<Literal>> next = new ArrayList<>();
      for (List<Literal> left : out) {
        for (List<Literal> right : item) {
          List<Literal> both = new ArrayList<>(left);
          both.addAll(right);
          next.add(both);
        }
      }
      out = next;
    }
    return out;
  }

  private static void limit(long size) {
    if (size > LIMIT) {
      throw new Unsupported();
    }
  }

  /** A tree with no form here. */
  private static final class Unsupported extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Unsupported() {
      super(null, null, false, false);
    }
  }
}
