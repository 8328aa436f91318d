package io.github.opcompare.report;

import io.github.opcompare.engine.result.CaseResult;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.CRC32;

/**
 * File names of the case pages and their plots, one per case (id and dtype). A case id comes from
 * the user's configuration and may hold anything ({@code <script>}, {@code ../}, spaces): the name
 * keeps only letters, digits, '-' and '_', and adds a checksum of the real id whenever that changed
 * something, so that two ids that differ only in dropped characters still get two pages.
 */
final class CaseFiles {
    static final String FOLDER = "cases";

    private final Map<CaseResult, String> names = new IdentityHashMap<>();

    CaseFiles(List<CaseResult> cases) {
        Set<String> taken = new HashSet<>();
        for (CaseResult c : cases) {
            String label = c.id() + "-" + c.dtype();
            String safe = label.replaceAll("[^A-Za-z0-9_-]", "_");
            if (safe.length() > 60) {
                safe = safe.substring(0, 60);
            }
            String name = safe.equals(label) ? safe : safe + "-" + crc(label);
            String unique = name;
            for (int n = 2; !taken.add(unique.toLowerCase(Locale.ROOT)); n++) {
                unique = name + "-" + n; // the same id and dtype twice (merged runs): keep both
            }
            names.put(c, unique);
        }
    }

    /** The page's name without extension, unique in the report. */
    String base(CaseResult c) {
        String name = names.get(c);
        if (name == null) {
            throw new IllegalArgumentException("not a case of this report: " + c.id());
        }
        return name;
    }

    /** Path of the case page from the report's root. */
    String page(CaseResult c) {
        return FOLDER + "/" + base(c) + ".html";
    }

    private static String crc(String s) {
        CRC32 crc = new CRC32();
        crc.update(s.getBytes(StandardCharsets.UTF_8));
        return String.format(Locale.ROOT, "%08x", crc.getValue());
    }
}
