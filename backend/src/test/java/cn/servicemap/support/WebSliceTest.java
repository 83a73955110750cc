package cn.servicemap.support;

import cn.servicemap.basemap.BasemapService;
import cn.servicemap.compliance.ComplianceService;
import cn.servicemap.compliance.TargetService;
import cn.servicemap.coverage.CoverageService;
import cn.servicemap.coverage.WhatIfs;
import cn.servicemap.districts.DistrictRepository;
import cn.servicemap.districts.DistrictService;
import cn.servicemap.districts.RegionIndex;
import cn.servicemap.feedback.ProblemReportRepository;
import cn.servicemap.planning.ScenarioComparison;
import cn.servicemap.planning.ScenarioService;
import cn.servicemap.jobs.JobService;
import cn.servicemap.region.RegionImportService;
import cn.servicemap.region.RegionRepository;
import cn.servicemap.stations.StationFeatures;
import cn.servicemap.stations.StationImportService;
import cn.servicemap.stations.StationRepository;
import cn.servicemap.stations.StationService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * The web slice every controller test runs in: all controllers, the error handling, converters and JSON set-up of
 * the app, and every service and repository they call replaced by a mock (reset after each test). One application
 * context for all slice tests, started once. No database, no road network.
 */
@WebMvcTest
@org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc(addFilters = false) // who may call what: the security tests
@Import(WebSlice.class)
public abstract class WebSliceTest {

    @Autowired
    protected MockMvcTester mvc;

    @MockitoBean
    protected CoverageService coverage;
    @MockitoBean
    protected WhatIfs whatIfs;
    @MockitoBean
    protected StationFeatures stationFeatures;
    @MockitoBean
    protected RegionIndex regionIndex;
    @MockitoBean
    protected StationService stations;
    @MockitoBean
    protected StationRepository stationRepository;
    @MockitoBean
    protected StationImportService imports;
    @MockitoBean
    protected DistrictRepository districtRepository;
    @MockitoBean
    protected DistrictService districtService;
    @MockitoBean
    protected BasemapService basemap;
    @MockitoBean
    protected RegionRepository regions;
    @MockitoBean
    protected ScenarioService scenarios;
    @MockitoBean
    protected ProblemReportRepository reports;
    @MockitoBean
    protected RegionImportService regionImports;
    @MockitoBean
    protected JobService jobs;
    @MockitoBean
    protected ComplianceService compliance;
    @MockitoBean
    protected TargetService targets;
    @MockitoBean
    protected ScenarioComparison comparison;
    @MockitoBean
    protected cn.servicemap.security.Access access;
    @MockitoBean
    protected cn.servicemap.security.UserService users;
    @MockitoBean
    protected cn.servicemap.system.AuditLog audit;
    @MockitoBean
    protected cn.servicemap.feedback.Moderation moderation;
    @MockitoBean
    protected cn.servicemap.coverage.DemandUploadRepository demandUploads;
    @MockitoBean
    protected cn.servicemap.feedback.Confirmations confirmations;
    @MockitoBean
    protected cn.servicemap.photos.PhotoService photos;
    @MockitoBean
    protected cn.servicemap.layers.RegionLayers regionLayers;
    @MockitoBean
    protected cn.servicemap.layers.LayerExports layerExports;
    @MockitoBean
    protected cn.servicemap.coverage.CoverageLayers coverageLayers;
    @MockitoBean
    protected cn.servicemap.standards.StandardChoices standardChoices;
    @MockitoBean
    protected cn.servicemap.standards.StandardCompliance standardCompliance;
    @MockitoBean
    protected cn.servicemap.grades.GradeService grades;

    @Autowired
    private cn.servicemap.region.RegionScope regionScope;

    @org.junit.jupiter.api.BeforeEach
    void actorOfTheSlice() {
        org.mockito.Mockito.when(access.actor()).thenReturn("slice-test");
        regionScope.forget(); // each test stubs the regions anew
    }
}
