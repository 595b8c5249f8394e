package dev.vigil.image;

import dev.vigil.layer.LayerCollector;
import dev.vigil.layer.LayerSource;
import dev.vigil.layer.OverlayTree;
import dev.vigil.spi.FileFilter;
import java.io.IOException;

/** Reads an image's files the way the indexer does: each layer collected, then stacked. */
final class Trees {
  private Trees() {}

  /** The tree of {@code image} with the files {@code wanted} names; the caller closes it. */
  static OverlayTree of(Image image, FileFilter wanted) throws IOException {
    OverlayTree tree = new OverlayTree();
    LayerCollector collector = new LayerCollector(wanted);
    for (LayerSource layer : image.layers()) {
      tree.apply(collector.collect(layer));
    }
    return tree;
  }
}
