package cn.servicemap.compliance;

import cn.servicemap.system.Spreadsheet;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The compliance table as spreadsheet sheets with Chinese headers: 达标情况 (per district and region, for every measure
 * its value, target, state and shortfall), 目标 (the targets in use, who set them, their sources) and 说明 (method notes).
 * Other reports (the scenario comparison) reuse the sheets.
 */
public final class ComplianceWorkbook {

    private ComplianceWorkbook() {
    }

    public static List<Spreadsheet.Sheet> sheets(Compliance c, OffsetDateTime at) {
        return List.of(table(c, "达标情况", at), targets(c), notes(c));
    }

    /** The table: one row per district and the region, four columns per measure. */
    public static Spreadsheet.Sheet table(Compliance c, String name, OffsetDateTime at) {
        List<List<Object>> rows = new ArrayList<>();
        rows.add(List.of(name + " " + c.region().name() + "（" + c.region().code() + "） 数据版本 " + c.dataVersion() + " 生成于 "
                + at.toLocalDate() + " " + at.toLocalTime().withNano(0)));
        List<Object> header = new ArrayList<>(List.of("区", "行政区划代码"));
        for (Compliance.Column col : c.columns()) {
            String unit = col.unit().isEmpty() ? "" : "（" + col.unit() + "）";
            header.addAll(Arrays.asList(col.nameZh() + unit, col.nameZh() + " 目标", col.nameZh() + " 状态",
                    col.nameZh() + " 差额（" + col.measure().shortfallUnit() + "）"));
        }
        header.addAll(List.of("达标项", "未达标项"));
        rows.add(header);
        for (Compliance.Row r : c.districts()) {
            rows.add(row(r));
        }
        rows.add(row(c.total()));
        return new Spreadsheet.Sheet(name, rows);
    }

    private static List<Object> row(Compliance.Row r) {
        List<Object> out = new ArrayList<>();
        out.add(r.name());
        out.add(r.adcode() == null ? "" : r.adcode());
        for (Compliance.Cell cell : r.cells()) {
            out.add(cell.value());
            out.add(cell.target());
            out.add(cell.light().nameZh());
            out.add(cell.shortfall());
        }
        out.add(r.met());
        out.add(r.missed());
        return out;
    }

    static Spreadsheet.Sheet targets(Compliance c) {
        List<List<Object>> rows = new ArrayList<>();
        rows.add(List.of("目标代码", "名称", "取值", "单位", "默认值", "本区域设定", "设定人", "设定时间", "说明", "适用范围", "来源", "已核实"));
        for (Compliance.TargetInUse t : c.targets()) {
            rows.add(Arrays.asList(t.code(), t.nameZh(), t.value(), t.unit(), t.defaultValue(), t.regionSet() ? "是" : "否",
                    t.setBy(), t.setAt() == null ? null : t.setAt().toString(), t.note(), t.scope(), t.source(), t.verified() ? "是" : "否（未核实）"));
        }
        return new Spreadsheet.Sheet("目标", rows);
    }

    static Spreadsheet.Sheet notes(Compliance c) {
        return new Spreadsheet.Sheet("说明", List.of(
                List.of("服务圈：" + c.stationKind() + "，步行 " + c.walkMinutes() + " 分钟（目标 SHUANG15_WALK_TIME）"),
                List.of("状态：达到目标为“达标”，达到目标的 90% 为“接近”，其下为“未达标”；无目标值为“未设目标”。"),
                List.of("差额：比例类为尚需覆盖的人口或道路公里数；数量类为缺少的文化宫、阵地或驿站个数。"),
                List.of(c.note())));
    }
}
