package cn.servicemap.gis.catalog;

import cn.servicemap.gis.table.SeedCsv;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The station kinds and services of the seed files, with lookup of the names importers meet.
 *
 * <p>A name matches a kind or service when, after folding (trim; full-width letters, digits,
 * punctuation and spaces to ASCII; case ignored; inner whitespace runs as one space), it equals the
 * code, the Chinese name, the English name or one of the synonyms. Every such name must belong to
 * one entry only; the constructor rejects a catalog where two entries share a name.
 *
 * <p>Immutable and thread-safe.
 */
public final class StationCatalog {

    private static final List<String> KIND_COLUMNS =
            List.of("code", "name_zh", "name_en", "synonyms", "integrated_point", "sort_order", "glyph", "color", "source");
    private static final List<String> SERVICE_COLUMNS =
            List.of("code", "name_zh", "name_en", "icon", "synonyms", "sort_order", "source");

    private final List<StationKind> kinds;
    private final List<ServiceType> services;
    private final Map<String, StationKind> kindsByKey;
    private final Map<String, ServiceType> servicesByKey;
    /** Folded service names, longest first, for scanning lists. */
    private final List<String> serviceKeysLongestFirst;

    /**
     * A catalog of the given entries, each list sorted by sort order then code.
     *
     * @throws IllegalArgumentException if two kinds (or two services) share a code or a name
     */
    public StationCatalog(List<StationKind> kinds, List<ServiceType> services) {
        this.kinds = sorted(kinds, StationKind::sortOrder, StationKind::code);
        this.services = sorted(services, ServiceType::sortOrder, ServiceType::code);
        this.kindsByKey = index(this.kinds, StationKind::code,
                k -> names(k.code(), k.nameZh(), k.nameEn(), k.synonyms()));
        this.servicesByKey = index(this.services, ServiceType::code,
                s -> names(s.code(), s.nameZh(), s.nameEn(), s.synonyms()));
        List<String> keys = new ArrayList<>(servicesByKey.keySet());
        keys.sort(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()));
        this.serviceKeysLongestFirst = List.copyOf(keys);
    }

    /**
     * Reads {@code station-kinds.csv} and {@code services.csv} (UTF-8, header row, columns as in
     * seeds/README.md; synonyms {@code |}-separated; every row needs a non-empty {@code source}).
     * The streams are read to their end but not closed.
     *
     * @throws IllegalArgumentException naming file and line for a missing column, a bad value, an
     *                                  empty source, or a name used by two entries
     */
    public static StationCatalog read(InputStream kindsCsv, InputStream servicesCsv) throws IOException {
        List<StationKind> kinds = new ArrayList<>();
        for (SeedCsv.Row row : SeedCsv.read(kindsCsv, "station-kinds.csv", KIND_COLUMNS)) {
            try {
                kinds.add(new StationKind(row.require("code"), row.require("name_zh"), row.require("name_en"),
                        row.list("synonyms"), row.bool("integrated_point"), row.integer("sort_order"),
                        row.require("glyph"), row.require("color"), row.require("source")));
            } catch (IllegalArgumentException | NullPointerException e) {
                throw wrap(row, e);
            }
        }
        List<ServiceType> services = new ArrayList<>();
        for (SeedCsv.Row row : SeedCsv.read(servicesCsv, "services.csv", SERVICE_COLUMNS)) {
            try {
                services.add(new ServiceType(row.require("code"), row.require("name_zh"), row.require("name_en"),
                        row.require("icon"), row.list("synonyms"), row.integer("sort_order"), row.require("source")));
            } catch (IllegalArgumentException | NullPointerException e) {
                throw wrap(row, e);
            }
        }
        return new StationCatalog(kinds, services);
    }

    /** All kinds in display order. */
    public List<StationKind> kinds() {
        return kinds;
    }

    /** All services in display order. */
    public List<ServiceType> services() {
        return services;
    }

    /**
     * The kind a name denotes: its code, Chinese or English name, or a synonym (爱心驿站 →
     * {@code OUTDOOR_STATION}). Empty for an unknown, blank or null name.
     */
    public Optional<StationKind> resolveKind(String text) {
        return text == null ? Optional.empty() : Optional.ofNullable(kindsByKey.get(CatalogText.key(text)));
    }

    /** The service a single name denotes (热水 → {@code WATER}, 空调/取暖 → {@code CLIMATE}). */
    public Optional<ServiceType> resolveService(String text) {
        return text == null ? Optional.empty() : Optional.ofNullable(servicesByKey.get(CatalogText.key(text)));
    }

    /**
     * Resolves a list of services as importers find it: {@code 饮水、热饭，如厕}, {@code 热水/充电 WiFi}.
     * Items are separated by {@code , ， 、 ; ； | /} or whitespace, but a known name that itself holds
     * a separator or parentheses ({@code 空调/取暖}, {@code 热饭(微波炉)}, {@code Air conditioning / heating})
     * is matched whole first: at each item start the longest known name that ends at a separator or
     * the end of the text wins. Text between separators that names no service is reported, as
     * written, in {@link ServiceList#unknown()}.
     */
    public ServiceList resolveServices(String text) {
        if (text == null) {
            return new ServiceList(List.of(), List.of());
        }
        String folded = CatalogText.fold(text);
        Set<ServiceType> found = new LinkedHashSet<>();
        List<String> unknown = new ArrayList<>();
        int i = 0;
        int n = folded.length();
        while (i < n) {
            if (CatalogText.isListSeparator(folded.charAt(i))) {
                i++;
                continue;
            }
            String match = null;
            for (String key : serviceKeysLongestFirst) {
                int end = i + key.length();
                if (folded.startsWith(key, i) && (end == n || CatalogText.isListSeparator(folded.charAt(end)))) {
                    match = key;
                    break;
                }
            }
            if (match != null) {
                found.add(servicesByKey.get(match));
                i += match.length();
                continue;
            }
            int end = i;
            while (end < n && !CatalogText.isListSeparator(folded.charAt(end))) {
                end++;
            }
            unknown.add(text.substring(i, end));
            i = end;
        }
        return new ServiceList(List.copyOf(found), unknown);
    }

    @Override
    public String toString() {
        return "StationCatalog[" + kinds.size() + " kinds, " + services.size() + " services]";
    }

    private static List<String> names(String code, String nameZh, String nameEn, List<String> synonyms) {
        List<String> names = new ArrayList<>(List.of(code, nameZh, nameEn));
        names.addAll(synonyms);
        return names;
    }

    private static <T> List<T> sorted(List<T> entries, Function<T, Integer> order, Function<T, String> code) {
        List<T> copy = new ArrayList<>(entries);
        copy.sort(Comparator.comparing(order).thenComparing(code));
        return List.copyOf(copy);
    }

    private static <T> Map<String, T> index(List<T> entries, Function<T, String> code, Function<T, List<String>> names) {
        Map<String, T> byKey = new HashMap<>();
        Set<String> codes = new LinkedHashSet<>();
        for (T entry : entries) {
            if (!codes.add(code.apply(entry))) {
                throw new IllegalArgumentException("duplicate code " + code.apply(entry));
            }
            for (String name : names.apply(entry)) {
                String key = CatalogText.key(name);
                if (key.isEmpty()) {
                    continue;
                }
                T previous = byKey.putIfAbsent(key, entry);
                if (previous != null && previous != entry) {
                    throw new IllegalArgumentException("name '" + name + "' is used by both "
                            + code.apply(previous) + " and " + code.apply(entry));
                }
            }
        }
        return Map.copyOf(byKey);
    }

    /** Adds file and line to an error from a record constructor; errors from the row already carry them. */
    private static IllegalArgumentException wrap(SeedCsv.Row row, RuntimeException e) {
        if (e instanceof IllegalArgumentException iae && String.valueOf(e.getMessage()).startsWith(row.file() + " line ")) {
            return iae;
        }
        IllegalArgumentException wrapped = row.fail(String.valueOf(e.getMessage()));
        wrapped.initCause(e);
        return wrapped;
    }
}
