package cn.servicemap.gis.standards;

import java.util.Objects;

/**
 * One item of a standard (一台冰箱, 有地图可查) or one criterion of a star level (面积 30 平方米以上).
 *
 * @param code      stable upper-case code within its standard, e.g. {@code FRIDGE}
 * @param nameZh    the item as the source words it
 * @param condition what it asks of the registry record
 * @param note      how the condition reads the item, where that is this project's reading (may be empty)
 * @param source    document, issuing body, date and address — or why it could not be checked
 * @param verified  whether the item was seen in the cited text
 */
public record StandardItem(String code, String nameZh, Condition condition, String note, String source, boolean verified) {

    public StandardItem {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(nameZh, "nameZh");
        Objects.requireNonNull(condition, "condition");
        note = note == null ? "" : note;
        Objects.requireNonNull(source, "source");
        if (source.isBlank()) {
            throw new IllegalArgumentException("item " + code + " cites no source");
        }
    }
}
