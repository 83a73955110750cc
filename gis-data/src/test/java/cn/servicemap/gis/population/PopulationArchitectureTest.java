package cn.servicemap.gis.population;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The surface is input to the road network and accessibility code, never the other way round. */
class PopulationArchitectureTest {

    @Test
    void populationShouldNotDependOnTheRoadNetworkOrAccessibility() {
        JavaClasses population = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("cn.servicemap.gis.population");
        noClasses().that().resideInAPackage("cn.servicemap.gis.population..")
                .should().dependOnClassesThat().resideInAnyPackage("cn.servicemap.gis.network..",
                        "cn.servicemap.gis.access..", "org.springframework..")
                .check(population);
    }
}
