package org.renkou.core.api.metrics;

import java.util.regex.Pattern;

/**
 * Writes the Prometheus text exposition format 0.0.4 ({@value #CONTENT_TYPE}): for each family its {@code # HELP}
 * and {@code # TYPE} lines, then its samples, label values escaped. Written by hand rather than with a client
 * library: the format is a few lines, and the platform keeps its own counters (no registry to mirror).
 *
 * <p>Not thread-safe: one writer per scrape.
 */
public final class MetricsWriter {
    /** The content type of the text format. */
    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";
    private static final Pattern NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Pattern LABEL = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");

    private final StringBuilder out;

    public MetricsWriter(StringBuilder out) {
        this.out = out;
    }

    /** Starts a counter family (a total that only grows; its name ends in {@code _total}). */
    public MetricsWriter counter(String name, String help) {
        return family(name, help, "counter");
    }

    /** Starts a gauge family (a value that goes up and down). */
    public MetricsWriter gauge(String name, String help) {
        return family(name, help, "gauge");
    }

    /** Starts a histogram family; write its series with {@link #histogram(String, double[], long[], double, String...)}. */
    public MetricsWriter histogram(String name, String help) {
        return family(name, help, "histogram");
    }

    private MetricsWriter family(String name, String help, String type) {
        checkName(name);
        out.append("# HELP ").append(name).append(' ');
        for (int i = 0; i < help.length(); i++) {
            char c = help.charAt(i);
            if (c == '\\') {
                out.append("\\\\");
            } else if (c == '\n') {
                out.append("\\n");
            } else {
                out.append(c);
            }
        }
        out.append('\n').append("# TYPE ").append(name).append(' ').append(type).append('\n');
        return this;
    }

    /**
     * One sample: {@code name{label="value",…} value}.
     *
     * @param labels label names and values in turn ({@code "job", "statistics"})
     */
    public MetricsWriter sample(String name, double value, String... labels) {
        checkName(name);
        out.append(name);
        labels(labels, null, null);
        out.append(' ').append(number(value)).append('\n');
        return this;
    }

    /**
     * One series of a histogram: the cumulative {@code _bucket} lines ({@code le} = each upper bound, then
     * {@code +Inf}), {@code _sum} and {@code _count}.
     *
     * @param upperBounds the buckets' upper bounds, ascending
     * @param counts observations per bucket, not cumulative: {@code counts[i]} fell in (bound i-1, bound i], the last
     *        ({@code upperBounds.length}) above every bound
     */
    public MetricsWriter histogram(String name, double[] upperBounds, long[] counts, double sum, String... labels) {
        checkName(name);
        if (counts.length != upperBounds.length + 1) {
            throw new IllegalArgumentException("one count per bucket and one above the last bound");
        }
        long cumulative = 0;
        for (int i = 0; i <= upperBounds.length; i++) {
            cumulative += counts[i];
            out.append(name).append("_bucket");
            labels(labels, "le", i < upperBounds.length ? number(upperBounds[i]) : "+Inf");
            out.append(' ').append(cumulative).append('\n');
        }
        out.append(name).append("_sum");
        labels(labels, null, null);
        out.append(' ').append(number(sum)).append('\n');
        out.append(name).append("_count");
        labels(labels, null, null);
        out.append(' ').append(cumulative).append('\n');
        return this;
    }

    private void labels(String[] labels, String extraName, String extraValue) {
        if (labels.length % 2 != 0) {
            throw new IllegalArgumentException("labels come as name, value pairs");
        }
        if (labels.length == 0 && extraName == null) {
            return;
        }
        out.append('{');
        for (int i = 0; i < labels.length; i += 2) {
            label(i > 0, labels[i], labels[i + 1]);
        }
        if (extraName != null) {
            label(labels.length > 0, extraName, extraValue);
        }
        out.append('}');
    }

    private void label(boolean comma, String name, String value) {
        if (!LABEL.matcher(name).matches() || name.startsWith("__")) {
            throw new IllegalArgumentException("not a label name: " + name);
        }
        if (comma) {
            out.append(',');
        }
        out.append(name).append("=\"");
        String v = value == null ? "" : value;
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '"' -> out.append("\\\"");
                case '\n' -> out.append("\\n");
                default -> out.append(c);
            }
        }
        out.append('"');
    }

    /** Integral values without a fraction ({@code 3}, not {@code 3.0}); {@code NaN}, {@code +Inf}, {@code -Inf}. */
    static String number(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "+Inf" : "-Inf";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }

    private static void checkName(String name) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a metric name: " + name);
        }
    }
}
