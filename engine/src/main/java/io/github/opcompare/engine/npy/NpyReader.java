package io.github.opcompare.engine.npy;

import io.github.opcompare.worker.dtype.HalfBits;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads NumPy's {@code .npy} format (versions 1.0, 2.0 and 3.0) for float16, float32 and float64
 * arrays of either byte order in C order. Whatever the bytes, the only exception is
 * {@link NpyFormatException}, whose message names the file and what is wrong.
 *
 * <p>The format: the magic {@code \x93NUMPY}, major and minor version bytes, the header length
 * (2 bytes little-endian in 1.0, 4 bytes in 2.0 and 3.0), then a Python dict literal such as
 * {@code {'descr': '<f4', 'fortran_order': False, 'shape': (100,), }} (ASCII, or UTF-8 in 3.0),
 * padded with spaces and a newline, then the raw data.
 */
public final class NpyReader {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    /** Java arrays cannot be longer. */
    private static final long MAX_ELEMENTS = Integer.MAX_VALUE - 8;

    private NpyReader() {
    }

    public static NpyArray read(Path file) {
        String name = String.valueOf(file);
        byte[] content;
        try {
            long size = Files.size(file);
            if (size > Integer.MAX_VALUE - 8) {
                throw new NpyFormatException(name + ": the file is " + size + " bytes, too large to read");
            }
            content = Files.readAllBytes(file);
        } catch (IOException | RuntimeException e) {
            if (e instanceof NpyFormatException n) {
                throw n;
            }
            throw new NpyFormatException(name + ": cannot read the file: " + e, e);
        }
        return read(content, name);
    }

    /** Parses a whole {@code .npy} file's bytes; {@code name} is what error messages call it. */
    public static NpyArray read(byte[] content, String name) {
        try {
            return parse(content, name);
        } catch (NpyFormatException e) {
            throw e;
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            throw new NpyFormatException(name + ": not a readable .npy file (" + e + ")", e);
        }
    }

