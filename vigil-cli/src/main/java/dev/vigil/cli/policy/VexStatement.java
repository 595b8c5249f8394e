package dev.vigil.cli.policy;

import com.github.packageurl.PackageURL;
import dev.vigil.purl.PackageUrls;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * One OpenVEX statement, reduced to what matching needs.
 *
 * @param names the vulnerability's name and aliases
 * @param products package URLs the statement names as products
 * @param subcomponents package URLs named as subcomponents of a product (the product then being the
 *     image, which is not checked)
 * @param status {@code not_affected}, {@code affected}, {@code fixed} or {@code
 *     under_investigation}
 * @param justification the justification label, or empty
 * @param impactStatement the impact statement, or empty
 * @param timestamp when the statement was made (its own, else the document's), or null
 * @param order the statement's position among all statements read, to order equal timestamps
 */
public record VexStatement(
    Set<String> names,
    List<PackageURL> products,
    List<PackageURL> subcomponents,
    String status,
    String justification,
    String impactStatement,
    Instant timestamp,
    int order) {

  /** The statuses that take a finding out of the report. */
  public static final Set<String> SUPPRESSING = Set.of("not_affected", "fixed");

  /** Copies the collections. */
  public VexStatement {
    names = Set.copyOf(names);
    products = List.copyOf(products);
    subcomponents = List.copyOf(subcomponents);
  }

  /** True when the statement speaks of {@code finding}'s vulnerability and package. */
  public boolean appliesTo(Finding finding) {
    if (!names.contains(finding.name())) {
      return false;
    }
    PackageURL target = PackageUrls.parsePurl(finding.purl());
    return products.stream().anyMatch(p -> PackageUrls.matches(p, target))
        || subcomponents.stream().anyMatch(p -> PackageUrls.matches(p, target));
  }

  /** True when the statement suppresses what it applies to. */
  public boolean suppresses() {
    return SUPPRESSING.contains(status);
  }
}
