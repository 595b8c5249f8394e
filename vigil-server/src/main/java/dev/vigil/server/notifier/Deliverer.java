package dev.vigil.server.notifier;

import java.io.IOException;
import java.util.UUID;

/** Tells a receiver that a notification set is ready: Clair's notifier deliverer. */
public interface Deliverer {

  /** The deliverer's name, for logs. */
  String name();

  /**
   * Delivers the set {@code id}; returning means the receiver took it.
   *
   * @return true when the notifications themselves were delivered (direct mode), so the set is
   *     done; false when the receiver was told where to read them and must acknowledge them
   * @throws IOException when the receiver could not be reached or refused it
   */
  boolean deliver(UUID id) throws IOException;
}
