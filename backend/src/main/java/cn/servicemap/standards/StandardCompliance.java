package cn.servicemap.standards;

import cn.servicemap.districts.District;
import cn.servicemap.districts.DistrictRepository;
import cn.servicemap.districts.RegionIndex;
import cn.servicemap.region.RegionScope;
import cn.servicemap.stations.ServicePoint;
import cn.servicemap.stations.StationFilter;
import cn.servicemap.stations.StationRepository;
import cn.servicemap.system.Spreadsheet;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;

/**
 * The planner's table of stations below the region's checklist (站点标准达标情况): per district how many stations the
 * checklist measures, how many meet it, how many lack an item (listed, each with what it lacks) and how many only need
 * an on-site check. Counts the stations that are not closed, of the kinds the checklist measures.
 */
@Service
public class StandardCompliance {

    /** A district's row for stations outside every district (only while the instance holds one region). */
    static final String OUTSIDE = "（不在任何区县内）";

    @Schema(description = "A station below the checklist, with what it lacks")
    public record StationRow(long id, String name, @Schema(description = "Station code (站点编码)", nullable = true) String code,
                             @Schema(description = "Items the record shows it lacks (缺少)") List<String> missing,
                             @Schema(description = "Items to check on site (需现场核实)") List<String> unknown) {
    }

    @Schema(description = "One district: stations measured, meeting the checklist, below it (listed), and only to be checked on site")
    public record DistrictRow(@Schema(nullable = true) String adcode, String name, int measured,
                              @Schema(description = "Every item met") int met,
                              @Schema(description = "At least one item missing") int below,
                              @Schema(description = "Nothing missing, but items to check on site") int toVerify,
                              @Schema(description = "The stations below the checklist, most items missing first") List<StationRow> stations) {
    }

    @Schema(description = "Stations against the region's checklist per district (站点标准达标情况)")
    public record Table(String region, StandardViews.Standard standard,
                        @Schema(description = "false: the region chose none, the default applies") boolean regionChosen,
                        int measured, int below, List<DistrictRow> districts, String note) {
    }

    private final RegionScope scope;
    private final StandardChoices choices;
    private final StationRepository stations;
    private final DistrictRepository districts;
    private final RegionIndex regionIndex;

    StandardCompliance(RegionScope scope, StandardChoices choices, StationRepository stations, DistrictRepository districts,
                       RegionIndex regionIndex) {
        this.scope = scope;
        this.choices = choices;
        this.stations = stations;
        this.districts = districts;
        this.regionIndex = regionIndex;
    }

    public Table table(String region) {
        RegionScope.Scope s = scope.resolve(region);
        StandardChoices.InUse in = choices.inUse(s.region().code());
        Map<String, List<StationStandards.StationStandard>> byDistrict = new LinkedHashMap<>();
        Map<String, List<StationRow>> below = new LinkedHashMap<>();
        for (District d : districts.findAll(s.filterCode())) {
            byDistrict.put(d.adcode(), new ArrayList<>());
            below.put(d.adcode(), new ArrayList<>());
        }
        StationFilter filter = new StationFilter(in.standard().appliesTo(), Set.of(), null, null, null, Set.of(), s.filterCode());
        for (ServicePoint p : stations.find(filter)) {
            StationStandards.StationStandard r = StationStandards.assess(p, in).standard();
            String key = p.adcode() == null ? OUTSIDE : p.adcode();
            byDistrict.computeIfAbsent(key, k -> new ArrayList<>()).add(r);
            if (!r.missing().isEmpty()) {
                below.computeIfAbsent(key, k -> new ArrayList<>()).add(new StationRow(p.id(), p.name(), p.code(), r.missing(), r.unknown()));
            }
        }
        List<DistrictRow> rows = new ArrayList<>();
        int measured = 0;
        int belowCount = 0;
        for (Map.Entry<String, List<StationStandards.StationStandard>> e : byDistrict.entrySet()) {
            List<StationStandards.StationStandard> all = e.getValue();
            List<StationRow> listed = new ArrayList<>(below.getOrDefault(e.getKey(), List.of()));
            listed.sort(Comparator.comparingInt((StationRow r) -> -r.missing().size()).thenComparing(StationRow::name));
            int met = (int) all.stream().filter(r -> r.missing().isEmpty() && r.unknown().isEmpty()).count();
            int verify = (int) all.stream().filter(r -> r.missing().isEmpty() && !r.unknown().isEmpty()).count();
            String adcode = e.getKey().equals(OUTSIDE) ? null : e.getKey();
            rows.add(new DistrictRow(adcode, adcode == null ? OUTSIDE : regionIndex.districtName(adcode).orElse(adcode), all.size(), met,
                    listed.size(), verify, listed));
            measured += all.size();
            belowCount += listed.size();
        }
        return new Table(s.region().code(), StandardViews.Standard.of(in.standard()), in.chosen() != null, measured, belowCount, rows,
                "按站点登记的服务、面积与容纳人数核对“" + in.standard().nameZh() + "”：缺少 = 登记信息中没有该项；需现场核实的项不计入未达标。"
                        + "只计未关闭的" + String.join("、", in.standard().appliesTo().stream().sorted().toList()) + "类站点。"
                        + " (checked against the registry: missing = the record lacks it; items the record cannot tell are not counted as missing)");
    }

    /** The table as an XLSX workbook: the stations below the checklist, the districts' counts, the checklist with its sources. */
    static byte[] workbook(Table t, OffsetDateTime at) {
        List<List<Object>> stationsSheet = new ArrayList<>();
        stationsSheet.add(List.of("未达标站点 — " + t.standard().name() + " — 区域 " + t.region() + " — 导出于 " + at.toLocalDate()));
        stationsSheet.add(List.of("区", "站点", "站点编码", "缺少", "需现场核实"));
        List<List<Object>> districtSheet = new ArrayList<>();
        districtSheet.add(List.of("区", "计入站点", "达标", "未达标", "需现场核实"));
        for (DistrictRow d : t.districts()) {
            districtSheet.add(List.of(d.name(), d.measured(), d.met(), d.below(), d.toVerify()));
            for (StationRow s : d.stations()) {
                stationsSheet.add(java.util.Arrays.asList(d.name(), s.name(), s.code(), String.join("、", s.missing()),
                        String.join("、", s.unknown())));
            }
        }
        districtSheet.add(List.of("合计", t.measured(), "", t.below(), ""));
        List<List<Object>> standardSheet = new ArrayList<>();
        standardSheet.add(List.of(t.standard().name() + "（" + t.standard().scope() + "）" + (t.regionChosen() ? "" : "，默认标准")));
        standardSheet.add(List.of("项目", "条件", "说明", "出处", "已在出处中核实"));
        for (StandardViews.Item i : t.standard().items()) {
            standardSheet.add(List.of(i.name(), i.condition(), i.note(), i.source(), i.verified() ? "是" : "否"));
        }
        standardSheet.add(List.of(t.note()));
        return Spreadsheet.xlsx(List.of(new Spreadsheet.Sheet("未达标站点", stationsSheet), new Spreadsheet.Sheet("各区汇总", districtSheet),
                new Spreadsheet.Sheet("标准", standardSheet)));
    }
}
