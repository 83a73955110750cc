package cn.servicemap.region;

import cn.servicemap.districts.DistrictRepository;
import cn.servicemap.districts.DistrictService;
import cn.servicemap.gis.crs.CoordinateSystem;
import cn.servicemap.gis.demo.DemoStations;
import cn.servicemap.gis.districts.CensusTable;
import cn.servicemap.gis.districts.DistrictBoundaryReader;
import cn.servicemap.gis.osm.OsmFeature;
import cn.servicemap.gis.osm.OsmFeatureReader;
import cn.servicemap.gis.stations.CheckedStation;
import cn.servicemap.gis.stations.StationChecker;
import cn.servicemap.gis.stations.StationInput;
import cn.servicemap.gis.synthetic.SyntheticCity;
import cn.servicemap.stations.StationRepository;
import cn.servicemap.stations.StationService;
import cn.servicemap.system.ServiceMapProperties;
import cn.servicemap.system.SharedData;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Envelope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * On the first start with an empty database, loads a demo region so the app shows something real:
 * the Nanjing districts (DataV, GCJ-02 → WGS84) with 2020 census population and demo stations
 * (示例) at real OSM host places in the Xinjiekou core — or, without the shared data, a synthetic
 * city labelled synthetic. Never touches a database that already holds districts or stations; when another instance
 * loads it at the same moment (both found the database empty), the one that writes second rolls back and starts with
 * the other's.
 */
