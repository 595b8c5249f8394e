package dev.vigil.datastore;

import dev.vigil.model.Digest;

/**
 * A layer posted through Clair's legacy v1 API.
 *
 * @param name the client's name for the layer, unique across the system
 * @param parentName the parent layer's name, empty for a base layer
 * @param layerHash the digest of the layer blob
 * @param path where the layer blob was fetched from
 * @param manifestHash the digest naming the index report of the chain that ends with this layer
 * @param namespace the chain's namespace in Clair v1 terms (e.g. {@code debian:12}), or empty
 */
public record LegacyLayer(
    String name,
    String parentName,
    Digest layerHash,
    String path,
    Digest manifestHash,
    String namespace) {}
