package dev.vigil.cli.output;

import dev.vigil.model.Severity;

/** The HTML report's inline stylesheet and severity colours; no external assets. */
final class HtmlStyle {
  private HtmlStyle() {}

  /** The stylesheet: a narrow-screen layout, and a print layout without colours' reliance. */
  static final String CSS =
      """
      :root{--fg:#1d2330;--muted:#5b6475;--line:#d9dde5;--bg:#fff;--panel:#f5f7fa}
      *{box-sizing:border-box}
      body{margin:0;font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;
        color:var(--fg);background:var(--bg)}
      main{max-width:1100px;margin:0 auto;padding:16px}
      h1{font-size:1.5em;margin:.2em 0;word-break:break-all}
      h2{font-size:1.2em;margin:1.6em 0 .5em;border-bottom:2px solid var(--line);padding-bottom:4px}
      h3{font-size:1em;margin:1.2em 0 .4em;word-break:break-all}
      .meta{color:var(--muted);margin:0 0 1em;word-break:break-all}
      .cards{display:flex;flex-wrap:wrap;gap:8px;margin:12px 0}
      .card{background:var(--panel);border:1px solid var(--line);border-radius:6px;padding:8px 12px;
        min-width:110px}
      .card b{display:block;font-size:1.5em}
      .chart{width:100%;max-width:560px;height:auto}
      .tag{display:inline-block;font-size:.8em;border-radius:4px;padding:1px 6px;color:#fff;
        font-weight:600;white-space:nowrap}
      .kind{font-size:.8em;color:var(--muted);font-weight:normal}
      table{border-collapse:collapse;width:100%;margin:4px 0 12px}
      th,td{border-bottom:1px solid var(--line);padding:6px;text-align:left;vertical-align:top}
      th{background:var(--panel);font-size:.85em}
      table.findings{table-layout:fixed}
      table.findings th:nth-child(1){width:17%}
      table.findings th:nth-child(2){width:12%}
      table.findings th:nth-child(3){width:14%}
      table.findings th:nth-child(n+4):nth-child(-n+6){width:7%}
      td.desc{color:var(--muted);font-size:.9em;max-width:420px;overflow-wrap:anywhere}
      .na{color:var(--muted)}
      a{color:#0b57d0}
      footer{color:var(--muted);font-size:.85em;margin:2em 0}
      @media (max-width:640px){
        table,thead,tbody,tr,td{display:block;width:100%}
        thead{display:none}
        tr{border:1px solid var(--line);border-radius:6px;margin:0 0 8px;padding:4px}
        td{border:0;padding:2px 6px}
        td::before{content:attr(data-label) ": ";font-weight:600;color:var(--muted)}
      }
      @media print{
        body{font-size:11px}
        main{max-width:none;padding:0}
        a{color:inherit;text-decoration:none}
        tr,.card{break-inside:avoid}
        .tag{border:1px solid #000;color:#000;background:none!important}
      }
      """;

  /** The colour of a severity, for badges and the chart. */
  static String colour(Severity severity) {
    return switch (severity) {
      case Critical -> "#8b1a1a";
      case High -> "#d1421b";
      case Medium -> "#c98a00";
      case Low -> "#3a7d44";
      case Negligible -> "#5f7f9e";
      case Unknown -> "#6b6f78";
    };
  }

  /** A coloured badge naming {@code severity}. */
  static String badge(Severity severity) {
    return "<span class=\"tag\" style=\"background:"
        + colour(severity)
        + "\">"
        + severity.upper()
        + "</span>";
  }
}
