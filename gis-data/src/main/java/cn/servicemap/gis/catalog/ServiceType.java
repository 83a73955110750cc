package cn.servicemap.gis.catalog;

import java.util.List;
import java.util.Objects;

/**
 * A service a station offers, one row of {@code services.csv}.
 *
 * @param code      stable upper-case code, e.g. {@code WATER}
 * @param nameZh    Chinese name shown in the UI, e.g. 饮水; may contain {@code /} or parentheses
 *                  (空调/取暖, 热饭(微波炉))
 * @param nameEn    English name
 * @param icon      short ASCII icon key for the UI, e.g. {@code water}, {@code ebike-charge}
 * @param synonyms  other names importers map to this service (热水, 开水 …)
 * @param sortOrder display order, ascending
 * @param source    where the service comes from (document, issuing body, year, URL)
 */
public record ServiceType(String code, String nameZh, String nameEn, String icon, List<String> synonyms,
                          int sortOrder, String source) {

    public ServiceType {
        code = CatalogText.requireCode(code);
        nameZh = CatalogText.requireText(nameZh, "nameZh");
        nameEn = CatalogText.requireText(nameEn, "nameEn");
        icon = CatalogText.requireText(icon, "icon");
        synonyms = List.copyOf(synonyms);
        Objects.requireNonNull(source, "source");
    }
}
