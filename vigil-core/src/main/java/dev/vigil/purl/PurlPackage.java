package dev.vigil.purl;

import dev.vigil.model.Distribution;
import dev.vigil.model.Package;

/**
 * An operating-system package read out of a package URL.
 *
 * @param pkg the binary package, with its source package when the URL names one
 * @param type the purl type: {@code apk}, {@code deb} or {@code rpm}
 * @param did the os-release {@code ID} the namespace stands for, e.g. {@code alpine}, {@code rhel}
 * @param distribution the release the {@code distro} qualifier names, or null without one
 */
public record PurlPackage(Package pkg, String type, String did, Distribution distribution) {}
