package cn.servicemap.coverage;

import cn.servicemap.gis.crs.CoordinateSystem;
import cn.servicemap.gis.population.PointDemand;
import cn.servicemap.region.RegionScope;
import cn.servicemap.security.Access;
import cn.servicemap.security.Role;
import cn.servicemap.system.InvalidRequestException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * A planner's own demand surface (自定义需求): points with weights — a platform's order heat map, a union's member
 * addresses — uploaded as CSV, XLSX or GeoJSON with a declared coordinate system, put on the region's cells and then
 * counted by every coverage figure with {@code demand=<id>}.
 */
@RestController
class DemandController {

    @Schema(description = "An uploaded demand surface (自定义需求) and how its points fell on the region's cells")
    record DemandUpload(long id, String name, String fileName, @Schema(nullable = true) String crs, int points,
                        @Schema(description = "Points in a cell of the region: counted") int pointsInside, double weightInside,
                        @Schema(description = "Points outside every cell: not counted") int pointsOutside, double weightOutside,
                        @Schema(description = "Row numbers of the first points outside") List<Integer> rowsOutside,
                        String uploadedBy, OffsetDateTime uploadedAt) {
    }

    @Schema(description = "An uploaded demand surface as listed: use its id as demand=")
    record DemandSummary(long id, String name, String fileName, @Schema(nullable = true) String crs, int points, String uploadedBy,
                         OffsetDateTime uploadedAt) {
    }

    @Schema(description = "A region's uploaded demand surfaces")
    record DemandUploads(List<DemandSummary> uploads) {
    }

    private final CoverageService coverage;
    private final DemandUploadRepository uploads;
    private final RegionScope scope;
    private final Access access;
    private final Clock clock;

    DemandController(CoverageService coverage, DemandUploadRepository uploads, RegionScope scope, Access access, Clock clock) {
        this.coverage = coverage;
        this.uploads = uploads;
        this.scope = scope;
        this.access = access;
        this.clock = clock;
    }

    @Operation(summary = "Upload a demand surface (上传自定义需求): points with an optional weight column (权重/weight), CSV, XLSX or GeoJSON; "
            + "use its id as demand= on coverage, gaps, week, compliance and siting")
    @PostMapping(value = "/api/demands", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<DemandUpload> upload(@RequestPart("file") MultipartFile file,
                                        @Parameter(description = "A name people recognise, e.g. 外卖平台订单热力 2026-11") @RequestParam String name,
                                        @Parameter(description = "WGS84, CGCS2000, GCJ02 or BD09; default: what the file declares")
                                        @RequestParam(required = false) CoordinateSystem crs,
                                        @Parameter(description = "The region's code; may be left out while the instance holds one region")
                                        @RequestParam(required = false) String region) throws IOException {
        RegionScope.Scope where = scope.resolve(region);
        access.requireRegion("region", where.region().code(), Role.PLANNER);
        String label = name == null ? "" : name.strip();
        if (label.isEmpty() || label.length() > 200) {
            throw new InvalidRequestException("name", "请给需求分布起一个名称（最多 200 字）(name the surface, at most 200 characters)");
        }
        String fileName = file.getOriginalFilename() == null ? "demand.csv" : file.getOriginalFilename();
        if (fileName.length() > 300) {
            throw new InvalidRequestException("file", "文件名过长 (the file name is longer than 300 characters)");
        }
        byte[] content = file.getBytes();
        PointDemand.Result placed = DemandSurfaces.place(coverage.network(where.region()), fileName, content, crs);
        if (placed.pointsInside() == 0) {
            throw new InvalidRequestException("file", "没有一个点落在本区域的统计网格内：坐标系是否正确？(no point lies in the region's cells: is "
                    + "the coordinate system right?)");
        }
        OffsetDateTime now = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
        long id = uploads.insert(new DemandUploadRepository.Upload(0, where.region().code(), label, crs == null ? null : crs.name(), fileName,
                content, placed.points(), access.actor(), now));
        DemandUpload answer = new DemandUpload(id, label, fileName, crs == null ? null : crs.name(), placed.points(), placed.pointsInside(),
                placed.weightInside(), placed.pointsOutside(), placed.weightOutside(), placed.rowsOutside(), access.actor(), now);
        return ResponseEntity.created(URI.create("/api/demands?region=" + where.region().code())).body(answer);
    }

    @Operation(summary = "A region's uploaded demand surfaces (自定义需求列表)")
    @GetMapping("/api/demands")
    DemandUploads list(@Parameter(description = "The region's code; may be left out while the instance holds one region")
                       @RequestParam(required = false) String region) {
        RegionScope.Scope where = scope.resolve(region);
        return new DemandUploads(uploads.list(where.region().code()).stream()
                .map(u -> new DemandSummary(u.id(), u.name(), u.fileName(), u.crs(), u.points(), u.uploadedBy(), u.uploadedAt()))
                .toList());
    }
}