@Component
@Order(10)
class DemoRegionLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoRegionLoader.class);
    private static final int MAX_DEMO_STATIONS = 60;
    /** The synthetic river has a bridge every this many blocks, so that it makes real gaps. */
    private static final int SYNTHETIC_BRIDGE_EVERY = 6;
    private static final String SYNTHETIC_CODE = "synthetic-demo";

    private final ServiceMapProperties properties;
    private final SharedData sharedData;
    private final RegionRepository regions;
    private final DistrictRepository districts;
    private final DistrictService districtService;
    private final StationRepository stations;
    private final StationService stationService;
    private final TransactionTemplate tx;
    private final JsonMapper json;
    private final Clock clock;

    DemoRegionLoader(ServiceMapProperties properties, SharedData sharedData, RegionRepository regions,
                     DistrictRepository districts, DistrictService districtService, StationRepository stations,
                     StationService stationService, TransactionTemplate tx, JsonMapper json, Clock clock) {
        this.properties = properties;
        this.sharedData = sharedData;
        this.regions = regions;
        this.districts = districts;
        this.districtService = districtService;
        this.stations = stations;
        this.stationService = stationService;
        this.tx = tx;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        if (!properties.demo().enabled()) {
            return;
        }
        if (regions.current().isPresent() || districts.count() > 0 || stations.count() > 0) {
            log.info("Database already holds data: no demo region loaded.");
            return;
        }
        try {
            if (sharedData.dir().isPresent()) {
                loadNanjing(sharedData.dir().get());
            } else {
                log.warn("Shared data folder (../shared/data) not found: loading a SYNTHETIC demo city. "
                        + "Set SERVICEMAP_DATA_DIR to the shared data folder for the real Nanjing demo.");
                loadSynthetic();
            }
        } catch (DataIntegrityViolationException e) {
            // two instances started at once on one empty database: the other wrote the region (or its districts) first,
            // and this load rolled back whole. Its demo is the one kept; this instance starts with it. With no region
            // there now, the conflict was not another instance's: a fault in the demo data, which must stop the start.
            if (regions.current().isEmpty()) {
                throw e;
            }
            log.info("Another instance loaded the demo region while this one started: nothing loaded here, using theirs.");
        }
    }

    private void loadNanjing(Path dataDir) throws IOException {
        DemoManifest m;
        try (InputStream in = new ClassPathResource("seeds/demo-region.json").getInputStream()) {
            m = json.readValue(in, DemoManifest.class);
        }
        Path boundaryFile = dataDir.resolve(m.boundaries());
        Path osmFile = dataDir.resolve(m.osm());
        List<OsmFeature> hosts = OsmFeatureReader.read(osmFile, DemoStations::isHostPlace);
        Envelope core = new Envelope(m.coreBbox().get(0), m.coreBbox().get(2), m.coreBbox().get(1), m.coreBbox().get(3));
        List<StationInput> demo = DemoStations.place(hosts, core, MAX_DEMO_STATIONS);
        tx.executeWithoutResult(status -> {
            // the region first: its districts name it
            regions.save(new Region(m.code(), m.nameZh(), false,
                    "南京市 11 个区的行政边界与人口；新街口核心区的示例站点（名称带“" + DemoStations.PREFIX + "”）",
                    osmFile.toString(), credits(m), now()));
            try (InputStream boundaries = Files.newInputStream(boundaryFile);
                 InputStream census = Files.newInputStream(dataDir.resolve(m.census()))) {
                CoordinateSystem crs = CoordinateSystem.parse(m.boundariesCrs());
                districtService.store(DistrictBoundaryReader.read(boundaries, crs),
                        "Aliyun DataV.GeoAtlas " + boundaryFile.getFileName() + " (" + crs + " → WGS84)", false, m.code());
                districtService.applyCensus(CensusTable.read(census).records(),
                        "第七次全国人口普查分县资料 2020 (NBS), via Tudigong " + m.census(), m.code());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            int stored = storeStations(demo, new StationRepository.Origin(true, false), "demo");
            log.info("Demo region {} loaded: {} districts, {} demo stations at OSM host places in {}", m.code(),
                    districts.count(), stored, core);
        });
    }

    private void loadSynthetic() throws IOException {
        SyntheticCity city = SyntheticCity.demo();
        // The synthetic city's streets, as an OSM file the road network imports like real data.
        Path osm = Path.of(properties.network().cacheDir()).resolve("synthetic-demo.osm").toAbsolutePath();
        Files.createDirectories(osm.getParent());
        city.writeOsm(osm, SYNTHETIC_BRIDGE_EVERY, true);
        tx.executeWithoutResult(status -> {
            regions.save(new Region(SYNTHETIC_CODE, "合成示例城市（synthetic）", true,
                    "合成数据，仅供演示：不是真实的城市、人口或站点 (synthetic data for a demo; not a real place).",
                    osm.toString(), List.of(SyntheticCity.LABEL), now()));
            districtService.store(city.districts(), SyntheticCity.LABEL, true, SYNTHETIC_CODE);
            districtService.applyCensus(city.census(), SyntheticCity.LABEL, SYNTHETIC_CODE);
            int stored = storeStations(city.stations(24), new StationRepository.Origin(false, true), "synthetic");
            log.info("Synthetic demo region loaded: {} districts, {} stations", city.districts().size(), stored);
        });
    }

    private int storeStations(List<StationInput> inputs, StationRepository.Origin origin, String actor) {
        StationChecker checker = stationService.checker();
        List<CheckedStation> checked = new ArrayList<>();
        for (StationInput in : inputs) {
            StationChecker.Result r = checker.check(in, CoordinateSystem.WGS84);
            if (r.ok()) {
                checked.add(r.station());
            } else {
                log.warn("Demo station '{}' skipped: {}", in.get(cn.servicemap.gis.stations.StationField.NAME), r.problems());
            }
        }
        OffsetDateTime now = now();
        List<Long> ids = stations.insertAll(checked, origin, now);
        stations.recordEvents(ids, "IMPORT", now, actor, actor + " region",
                checked.stream().map(c -> cn.servicemap.stations.StationSnapshot.json(cn.servicemap.stations.StationSnapshot.of(c))).toList());
        return ids.size();
    }

    private static List<String> credits(DemoManifest m) {
        List<String> out = new ArrayList<>();
        if (m.credits() != null) {
            m.credits().stream().map(DemoManifest.Credit::text).filter(t -> t != null && !t.isBlank()).forEach(out::add);
        }
        if (out.stream().noneMatch(s -> s.contains("OpenStreetMap"))) {
            out.add("© OpenStreetMap contributors (ODbL)");
        }
        return out;
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
    }
}
