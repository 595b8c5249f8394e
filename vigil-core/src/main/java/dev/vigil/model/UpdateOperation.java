package dev.vigil.model;

import java.time.Instant;
import java.util.UUID;

/**
 * One committed run of one updater: Clair v4's {@code UpdateOperation}.
 *
 * @param ref the operation's identity
 * @param updater the updater's name
 * @param fingerprint what the updater needs to tell whether its source changed (ETags…)
 * @param date when the operation was committed
 */
public record UpdateOperation(UUID ref, String updater, String fingerprint, Instant date) {}
