package dev.vigil.ecosystem.oval;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** A definition being read by {@link OvalReader}; not thread-safe. */
final class DefinitionBuilder {
  final String id;
  final String definitionClass;
  final List<String> platforms = new ArrayList<>();
  final List<OvalDocument.Reference> references = new ArrayList<>();
  final List<OvalDocument.AdvisoryCve> cves = new ArrayList<>();
  final List<OvalDocument.Criterion> criteria = new ArrayList<>();
  String title = "";
  String description = "";
  String severity = "";
  String issued = "";
  private final Deque<CriteriaBuilder> open = new ArrayDeque<>();
  private OvalDocument.Criteria tree;

  DefinitionBuilder(String id, String definitionClass) {
    this.id = id;
    this.definitionClass = definitionClass;
  }

  /** A {@code criteria} element starts. */
  void openCriteria(String operator, boolean negate) {
    open.push(new CriteriaBuilder(operator.isEmpty() ? "AND" : operator, negate));
  }

  /** A {@code criterion} element, inside the innermost open criteria if any. */
  void criterion(OvalDocument.Criterion criterion) {
    criteria.add(criterion);
    if (!open.isEmpty()) {
      open.peek().criterions.add(criterion);
    }
  }

  /** The innermost open {@code criteria} element ends. */
  void closeCriteria() {
    CriteriaBuilder done = open.pop();
    OvalDocument.Criteria built =
        new OvalDocument.Criteria(done.operator, done.negate, done.children, done.criterions);
    if (open.isEmpty()) {
      tree = built;
    } else {
      open.peek().children.add(built);
    }
  }

  OvalDocument.Definition build() {
    return new OvalDocument.Definition(
        id,
        definitionClass,
        title,
        description,
        List.copyOf(platforms),
        List.copyOf(references),
        severity,
        issued,
        List.copyOf(cves),
        List.copyOf(criteria),
        tree);
  }

  private static final class CriteriaBuilder {
    final String operator;
    final boolean negate;
    final List<OvalDocument.Criteria> children = new ArrayList<>();
    final List<OvalDocument.Criterion> criterions = new ArrayList<>();

    CriteriaBuilder(String operator, boolean negate) {
      this.operator = operator;
      this.negate = negate;
    }
  }
}
