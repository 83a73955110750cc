package cn.servicemap.gis.stations;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * How a worker gets into a station (进入方式) — the first thing a worker needs to know before walking there, since a
 * station locked behind a code or an app is the field's recurring complaint.
 */
public enum EntryMethod {
    /** Walk in, nothing to show. */
    OPEN("直接进入", "直接进入", "直接进", "开放进入", "自由进出", "无需登记", "免登记", "无门禁", "open", "walk in", "walk-in"),
    /** Show a union membership card or scan an app / mini-program code at the door. */
    MEMBER_CODE("需出示工会会员卡或扫码", "扫码", "扫码进入", "需扫码", "小程序", "app", "二维码", "会员卡", "工会卡", "工会会员卡",
            "出示会员卡", "凭卡进入", "member", "member code", "app code", "qr"),
    /** A code lock whose code is given by phone. */
    CODE_LOCK("密码锁，电话获取密码", "密码锁", "密码", "电话获取密码", "密码门", "code lock", "code", "pin"),
    /** Face recognition or an ID card at the gate. */
    FACE_OR_ID("刷脸或身份证进入", "刷脸", "人脸识别", "身份证", "刷身份证", "face", "id card", "face or id");

    private final String nameZh;
    private final List<String> synonyms;

    EntryMethod(String nameZh, String... synonyms) {
        this.nameZh = nameZh;
        this.synonyms = List.of(synonyms);
    }

    /** In plain words, as the station detail shows it first: 直接进入, 需出示工会会员卡或扫码 … */
    public String nameZh() {
        return nameZh;
    }

    /** Whether a worker gets in without a card, an app or a phone call. */
    public boolean withoutApp() {
        return this == OPEN;
    }

    /** The code (any case, - or space for _), the plain words or a word unions use in their sheets; empty when none fits. */
    public static Optional<EntryMethod> parse(String text) {
        String t = Normalizer.normalize(text, Normalizer.Form.NFKC).trim().toLowerCase(Locale.ROOT);
        for (EntryMethod m : values()) {
            if (m.name().equalsIgnoreCase(t.replace(' ', '_').replace('-', '_')) || m.nameZh.equals(t) || m.synonyms.contains(t)) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }
}
