package cn.servicemap.gis.catalog;

import java.util.List;
import java.util.Objects;

/**
 * A kind of service point, one row of {@code station-kinds.csv}.
 *
 * @param code            stable upper-case code, e.g. {@code OUTDOOR_STATION}
 * @param nameZh          Chinese name shown in the UI, e.g. 户外劳动者服务站点
 * @param nameEn          English name
 * @param synonyms        other Chinese names importers map to this kind (爱心驿站, 工会驿站 …)
 * @param integratedPoint whether the kind counts toward the 会·站·家 "≥ 10 per county" target
 * @param sortOrder       display order, ascending
 * @param glyph           the one character a map marker of this kind shows (驿 = 驿站, 宫 = 工人文化宫 …)
 * @param color           the marker's colour, {@code #rrggbb} (lower case)
 * @param source          where the kind and its names come from (document, issuing body, year, URL)
 */
public record StationKind(String code, String nameZh, String nameEn, List<String> synonyms,
                          boolean integratedPoint, int sortOrder, String glyph, String color, String source) {

    public StationKind {
        code = CatalogText.requireCode(code);
        nameZh = CatalogText.requireText(nameZh, "nameZh");
        nameEn = CatalogText.requireText(nameEn, "nameEn");
        synonyms = List.copyOf(synonyms);
        glyph = CatalogText.requireGlyph(glyph);
        color = CatalogText.requireColor(color);
        Objects.requireNonNull(source, "source");
    }
}
