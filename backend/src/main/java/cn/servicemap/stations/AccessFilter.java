package cn.servicemap.stations;

import cn.servicemap.gis.stations.EntryMethod;
import cn.servicemap.system.FieldError;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The worker's access filters of GET /api/stations and /api/nearest: {@code access=OPEN} (any of the entry methods
 * named — "no app needed" is OPEN) and {@code stepFree=true}. A station whose entry is not recorded never matches an
 * entry filter: a worker who asked for "no app needed" must not walk to a locked door.
 *
 * @param entries  empty: any entry, recorded or not
 * @param stepFree true: only step-free stations; null: any
 */
public record AccessFilter(Set<EntryMethod> entries, Boolean stepFree) {

    public static final AccessFilter ANY = new AccessFilter(Set.of(), null);

    /** The {@code access} parameter's description. */
    public static final String ACCESS = "How one gets in, any of (进入方式): OPEN 直接进入 (no card, app or call needed), MEMBER_CODE 需出示工会会员卡或扫码, "
            + "CODE_LOCK 密码锁, FACE_OR_ID 刷脸或身份证 — codes or Chinese words, comma-separated";

    /** The {@code stepFree} parameter's description. */
    public static final String STEP_FREE = "true: only stations with step-free entry and room for a wheelchair (无障碍)";

    public AccessFilter {
        entries = entries.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(entries));
    }

    /** The parameters as asked; an unknown entry method is a field error naming the ones there are. */
    public static AccessFilter of(List<String> access, Boolean stepFree, List<FieldError> errors) {
        Set<EntryMethod> entries = EnumSet.noneOf(EntryMethod.class);
        for (String raw : access == null ? List.<String>of() : access) {
            for (String part : raw.split("[,，、]")) {
                if (part.isBlank()) {
                    continue;
                }
                EntryMethod.parse(part).ifPresentOrElse(entries::add, () -> errors.add(new FieldError("access",
                        "没有这种进入方式：“" + (part.strip().length() > 30 ? part.strip().substring(0, 30) + "…" : part.strip()) + "”；可选 "
                                + Arrays.stream(EntryMethod.values()).map(m -> m.name() + " " + m.nameZh()).collect(Collectors.joining("、"))
                                + " (unknown entry method)", "INVALID")));
            }
        }
        return new AccessFilter(entries, Boolean.TRUE.equals(stepFree) ? Boolean.TRUE : null);
    }

    public boolean any() {
        return entries.isEmpty() && stepFree == null;
    }

    public boolean test(ServicePoint p) {
        return (entries.isEmpty() || p.entry() != null && entries.contains(p.entry()))
                && (stepFree == null || stepFree.equals(p.stepFree()));
    }
}
