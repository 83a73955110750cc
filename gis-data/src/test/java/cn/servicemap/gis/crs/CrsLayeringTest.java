package cn.servicemap.gis.crs;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The coordinate package is the bottom layer: readers use it, never the other way round. */
class CrsLayeringTest {

    private static final JavaClasses GIS = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("cn.servicemap.gis");

    @Test
    void crsShouldNotDependOnReadersOrSpring() {
        noClasses().that().resideInAPackage("cn.servicemap.gis.crs..")
                .should().dependOnClassesThat().resideInAnyPackage("cn.servicemap.gis.table..", "org.springframework..")
                .check(GIS);
    }

    @Test
    void tableShouldNotDependOnSpring() {
        noClasses().that().resideInAPackage("cn.servicemap.gis.table..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..")
                .check(GIS);
    }
}
