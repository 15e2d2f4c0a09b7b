package io.firstcontact.benchmarks.load;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * A scrape of the server's {@code /metrics} (Prometheus text format), and what the load report needs from two of them:
 * counter deltas and, for histograms, the bucket deltas with percentiles estimated by linear interpolation inside the
 * bucket (the estimate is only as fine as the buckets; the exact mean comes from {@code _sum / _count}).
 */
public final class PromMetrics {
    /** One sample: the metric name, its labels (sorted) and value. */
    public record Sample(String name, Map<String, String> labels, double value) {}

    private final List<Sample> samples;

    private PromMetrics(List<Sample> samples) {
        this.samples = List.copyOf(samples);
    }

    public static PromMetrics parse(String text) {
        List<Sample> out = new ArrayList<>();
        for (String raw : text.split("\n")) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int brace = line.indexOf('{');
            int space;
            String name;
            Map<String, String> labels = new TreeMap<>();
            if (brace >= 0 && brace < line.indexOf(' ')) {
                name = line.substring(0, brace);
                int close = line.indexOf('}', brace);
                parseLabels(line.substring(brace + 1, close), labels);
                space = close + 1;
            } else {
                space = line.indexOf(' ');
                name = line.substring(0, space);
            }
            String[] rest = line.substring(space).strip().split("\\s+");
            out.add(new Sample(name, labels, parseValue(rest[0])));
        }
        return new PromMetrics(out);
    }

    private static void parseLabels(String body, Map<String, String> labels) {
        int i = 0;
        while (i < body.length()) {
            int eq = body.indexOf('=', i);
            if (eq < 0) {
                return;
            }
            String key = body.substring(i, eq).strip();
            int q = body.indexOf('"', eq) + 1;
            StringBuilder v = new StringBuilder();
            int j = q;
            while (j < body.length() && body.charAt(j) != '"') {
                if (body.charAt(j) == '\\' && j + 1 < body.length()) {
                    j++;
                }
                v.append(body.charAt(j));
                j++;
            }
            labels.put(key, v.toString());
            i = j + 1;
            while (i < body.length() && (body.charAt(i) == ',' || body.charAt(i) == ' ')) {
                i++;
            }
        }
    }

    private static double parseValue(String v) {
        return switch (v) {
            case "+Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            case "NaN" -> Double.NaN;
            default -> Double.parseDouble(v);
        };
    }

    public List<Sample> samples() {
        return samples;
    }

    /** The sum of every sample named {@code name} whose labels pass {@code filter}; 0 if none. */
    public double sum(String name, Predicate<Map<String, String>> filter) {
        double total = 0;
        for (Sample s : samples) {
            if (s.name().equals(name) && filter.test(s.labels())) {
                total += s.value();
            }
        }
        return total;
    }

    /** The largest value among samples named {@code name}; 0 if none. */
    public double max(String name) {
        double m = 0;
        for (Sample s : samples) {
            if (s.name().equals(name)) {
                m = Math.max(m, s.value());
            }
        }
        return m;
    }

    public double sum(String name) {
        return sum(name, l -> true);
    }

    /** The values of label {@code label} among samples named {@code name}, each with its summed value. */
    public Map<String, Double> byLabel(String name, String label) {
        Map<String, Double> out = new TreeMap<>();
        for (Sample s : samples) {
            if (s.name().equals(name) && s.labels().containsKey(label)) {
                out.merge(s.labels().get(label), s.value(), Double::sum);
            }
        }
        return out;
    }

    /**
     * The cumulative buckets of histogram {@code base} (e.g. {@code firstcontact_journal_commit_seconds}) summed over
     * the series whose labels pass {@code filter}, ordered by upper bound ({@code +Inf} last).
     */
    public Buckets buckets(String base, Predicate<Map<String, String>> filter) {
        Map<Double, Double> byLe = new TreeMap<>();
        for (Sample s : samples) {
            if (s.name().equals(base + "_bucket") && filter.test(s.labels())) {
                byLe.merge(parseValue(s.labels().get("le")), s.value(), Double::sum);
            }
        }
        return new Buckets(byLe, sum(base + "_sum", filter), sum(base + "_count", filter));
    }

    /**
     * Cumulative histogram buckets: upper bound → count of observations ≤ it. {@code sum} and {@code count} are the
     * histogram's totals.
     */
    public record Buckets(Map<Double, Double> cumulative, double sum, double count) {
        public Buckets {
            TreeMap<Double, Double> sorted = new TreeMap<>(Comparator.naturalOrder());
            sorted.putAll(cumulative);
            cumulative = java.util.Collections.unmodifiableMap(sorted);
        }

        /** What was observed between {@code earlier} and this scrape. */
        public Buckets minus(Buckets earlier) {
            Map<Double, Double> d = new LinkedHashMap<>();
            for (Map.Entry<Double, Double> e : cumulative.entrySet()) {
                d.put(e.getKey(), e.getValue() - earlier.cumulative().getOrDefault(e.getKey(), 0.0));
            }
            return new Buckets(d, sum - earlier.sum(), count - earlier.count());
        }

        public double total() {
            Double inf = cumulative.get(Double.POSITIVE_INFINITY);
            if (inf != null) {
                return inf;
            }
            double last = 0;
            for (double v : cumulative.values()) {
                last = v;
            }
            return last;
        }

        public double mean() {
            return count > 0 ? sum / count : Double.NaN;
        }

        /**
         * The {@code q}-quantile (0..1), interpolated linearly inside its bucket (the first bucket starts at 0). A quantile
         * in the {@code +Inf} bucket answers the largest finite bound (a lower bound of the truth). NaN when empty.
         */
        public double quantile(double q) {
            double total = total();
            if (total <= 0) {
                return Double.NaN;
            }
            double rank = q * total;
            double lower = 0;
            double lowerCum = 0;
            for (Map.Entry<Double, Double> e : cumulative.entrySet()) {
                double le = e.getKey();
                double cum = e.getValue();
                if (cum >= rank && cum > lowerCum) {
                    if (Double.isInfinite(le)) {
                        return lower;
                    }
                    return lower + (le - lower) * (rank - lowerCum) / (cum - lowerCum);
                }
                if (!Double.isInfinite(le)) {
                    lower = le;
                }
                lowerCum = cum;
            }
            return lower;
        }

        /** The smallest bucket bound, i.e. the finest resolution the histogram has near zero. */
        public double smallestBound() {
            return cumulative.isEmpty()
                    ? Double.NaN
                    : cumulative.keySet().iterator().next();
        }
    }
}
