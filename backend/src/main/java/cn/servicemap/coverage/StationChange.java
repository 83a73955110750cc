package cn.servicemap.coverage;

import cn.servicemap.gis.crs.CoordinateSystem;
import cn.servicemap.system.InvalidValueException;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.swagger.v3.oas.annotations.media.DiscriminatorMapping;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One change to the stations, as a what-if tries it, a scenario keeps it and applying a scenario writes it:
 * {@code add} a new station, {@code move} or {@code close} an open one, {@code reopen} a closed one. In JSON
 * the {@code op} property names the kind. Coordinates are checked when the change is read; whether the station
 * exists and may take the change is checked against the stations when it is applied, in order (see
 * {@link WhatIfComputation}).
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "op")
@JsonSubTypes({
        @JsonSubTypes.Type(value = StationChange.Add.class, name = "add"),
        @JsonSubTypes.Type(value = StationChange.Move.class, name = "move"),
        @JsonSubTypes.Type(value = StationChange.Close.class, name = "close"),
        @JsonSubTypes.Type(value = StationChange.Reopen.class, name = "reopen")})
@Schema(description = "A change to the stations (站点变更): op = add, move, close or reopen",
        oneOf = {StationChange.Add.class, StationChange.Move.class, StationChange.Close.class, StationChange.Reopen.class},
        discriminatorProperty = "op", discriminatorMapping = {
        @DiscriminatorMapping(value = "add", schema = StationChange.Add.class),
        @DiscriminatorMapping(value = "move", schema = StationChange.Move.class),
        @DiscriminatorMapping(value = "close", schema = StationChange.Close.class),
        @DiscriminatorMapping(value = "reopen", schema = StationChange.Reopen.class)})
public sealed interface StationChange {

    /** The station changed, or null for an added one. */
    Long stationId();

    @Schema(description = "Add a station at lon/lat (新增站点); name and kind are needed only to apply a scenario")
    record Add(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) Double lon,
               @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Double lat,
               @Schema(description = "Coordinate system of lon/lat; default WGS84", nullable = true) CoordinateSystem crs,
               @Schema(nullable = true) String name, @Schema(description = "Kind code or Chinese name", nullable = true) String kind)
            implements StationChange {
        public Add {
            checkPosition(lon, lat);
            crs = crs == null ? CoordinateSystem.WGS84 : crs;
        }

        @Override
        public Long stationId() {
            return null;
        }
    }

    @Schema(description = "Move an open station to lon/lat (移动站点)")
    record Move(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) Long stationId,
                @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Double lon,
                @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Double lat,
                @Schema(description = "Coordinate system of lon/lat; default WGS84", nullable = true) CoordinateSystem crs)
            implements StationChange {
        public Move {
            checkStation(stationId);
            checkPosition(lon, lat);
            crs = crs == null ? CoordinateSystem.WGS84 : crs;
        }
    }

    @Schema(description = "Close an open station (关闭站点)")
    record Close(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) Long stationId) implements StationChange {
        public Close {
            checkStation(stationId);
        }
    }

    @Schema(description = "Reopen a closed station where it stands (重新开放站点)")
    record Reopen(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) Long stationId) implements StationChange {
        public Reopen {
            checkStation(stationId);
        }
    }

    private static void checkStation(Long stationId) {
        if (stationId == null) {
            throw new InvalidValueException("stationId", "MISSING_VALUE", "需要站点编号 (stationId is required)");
        }
    }

    private static void checkPosition(Double lon, Double lat) {
        if (lon == null || !(Math.abs(lon) <= 180)) {
            throw new InvalidValueException("lon", "BAD_COORDINATE", "需要有效的经度 −180…180 (lon is required, within -180..180)");
        }
        if (lat == null || !(Math.abs(lat) <= 90)) {
            throw new InvalidValueException("lat", "BAD_COORDINATE", "需要有效的纬度 −90…90 (lat is required, within -90..90)");
        }
    }
}
