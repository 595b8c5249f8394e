package dev.vigil.ecosystem.osv;

import dev.vigil.model.Vulnerability;
import java.util.List;

/**
 * What one OSV record says about one ecosystem's packages.
 *
 * @param id the record's id, e.g. {@code GHSA-57j2-w4cx-62h2}
 * @param aliases the ids of the same vulnerability elsewhere, e.g. {@code CVE-2020-36518}
 * @param statements one vulnerability per affected range or listed version
 */
record OsvRecord(String id, List<String> aliases, List<Vulnerability> statements) {}
