-- OSV's language ecosystems compare some package names loosely (PyPI: PEP 503, case and -_.
-- alike): each vulnerability also keeps its package name folded that way, computed by the store
-- (MatchConstraint.foldName) and not part of the content hash. Rows written before this migration
-- are folded here as far as SQL can (runs of separators are not collapsed).

ALTER TABLE vuln ADD COLUMN package_name_folded TEXT NOT NULL DEFAULT '';
UPDATE vuln SET package_name_folded = replace(replace(lower(package_name), '_', '-'), '.', '-');
CREATE INDEX vuln_package_name_folded_idx ON vuln (package_name_folded);
