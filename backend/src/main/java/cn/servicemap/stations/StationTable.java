package cn.servicemap.stations;

import cn.servicemap.gis.catalog.ServiceType;
import cn.servicemap.gis.catalog.StationCatalog;
import cn.servicemap.gis.catalog.StationKind;
import cn.servicemap.gis.stations.StationField;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The registry as a table a union keeps (导出站点): one row per station under the Chinese header of each
 * {@link StationField} — the first header the importer recognises, so the file goes back in through the station import
 * unchanged — with the station code first and the district name last (both ignored on import). Kind, services, status
 * and entry in Chinese words; yes/no as 是/否; coordinates WGS84.
 */
public final class StationTable {

    static final String CODE = "站点编码";
    static final String DISTRICT = "所在区";

    private final Map<String, StationKind> kinds;
    private final Map<String, ServiceType> services;

    public StationTable(StationCatalog catalog) {
        this.kinds = catalog.kinds().stream().collect(Collectors.toMap(StationKind::code, Function.identity()));
        this.services = catalog.services().stream().collect(Collectors.toMap(ServiceType::code, Function.identity()));
    }

    /** The header row and one row per station. */
    public List<List<Object>> rows(List<ServicePoint> points, Function<String, String> districtName) {
        List<List<Object>> rows = new ArrayList<>();
        List<Object> header = new ArrayList<>();
        header.add(CODE);
        for (StationField f : StationField.values()) {
            header.add(f.headers().get(0));
        }
        header.add(DISTRICT);
        rows.add(header);
        for (ServicePoint p : points) {
            List<Object> row = new ArrayList<>();
            row.add(p.code());
            for (StationField f : StationField.values()) {
                row.add(value(p, f));
            }
            row.add(p.adcode() == null ? null : districtName.apply(p.adcode()));
            rows.add(row);
        }
        return rows;
    }

    private Object value(ServicePoint p, StationField f) {
        return switch (f) {
            case NAME -> p.name();
            case KIND -> kinds.containsKey(p.kind()) ? kinds.get(p.kind()).nameZh() : p.kind();
            case LON -> p.lon();
            case LAT -> p.lat();
            case ADDRESS -> p.address();
            case PHONE -> p.phone();
            case OPENING_HOURS -> p.openingHours();
            case SERVICES -> p.services().stream().map(c -> services.containsKey(c) ? services.get(c).nameZh() : c)
                    .collect(Collectors.joining("、"));
            case HOST_ORG -> p.hostOrg();
            case OPERATING_UNION -> p.operatingUnion();
            case CAPACITY -> p.capacity();
            case STATUS -> p.status().nameZh();
            case STATUS_REASON -> p.statusReason();
            case VERIFIED_AT -> p.verifiedAt() == null ? null : p.verifiedAt().toString();
            case SOURCE -> p.source();
            case ENTRY -> p.entry() == null ? null : p.entry().nameZh();
            case STAFFED -> p.staffed() == null ? null : p.staffed() ? "是" : "否";
            case STEP_FREE -> p.stepFree() == null ? null : p.stepFree() ? "是" : "否";
            case AREA -> p.areaM2() == null ? null : BigDecimal.valueOf(p.areaM2()).stripTrailingZeros();
        };
    }
}
