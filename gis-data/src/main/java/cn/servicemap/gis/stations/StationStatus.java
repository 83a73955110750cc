package cn.servicemap.gis.stations;

import java.util.Locale;
import java.util.Optional;

/** Whether a service point serves workers now. A closed point keeps its record with a reason. */
public enum StationStatus {
    OPEN("开放"),
    TEMPORARILY_CLOSED("暂停开放"),
    CLOSED("已关闭");

    private final String nameZh;

    StationStatus(String nameZh) {
        this.nameZh = nameZh;
    }

    public String nameZh() {
        return nameZh;
    }

    /** Accepts the code (any case) or a Chinese word planners use: 开放/正常/运营, 暂停/暂时关闭/维修, 关闭/停用/撤销. */
    public static Optional<StationStatus> parse(String text) {
        String t = text.trim();
        for (StationStatus s : values()) {
            if (s.name().equalsIgnoreCase(t.replace(' ', '_').replace('-', '_')) || s.nameZh.equals(t)) {
                return Optional.of(s);
            }
        }
        return switch (t.toLowerCase(Locale.ROOT)) {
            case "开放", "正常", "运营", "运营中", "在用", "open" -> Optional.of(OPEN);
            case "暂停", "暂停开放", "暂时关闭", "维修", "维修中", "临时关闭", "temporarily closed" -> Optional.of(TEMPORARILY_CLOSED);
            case "关闭", "已关闭", "停用", "撤销", "closed" -> Optional.of(CLOSED);
            default -> Optional.empty();
        };
    }
}
