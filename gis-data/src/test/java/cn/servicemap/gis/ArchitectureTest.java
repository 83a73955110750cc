package cn.servicemap.gis;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** gis-data is the spatial core: no web framework in it (as graphhopper-core), and the coordinate layer at the bottom. */
class ArchitectureTest {

    private static final JavaClasses GIS = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("cn.servicemap.gis");

    @Test
    void gisDataShouldNotUseSpringOrServlets() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta.servlet..")
                .check(GIS);
    }

    @Test
    void crsShouldDependOnNoOtherPackageOfOurs() {
        noClasses().that().resideInAPackage("cn.servicemap.gis.crs..")
                .should().dependOnClassesThat().resideInAnyPackage("cn.servicemap.gis.table..", "cn.servicemap.gis.stations..",
                        "cn.servicemap.gis.districts..", "cn.servicemap.gis.osm..", "cn.servicemap.gis.network..",
                        "cn.servicemap.gis.access..")
                .check(GIS);
    }
}
