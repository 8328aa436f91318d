package io.github.opcompare.engine.domain;

import io.github.opcompare.engine.npy.NpyFormatException;
import io.github.opcompare.engine.npy.NpyReader;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Parses the input domain language. Every error is an IllegalArgumentException that quotes the
 * expression, points at the 1-based column of the culprit and lists the valid forms, because the
 * person reading it is editing a pom.xml, not reading our code.
 */
public final class DomainParser {
    public static final String VALID_FORMS = "range(start,stop[,step]), uniform(lo,hi), gaussian(mean,sd), "
            + "binades(lo,hi), -binades(lo,hi), values(v1,v2,...), special, exhaustive, exhaustive(lo,hi), file(path.npy)";

    private final String text;
    private final Path baseDir;
    private int pos;

    private DomainParser(String text, Path baseDir) {
        this.text = text;
        this.baseDir = baseDir;
    }

    /** Parses one operand's domain, e.g. {@code " uniform( 0 , 1 )"}; a relative file path is taken from the working directory. */
    public static InputDomain parse(String expr) {
        return parse(expr, Path.of(""));
    }

    /** Parses one operand's domain, taking a relative {@code file(...)} path from {@code baseDir} (the project's directory). */
    public static InputDomain parse(String expr, Path baseDir) {
        if (expr == null) {
            throw new IllegalArgumentException("Cannot parse input domain 'null' at column 1: no domain given; valid domains are: " + VALID_FORMS);
        }
        return new DomainParser(expr, baseDir).domain();
    }