    private static NpyArray parse(byte[] content, String name) {
        if (content == null) {
            throw new NpyFormatException(name + ": no content");
        }
        if (content.length < 10) {
            throw new NpyFormatException(name + ": not a .npy file: it is only " + content.length + " bytes long");
        }
        for (int i = 0; i < MAGIC.length; i++) {
            if (content[i] != MAGIC[i]) {
                throw new NpyFormatException(name + ": not a .npy file: it does not start with the magic \\x93NUMPY");
            }
        }
        int major = content[6] & 0xff;
        int minor = content[7] & 0xff;
        ByteBuffer buffer = ByteBuffer.wrap(content).order(ByteOrder.LITTLE_ENDIAN);
        long headerLength;
        int headerStart;
        if (major == 1) {
            headerLength = buffer.getShort(8) & 0xffff;
            headerStart = 10;
        } else if (major == 2 || major == 3) {
            if (content.length < 12) {
                throw new NpyFormatException(name + ": truncated: a version " + major + ".0 header needs 12 bytes before the header");
            }
            headerLength = buffer.getInt(8) & 0xffffffffL;
            headerStart = 12;
        } else {
            throw new NpyFormatException(name + ": .npy format version " + major + "." + minor
                    + " is not supported (1.0, 2.0 and 3.0 are)");
        }
        if (minor != 0) {
            throw new NpyFormatException(name + ": .npy format version " + major + "." + minor
                    + " is not supported (1.0, 2.0 and 3.0 are)");
        }
        if (headerStart + headerLength > content.length) {
            throw new NpyFormatException(name + ": truncated: the header claims " + headerLength + " bytes, but only "
                    + (content.length - headerStart) + " follow");
        }
        String header = new String(content, headerStart, (int) headerLength,
                major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        Map<String, Object> dict = new HeaderParser(header, name).parseDict();
        Object descrValue = dict.get("descr");
        Object fortranValue = dict.get("fortran_order");
        Object shapeValue = dict.get("shape");
        if (!(descrValue instanceof String descr)) {
            throw new NpyFormatException(name + ": the header has no 'descr' string: " + header.strip());
        }
        if (!(fortranValue instanceof Boolean fortran)) {
            throw new NpyFormatException(name + ": the header has no 'fortran_order' True/False: " + header.strip());
        }
        if (!(shapeValue instanceof int[] shape)) {
            throw new NpyFormatException(name + ": the header has no 'shape' tuple of integers: " + header.strip());
        }
        if (dict.size() != 3) {
            throw new NpyFormatException(name + ": the header has keys other than descr, fortran_order and shape: " + dict.keySet());
        }
        int itemSize = itemSize(descr, name);
        long elements = 1;
        for (int d : shape) {
            elements *= d;
            if (elements > MAX_ELEMENTS) {
                throw new NpyFormatException(name + ": shape " + shapeText(shape) + " has too many elements to read");
            }
        }
        if (fortran) {
            throw new NpyFormatException(name + ": fortran_order is True; only C-order arrays are supported"
                    + " (write it with np.save(file, np.ascontiguousarray(a)))");
        }
        long dataStart = headerStart + headerLength;
        long expectedBytes = elements * itemSize;
        long actualBytes = content.length - dataStart;
        if (actualBytes != expectedBytes) {
            throw new NpyFormatException(name + ": shape " + shapeText(shape) + " of " + descr + " needs " + expectedBytes
                    + " data bytes, but the file has " + actualBytes + (actualBytes < expectedBytes ? " (truncated)" : ""));
        }
        ByteBuffer data = ByteBuffer.wrap(content, (int) dataStart, (int) expectedBytes).slice()
                .order(descr.charAt(0) == '>' ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
        double[] values = new double[(int) elements];
        for (int i = 0; i < values.length; i++) {
            values[i] = switch (itemSize) {
                case 2 -> HalfBits.toDouble(data.getShort(i * 2) & 0xffff);
                case 4 -> data.getFloat(i * 4);
                default -> data.getDouble(i * 8);
            };
        }
        return new NpyArray(descr, shape, values);
    }

    private static int itemSize(String descr, String name) {
        return switch (descr) {
            case "<f2", ">f2" -> 2;
            case "<f4", ">f4" -> 4;
            case "<f8", ">f8" -> 8;
            default -> throw new NpyFormatException(name + ": dtype '" + descr
                    + "' is not supported; float16, float32 and float64 of either byte order are (<f2, >f2, <f4, >f4, <f8, >f8)");
        };
    }

    static String shapeText(int[] shape) {
        StringBuilder text = new StringBuilder("(");
        for (int i = 0; i < shape.length; i++) {
            text.append(i == 0 ? "" : ", ").append(shape[i]);
        }
        return text.append(shape.length == 1 ? ",)" : ")").toString();
    }

    /** A parser for the small subset of Python literals a .npy header uses. */
    private static final class HeaderParser {
        private final String text;
        private final String name;
        private int pos;

        HeaderParser(String text, String name) {
            this.text = text;
            this.name = name;
        }

        Map<String, Object> parseDict() {
            skipSpace();
            expect('{');
            Map<String, Object> dict = new LinkedHashMap<>();
            skipSpace();
            while (peek() != '}') {
                String key = parseString();
                skipSpace();
                expect(':');
                skipSpace();
                Object value = parseValue();
                if (dict.put(key, value) != null) {
                    throw error("the key '" + key + "' appears twice");
                }
                skipSpace();
                if (peek() == ',') {
                    pos++;
                    skipSpace();
                } else if (peek() != '}') {
                    throw error("expected ',' or '}'");
                }
            }
            pos++;
            skipSpace();
            if (pos != text.length()) {
                throw error("unexpected text after the dict");
            }
            return dict;
        }

        private Object parseValue() {
            char c = peek();
            if (c == '\'' || c == '"') {
                return parseString();
            }
            if (c == '(') {
                return parseTuple();
            }
            if (text.startsWith("True", pos)) {
                pos += 4;
                return Boolean.TRUE;
            }
            if (text.startsWith("False", pos)) {
                pos += 5;
                return Boolean.FALSE;
            }
            throw error("unsupported value");
        }

        private int[] parseTuple() {
            expect('(');
            List<Integer> dims = new ArrayList<>();
            skipSpace();
            boolean trailingComma = false;
            while (peek() != ')') {
                dims.add(parseInt());
                skipSpace();
                trailingComma = false;
                if (peek() == ',') {
                    pos++;
                    trailingComma = true;
                    skipSpace();
                } else if (peek() != ')') {
                    throw error("expected ',' or ')' in the shape");
                }
            }
            pos++;
            if (dims.size() == 1 && !trailingComma) {
                throw error("a one-element shape needs a trailing comma, as in (3,)");
            }
            return dims.stream().mapToInt(Integer::intValue).toArray();
        }

        private int parseInt() {
            int start = pos;
            long value = 0;
            while (pos < text.length() && Character.isDigit(text.charAt(pos)) && text.charAt(pos) < 128) {
                value = value * 10 + (text.charAt(pos) - '0');
                if (value > Integer.MAX_VALUE) {
                    throw error("a dimension is too large");
                }
                pos++;
            }
            if (pos == start) {
                throw error("expected a non-negative integer dimension");
            }
            if (pos < text.length() && text.charAt(pos) == 'L') {
                pos++; // Python 2 long suffix, written by old NumPy
            }
            return (int) value;
        }

        private String parseString() {
            char quote = peek();
            if (quote != '\'' && quote != '"') {
                throw error("expected a quoted string");
            }
            int end = text.indexOf(quote, pos + 1);
            if (end < 0) {
                throw error("unterminated string");
            }
            String value = text.substring(pos + 1, end);
            if (value.indexOf('\\') >= 0) {
                throw error("escapes in strings are not supported");
            }
            pos = end + 1;
            return value;
        }

        private void skipSpace() {
            while (pos < text.length() && (text.charAt(pos) == ' ' || text.charAt(pos) == '\n'
                    || text.charAt(pos) == '\t' || text.charAt(pos) == '\r')) {
                pos++;
            }
        }

        private char peek() {
            if (pos >= text.length()) {
                throw error("the header ends early");
            }
            return text.charAt(pos);
        }

        private void expect(char c) {
            if (peek() != c) {
                throw error("expected '" + c + "'");
            }
            pos++;
        }

        private NpyFormatException error(String what) {
            String shown = text.strip();
            if (shown.length() > 200) {
                shown = shown.substring(0, 200) + "…";
            }
            return new NpyFormatException(name + ": malformed header at character " + pos + ": " + what + " in " + shown);
        }
    }
}
