package cn.servicemap.standards;

import cn.servicemap.gis.standards.FacilityStandard;
import cn.servicemap.gis.standards.StandardItem;
import cn.servicemap.gis.standards.StarScheme;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.OffsetDateTime;
import java.util.List;

/** The seed's checklists and star schemes, and a region's choice of them, as the API answers them. */
public final class StandardViews {

    private StandardViews() {
    }

    @Schema(description = "An item of a checklist or a star criterion, with what it asks of the registry and its source")
    public record Item(String code, String name,
                       @Schema(description = "What it asks of the station's record: service:FRIDGE, areaM2>=30, capacity>=20, staffed, "
                               + "registered (on this map), not_recorded (需现场核实), alternatives a | b") String condition,
                       @Schema(description = "How the condition reads the item, where that is this project's reading") String note,
                       String source, @Schema(description = "Whether the item was seen in the cited text") boolean verified) {

        static Item of(StandardItem i) {
            return new Item(i.code(), i.nameZh(), i.condition().text(), i.note(), i.source(), i.verified());
        }

        static List<Item> of(List<StandardItem> items) {
            return items.stream().map(Item::of).toList();
        }
    }

    @Schema(description = "A checklist stations are built to (贵州“七个一”, 上海“6+X” …)")
    public record Standard(String code, String name, String scope,
                           @Schema(description = "The station kinds measured against it") List<String> appliesTo, List<Item> items) {

        static Standard of(FacilityStandard s) {
            return new Standard(s.code(), s.nameZh(), s.scope(), s.appliesTo().stream().sorted().toList(), Item.of(s.items()));
        }
    }

    @Schema(description = "A city's star criteria (福州工会驿站星级): the criteria of each listed level; levels are cumulative")
    public record Scheme(String code, String name, String scope, List<String> appliesTo, List<Level> levels) {

        static Scheme of(StarScheme s) {
            return new Scheme(s.code(), s.nameZh(), s.scope(), s.appliesTo().stream().sorted().toList(),
                    s.levels().stream().map(l -> new Level(l.stars(), Item.of(l.criteria()))).toList());
        }
    }

    @Schema(description = "The criteria of one star level")
    public record Level(int stars, List<Item> criteria) {
    }

    @Schema(description = "The checklist and star scheme a region measures its stations by (本区域标准), and the ones it may choose")
    public record Choice(String region, Standard standard, Scheme starScheme,
                         @Schema(description = "false: the region chose none, the defaults apply") boolean regionChosen,
                         @Schema(nullable = true) String setBy, @Schema(nullable = true) String note,
                         @Schema(nullable = true) OffsetDateTime setAt, List<Standard> standards, List<Scheme> schemes) {
    }

    @Schema(description = "A region's choice of checklist and star scheme (选择本区域标准)")
    public record Change(@Schema(description = "The checklist's code, e.g. WUHAN_7") String standard,
                         @Schema(description = "The star scheme's code, e.g. FUZHOU; left out: keep the current one", nullable = true)
                         String starScheme,
                         @Schema(description = "Who chose it: a person or office, e.g. 市总工会 权益保障部 张三") String setBy,
                         @Schema(description = "Why, or the document it comes from", nullable = true) String note) {

        /**
         * The change with its text trimmed, or a 400 listing every field that is missing or too long (the codes are checked
         * against the seed by {@link StandardChoices#set}).
         */
        public Change checked() {
            List<cn.servicemap.system.FieldError> errors = new java.util.ArrayList<>();
            String code = standard == null ? "" : standard.strip();
            if (code.isEmpty()) {
                errors.add(new cn.servicemap.system.FieldError("standard", "请选择标准 (choose a standard)", "MISSING_VALUE"));
            }
            String by = cn.servicemap.system.TextFields.required(setBy, "setBy",
                    "请写明由谁选择（最多 200 字）(say who chooses it, at most 200 characters)", 200, errors);
            String why = cn.servicemap.system.TextFields.optional(note, "note", "说明最多 1000 字 (the note is at most 1000 characters)", 1000,
                    errors);
            if (!errors.isEmpty()) {
                throw new cn.servicemap.system.InvalidRequestException(errors);
            }
            return new Change(code.toUpperCase(java.util.Locale.ROOT),
                    starScheme == null || starScheme.isBlank() ? null : starScheme.strip().toUpperCase(java.util.Locale.ROOT), by, why);
        }
    }
}
