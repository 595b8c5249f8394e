package dev.vigil.indexer;

import dev.vigil.spi.Coalescer;
import dev.vigil.spi.FoundPackage;
import dev.vigil.spi.LayerFinding;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The coalescer for package databases that each layer rewrites whole (apk, dpkg, rpm): the final
 * image holds what the last layer sees, and a package was introduced by the earliest layer from
 * which it stayed present, unchanged, up to the top.
 *
 * <p>A package removed by a middle layer and installed again later counts as introduced by the
 * later layer, since the bytes in the image come from there.
 */
public final class LayeredCoalescer implements Coalescer {

  @Override
  public List<LayerFinding.Introduced> coalesce(List<LayerFinding> layers) {
    if (layers.isEmpty()) {
      return List.of();
    }
    List<Set<FoundPackage>> present = new ArrayList<>();
    for (LayerFinding layer : layers) {
      present.add(new HashSet<>(layer.packages()));
    }
    int top = layers.size() - 1;
    List<LayerFinding.Introduced> result = new ArrayList<>();
    for (FoundPackage found : layers.get(top).packages()) {
      int first = top;
      while (first > 0 && present.get(first - 1).contains(found)) {
        first--;
      }
      result.add(new LayerFinding.Introduced(found, layers.get(first).layer()));
    }
    return result;
  }
}