    /** Splits "a;b" into the operand expressions, one per operand, trimmed. */
    public static List<String> splitOperands(String inputs) {
        if (inputs == null || inputs.isBlank()) {
            throw new IllegalArgumentException("No input domains given; write one per operand, separated by ';', e.g. 'uniform(0,1);uniform(0,1)'. Valid domains are: " + VALID_FORMS);
        }
        List<String> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= inputs.length(); i++) {
            if (i == inputs.length() || inputs.charAt(i) == ';') {
                String part = inputs.substring(start, i).trim();
                if (part.isEmpty()) {
                    throw new IllegalArgumentException("Cannot parse input domains '" + inputs + "' at column " + (i + 1)
                            + ": empty operand between ';'; valid domains are: " + VALID_FORMS);
                }
                out.add(part);
                start = i + 1;
            }
        }
        return out;
    }

    private InputDomain domain() {
        skipSpace();
        int nameAt = pos;
        boolean negative = peek() == '-';
        if (negative) {
            pos++;
            skipSpace();
        }
        int identAt = pos;
        while (pos < text.length() && Character.isLetter(text.charAt(pos))) {
            pos++;
        }
        String name = text.substring(identAt, pos).toLowerCase(Locale.ROOT);
        if (name.isEmpty()) {
            throw error(nameAt, text.isBlank() ? "no domain given" : "expected a domain name");
        }
        String full = negative ? "-" + name : name;
        if (negative && !name.equals("binades")) {
            throw error(nameAt, "unknown domain '" + full + "'");
        }
        skipSpace();
        InputDomain d = switch (name) {
            case "special" -> FixedDomain.special();
            case "range" -> range();
            case "uniform" -> uniform();
            case "gaussian" -> gaussian();
            case "binades" -> binades(negative);
            case "values" -> values();
            case "exhaustive" -> exhaustive();
            case "file" -> file();
            default -> throw error(identAt, "unknown domain '" + full + "'");
        };
        skipSpace();
        if (pos < text.length()) {
            throw error(pos, "unexpected '" + text.substring(pos) + "' after the domain");
        }
        return d;
    }

    private InputDomain range() {
        List<Arg> a = args("range", 2, 3);
        double start = a.get(0).finite();
        double stop = a.get(1).finite();
        double step = a.size() == 3 ? a.get(2).finite() : 1.0;
        if (step == 0) {
            throw error(a.get(2).at, "step must not be 0");
        }
        if (RangeDomain.count(start, stop, step) > RangeDomain.MAX_COUNT) {
            throw error(a.get(0).at, "range has more than " + RangeDomain.MAX_COUNT + " values");
        }
        return new RangeDomain(normalized(), start, stop, step);
    }

    private InputDomain uniform() {
        List<Arg> a = args("uniform", 2, 2);
        double lo = a.get(0).finite();
        double hi = a.get(1).finite();
        if (!(lo < hi)) {
            throw error(a.get(0).at, "lo must be less than hi, got lo=" + lo + ", hi=" + hi);
        }
        return new UniformDomain(normalized(), lo, hi);
    }

    private InputDomain gaussian() {
        List<Arg> a = args("gaussian", 2, 2);
        double mean = a.get(0).finite();
        double sd = a.get(1).finite();
        if (!(sd > 0)) {
            throw error(a.get(1).at, "sd must be greater than 0, got " + sd);
        }
        return new GaussianDomain(normalized(), mean, sd);
    }

    private InputDomain binades(boolean negative) {
        List<Arg> a = args(negative ? "-binades" : "binades", 2, 2);
        double lo = a.get(0).finite();
        double hi = a.get(1).finite();
        if (!(lo > 0)) {
            throw error(a.get(0).at, "lo must be greater than 0 (binades are magnitudes), got " + lo);
        }
        if (!(lo < hi)) {
            throw error(a.get(0).at, "lo must be less than hi, got lo=" + lo + ", hi=" + hi);
        }
        return new BinadeDomain(normalized(), lo, hi, negative);
    }

    private InputDomain values() {
        List<Arg> a = args("values", 1, Integer.MAX_VALUE);
        double[] v = new double[a.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = a.get(i).any();
        }
        return FixedDomain.of(normalized(), v);
    }

    /** {@code exhaustive} alone is every value of the dtype; with (lo,hi) every value from lo to hi. */
    private InputDomain exhaustive() {
        if (peek() != '(') {
            return new ExhaustiveDomain("exhaustive", null, null);
        }
        List<Arg> a = args("exhaustive", 2, 2);
        double lo = a.get(0).any();
        double hi = a.get(1).any();
        if (Double.isNaN(lo) || Double.isNaN(hi)) {
            throw error(a.get(Double.isNaN(lo) ? 0 : 1).at, "NaN is no bound; write exhaustive alone for every value, NaNs included");
        }
        if (!(lo < hi)) {
            throw error(a.get(0).at, "lo must be less than hi, got lo=" + lo + ", hi=" + hi);
        }
        return new ExhaustiveDomain(normalized(), lo, hi);
    }

    /** {@code file(path.npy)}: read now, so that a bad file fails the configuration, naming the file. */
    private InputDomain file() {
        List<Arg> a = args("file", 1, 1);
        String name = a.get(0).text;
        if (name.isEmpty()) {
            throw error(a.get(0).at, "file needs the path of a .npy file");
        }
        Path path;
        try {
            path = baseDir.resolve(name);
        } catch (InvalidPathException e) {
            throw error(a.get(0).at, "'" + name + "' is not a valid path: " + e.getReason());
        }
        if (!Files.isRegularFile(path)) {
            throw error(a.get(0).at, "the file " + path.toAbsolutePath().normalize()
                    + (Files.exists(path) ? " is not a regular file" : " does not exist"));
        }
        try {
            return new NpyFileDomain(normalized(), NpyReader.read(path));
        } catch (NpyFormatException e) {
            throw error(a.get(0).at, e.getMessage());
        }
    }

    /** One argument's text and where it starts. */
    private final class Arg {
        final String text;
        final int at;

        Arg(String text, int at) {
            this.text = text;
            this.at = at;
        }

        double any() {
            String t = text.toLowerCase(Locale.ROOT);
            switch (t) {
                case "nan":
                    return Double.NaN;
                case "inf":
                case "+inf":
                case "infinity":
                case "+infinity":
                    return Double.POSITIVE_INFINITY;
                case "-inf":
                case "-infinity":
                    return Double.NEGATIVE_INFINITY;
                default:
                    break;
            }
            try {
                if (t.isEmpty() || Character.isWhitespace(t.charAt(t.length() - 1)) || t.contains(" ")) {
                    throw new NumberFormatException();
                }
                return Double.parseDouble(text);
            } catch (NumberFormatException e) {
                throw error(at, text.isEmpty() ? "missing number" : "'" + text + "' is not a number");
            }
        }

        double finite() {
            double v = any();
            if (!Double.isFinite(v)) {
                throw error(at, "'" + text + "' must be a finite number");
            }
            return v;
        }
    }

    private List<Arg> args(String name, int min, int max) {
        if (peek() != '(') {
            throw error(pos, name + " needs arguments in parentheses");
        }
        int open = pos;
        pos++;
        List<Arg> out = new ArrayList<>();
        while (true) {
            skipSpace();
            int at = pos;
            while (pos < text.length() && text.charAt(pos) != ',' && text.charAt(pos) != ')') {
                pos++;
            }
            if (pos >= text.length()) {
                throw error(open, "missing ')'");
            }
            out.add(new Arg(text.substring(at, pos).trim(), at));
            if (text.charAt(pos++) == ')') {
                break;
            }
        }
        if (out.size() < min || out.size() > max) {
            String expected = min == max ? String.valueOf(min) : max == Integer.MAX_VALUE ? "at least " + min : min + " or " + max;
            throw error(open, name + " takes " + expected + " argument(s), got " + out.size());
        }
        return out;
    }

    private String normalized() {
        return text.replaceAll("\\s+", "");
    }

    private char peek() {
        return pos < text.length() ? text.charAt(pos) : '\0';
    }

    private void skipSpace() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private IllegalArgumentException error(int at, String reason) {
        return new IllegalArgumentException("Cannot parse input domain '" + text + "' at column " + (at + 1) + ": " + reason
                + "; valid domains are: " + VALID_FORMS);
    }
}
