package cn.servicemap.photos;

import java.util.Locale;
import java.util.Optional;

/** What a station's photo shows: the way in (入口), to find it, or the inside (内部), to see what it offers. */
public enum PhotoKind {
    ENTRANCE("入口"),
    INSIDE("内部");

    private final String nameZh;

    PhotoKind(String nameZh) {
        this.nameZh = nameZh;
    }

    public String nameZh() {
        return nameZh;
    }

    /** ENTRANCE or INSIDE (any case), or the Chinese name; empty for anything else. */
    static Optional<PhotoKind> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String v = value.trim();
        for (PhotoKind k : values()) {
            if (k.name().equals(v.toUpperCase(Locale.ROOT)) || k.nameZh.equals(v)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }
}
