package cn.servicemap.planning;

import cn.servicemap.compliance.ComplianceWorkbook;
import cn.servicemap.system.Spreadsheet;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A scenario comparison as spreadsheet sheets with Chinese headers: 对比 (the two sides and the change), 各区变化,
 * 达标变化 (targets whose state differs), 站点变化 (what each side adds, moves, closes, reopens), and each side's
 * compliance table.
 */
final class ComparisonWorkbook {

    private ComparisonWorkbook() {
    }

    static List<Spreadsheet.Sheet> sheets(ScenarioComparison.Comparison c, OffsetDateTime at) {
        ScenarioComparison.Side a = c.a();
        ScenarioComparison.Side b = c.b();
        List<List<Object>> summary = new ArrayList<>();
        summary.add(List.of("方案对比 " + c.region().name() + "（" + c.region().code() + "） 生成于 " + at.toLocalDate() + " "
                + at.toLocalTime().withNano(0)));
        summary.add(List.of(c.basis()));
        summary.add(List.of("项目", "A：" + a.label(), "B：" + b.label(), "变化（B − A）"));
        summary.add(List.of("新增站点", a.changes().added(), b.changes().added(), b.changes().added() - a.changes().added()));
        summary.add(List.of("迁移站点", a.changes().moved(), b.changes().moved(), b.changes().moved() - a.changes().moved()));
        summary.add(List.of("关闭站点", a.changes().closed(), b.changes().closed(), b.changes().closed() - a.changes().closed()));
        summary.add(List.of("重新开放站点", a.changes().reopened(), b.changes().reopened(), b.changes().reopened() - a.changes().reopened()));
        summary.add(List.of("人口（路网覆盖部分）", a.people(), b.people(), b.people() - a.people()));
        summary.add(List.of(c.walkMinutes() + "分钟覆盖人口", a.peopleCovered(), b.peopleCovered(), c.total().peopleCoveredChange()));
        summary.add(List.of(c.walkMinutes() + "分钟覆盖道路（km）", a.roadKmCovered(), b.roadKmCovered(), c.total().roadKmCoveredChange()));
        summary.add(List.of("交叉覆盖人口", a.peopleWithTwo(), b.peopleWithTwo(), c.total().peopleWithTwoChange()));
        summary.add(List.of("交叉覆盖道路（km）", a.roadKmWithTwo(), b.roadKmWithTwo(),
                Math.round((b.roadKmWithTwo() - a.roadKmWithTwo()) * 100) / 100.0));
        summary.add(List.of("达标项", a.targetsMet(), b.targetsMet(), b.targetsMet() - a.targetsMet()));
        summary.add(List.of("未达标项", a.targetsMissed(), b.targetsMissed(), b.targetsMissed() - a.targetsMissed()));

        List<List<Object>> districts = new ArrayList<>();
        districts.add(List.of("区", "行政区划代码", "覆盖人口 A", "覆盖人口 B", "变化", "覆盖道路 A（km）", "覆盖道路 B（km）", "变化（km）",
                "交叉覆盖人口 A", "交叉覆盖人口 B", "变化", "达标项 A", "达标项 B"));
        List<ScenarioComparison.DistrictChange> all = new ArrayList<>(c.districts());
        all.add(c.total());
        for (ScenarioComparison.DistrictChange d : all) {
            districts.add(Arrays.asList(d.name(), d.adcode(), d.peopleCoveredA(), d.peopleCoveredB(), d.peopleCoveredChange(),
                    d.roadKmCoveredA(), d.roadKmCoveredB(), d.roadKmCoveredChange(), d.peopleWithTwoA(), d.peopleWithTwoB(),
                    d.peopleWithTwoChange(), d.targetsMetA(), d.targetsMetB()));
        }

        List<List<Object>> lights = new ArrayList<>();
        lights.add(List.of("区", "行政区划代码", "指标", "A", "B"));
        for (ScenarioComparison.LightChange l : c.lightChanges()) {
            lights.add(Arrays.asList(l.name(), l.adcode(), l.measureName(), l.a().nameZh(), l.b().nameZh()));
        }

        List<List<Object>> stations = new ArrayList<>();
        stations.add(List.of("方案", "操作", "站点编号", "名称", "经度（WGS84）", "纬度（WGS84）"));
        for (ScenarioComparison.Side side : List.of(a, b)) {
            for (ScenarioComparison.StationOnMap s : side.stations()) {
                stations.add(Arrays.asList(side.label(), operation(s.op()), s.stationId(), s.name(), s.lon(), s.lat()));
            }
        }
        List<Spreadsheet.Sheet> sheets = new ArrayList<>(List.of(new Spreadsheet.Sheet("对比", summary),
                new Spreadsheet.Sheet("各区变化", districts), new Spreadsheet.Sheet("达标变化", lights),
                new Spreadsheet.Sheet("站点变化", stations)));
        sheets.add(ComplianceWorkbook.table(a.compliance(), "达标情况 A", at));
        sheets.add(ComplianceWorkbook.table(b.compliance(), "达标情况 B", at));
        return sheets;
    }

    private static String operation(String op) {
        return switch (op) {
            case "add" -> "新增";
            case "move" -> "迁移";
            case "close" -> "关闭";
            default -> "重新开放";
        };
    }
}
