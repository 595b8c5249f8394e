package dev.vigil.ecosystem.oval;

import java.util.ArrayList;
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

  DefinitionBuilder(String id, String definitionClass) {
    this.id = id;
    this.definitionClass = definitionClass;
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
        List.copyOf(criteria));
  }
}
