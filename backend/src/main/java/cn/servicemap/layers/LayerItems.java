package cn.servicemap.layers;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The items of each {@link Layer}: flat records — numbers, text and yes/no only — so that QGIS, ArcGIS, GDAL and a
 * spreadsheet read every property as a column; each component says its Chinese header and Shapefile field name.
 */
public final class LayerItems {

    private LayerItems() {
    }

    @Schema(description = "A station as a layer item: flat columns")
    public record StationItem(@LayerColumn(header = "编号", dbf = "id") long id,
                              @LayerColumn(header = "站点编码", dbf = "code") String code,
                              @LayerColumn(header = "名称", dbf = "name") String name,
                              @LayerColumn(header = "类型代码", dbf = "kind") String kind,
                              @LayerColumn(header = "类型", dbf = "kind_name") String kindName,
                              @LayerColumn(header = "地址", dbf = "address") String address,
                              @LayerColumn(header = "行政区划代码", dbf = "adcode") String adcode,
                              @LayerColumn(header = "区县", dbf = "district") String districtName,
                              @LayerColumn(header = "电话", dbf = "phone") String phone,
                              @LayerColumn(header = "开放时间", dbf = "hours") String openingHours,
                              @LayerColumn(header = "开放时间说明", dbf = "hours_text") String openingHoursText,
                              @LayerColumn(header = "服务项目", dbf = "services") String services,
                              @LayerColumn(header = "座位数", dbf = "capacity") Integer capacity,
                              @LayerColumn(header = "状态", dbf = "status") String status,
                              @LayerColumn(header = "进入方式代码", dbf = "entry") String entry,
                              @LayerColumn(header = "进入方式", dbf = "entry_text") String entryText,
                              @LayerColumn(header = "有人值守", dbf = "staffed") Boolean staffed,
                              @LayerColumn(header = "无障碍进入", dbf = "step_free") Boolean stepFree,
                              @LayerColumn(header = "面积(㎡)", dbf = "area_m2") Double areaM2,
                              @LayerColumn(header = "核实日期", dbf = "verified") String verifiedAt,
                              @LayerColumn(header = "依托单位", dbf = "host_org") String hostOrg,
                              @LayerColumn(header = "运营工会", dbf = "union_org") String operatingUnion,
                              @LayerColumn(header = "数据来源", dbf = "source") String source,
                              @LayerColumn(header = "演示数据", dbf = "demo") boolean demo,
                              @LayerColumn(header = "合成数据", dbf = "synthetic") boolean synthetic) {
    }

    @Schema(description = "A district as a layer item: flat columns")
    public record DistrictItem(@LayerColumn(header = "行政区划代码", dbf = "adcode") String adcode,
                               @LayerColumn(header = "名称", dbf = "name") String name,
                               @LayerColumn(header = "上级代码", dbf = "parent") String parentAdcode,
                               @LayerColumn(header = "级别", dbf = "level") String level,
                               @LayerColumn(header = "面积(km²)", dbf = "area_km2") double areaKm2,
                               @LayerColumn(header = "人口", dbf = "people") Long population,
                               @LayerColumn(header = "人口来源", dbf = "pop_source") String populationSource,
                               @LayerColumn(header = "边界来源", dbf = "bnd_source") String boundarySource,
                               @LayerColumn(header = "合成数据", dbf = "synthetic") boolean synthetic) {
    }

    @Schema(description = "A service-area band (服务圈) as a layer item")
    public record BandItem(@LayerColumn(header = "服务圈(分钟)", dbf = "minutes") int minutes,
                           @LayerColumn(header = "面积(km²)", dbf = "area_km2") double areaKm2,
                           @LayerColumn(header = "出行方式代码", dbf = "profile") String profile,
                           @LayerColumn(header = "出行方式", dbf = "profile_zh") String profileName,
                           @LayerColumn(header = "数据版本", dbf = "data_ver") long dataVersion) {
    }

    @Schema(description = "A gap (服务缺口) as a layer item, with the best street point for a new station")
    public record GapItem(@LayerColumn(header = "排名", dbf = "rank") int rank,
                          @LayerColumn(header = "服务圈(分钟)", dbf = "minutes") int minutes,
                          @LayerColumn(header = "缺口人口", dbf = "people") long people,
                          @LayerColumn(header = "面积(km²)", dbf = "area_km2") double areaKm2,
                          @LayerColumn(header = "行政区划代码", dbf = "adcode") String adcode,
                          @LayerColumn(header = "区县", dbf = "district") String districtName,
                          @LayerColumn(header = "建议站点经度", dbf = "site_lon") Double siteLon,
                          @LayerColumn(header = "建议站点纬度", dbf = "site_lat") Double siteLat,
                          @LayerColumn(header = "建议站点道路", dbf = "site_road") String siteStreet,
                          @LayerColumn(header = "建议站点新增覆盖人口", dbf = "site_gain") Long sitePeople,
                          @LayerColumn(header = "出行方式代码", dbf = "profile") String profile,
                          @LayerColumn(header = "数据版本", dbf = "data_ver") long dataVersion) {
    }

    @Schema(description = "A proposed new station (建议新站点) of a siting job as a layer item")
    public record SiteItem(@LayerColumn(header = "序号", dbf = "rank") int rank,
                           @LayerColumn(header = "名称", dbf = "name") String name,
                           @LayerColumn(header = "道路", dbf = "street") String street,
                           @LayerColumn(header = "新增覆盖人口", dbf = "gain") long peopleGained,
                           @LayerColumn(header = "服务圈(分钟)", dbf = "minutes") int minutes,
                           @LayerColumn(header = "出行方式代码", dbf = "profile") String profile,
                           @LayerColumn(header = "目标", dbf = "objective") String objective,
                           @LayerColumn(header = "数据版本", dbf = "data_ver") long dataVersion,
                           @LayerColumn(header = "选址任务", dbf = "job") String job) {
    }
}
