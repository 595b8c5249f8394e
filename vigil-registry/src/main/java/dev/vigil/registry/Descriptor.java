package dev.vigil.registry;

import dev.vigil.model.Digest;

/**
 * A validated content descriptor from a manifest or index.
 *
 * @param mediaType what the blob is, or empty when unstated
 * @param digest its digest
 * @param size its size in bytes, or -1 when unstated
 * @param platform the platform of an index entry, or null
 */
record Descriptor(String mediaType, Digest digest, long size, Platform platform) {}
