package dev.vigil.spi;

/**
 * What an {@link Updater}'s fetch found.
 *
 * @param changed false when the source answered that nothing changed since {@code fingerprint}
 * @param fingerprint what the next fetch passes back (ETags, Last-Modified dates…)
 */
public record FetchResult(boolean changed, String fingerprint) {}
