package dev.vigil.cli.output;

import java.io.IOException;
import java.io.OutputStream;

/** Writes a scan result in one format. */
public interface ReportWriter {

  /** Writes {@code result} to {@code out}, which the caller closes. */
  void write(ScanResult result, OutputStream out) throws IOException;
}
