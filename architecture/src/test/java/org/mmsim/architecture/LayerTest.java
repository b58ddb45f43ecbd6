package org.mmsim.architecture;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The layers of mmsim, as each package's package-info.java states them, checked over the main classes of every
 * module: a package may import only its own layer and the layers below it, and no two packages import each other,
 * directly or through others.
 *
 * <p>The order follows the kernel's own: the architecture's constants and layouts, then boot (firmware map,
 * memblock, zone sizing), the page allocator, reclaim, compaction (its own module, built on reclaim's page owners
 * and migration), the kernel's own allocators (slab, vmalloc, highmem), process address spaces, the workload
 * simulation, and last the front ends that print what the model did: the report, the runs and studies made of
 * it, and the command line.
 * Spark (a study as a Spark job, which the command line starts in a JVM of its own rather than importing it) may use
 * every layer below the command line and nothing may use it.
 * Bench may use everything and nothing may use it; testdata is test support that main code never imports.
 */
@AnalyzeClasses(packages = "org.mmsim",
        importOptions = {ImportOption.DoNotIncludeTests.class, ProjectClassesOnly.class})
class LayerTest {

    @ArchTest
    static final ArchRule layers_are_imported_only_from_above = layeredArchitecture()
            .consideringOnlyDependenciesInLayers()
            .ensureAllClassesAreContainedInArchitecture()
            .layer("arch").definedBy("org.mmsim.arch..")
            .layer("boot").definedBy("org.mmsim.boot..")
            .layer("page").definedBy("org.mmsim.page..")
            .layer("reclaim").definedBy("org.mmsim.reclaim..")
            .layer("compaction").definedBy("org.mmsim.compaction..")
            .layer("kernel").definedBy("org.mmsim.kernel..")
            .layer("vm").definedBy("org.mmsim.vm..")
            .layer("workload").definedBy("org.mmsim.workload..")
            .layer("proc").definedBy("org.mmsim.proc..")
            .layer("trace").definedBy("org.mmsim.trace..")
            .layer("report").definedBy("org.mmsim.report..")
            .layer("study").definedBy("org.mmsim.study..")
            .layer("web").definedBy("org.mmsim.web..")
            .layer("cli").definedBy("org.mmsim.cli..")
            .layer("spark").definedBy("org.mmsim.spark..")
            .layer("bench").definedBy("org.mmsim.bench..")
            .layer("testdata").definedBy("org.mmsim.testdata..")
            .whereLayer("arch").mayNotAccessAnyLayer()
            .whereLayer("boot").mayOnlyAccessLayers("arch")
            .whereLayer("page").mayOnlyAccessLayers("arch", "boot")
            .whereLayer("reclaim").mayOnlyAccessLayers("arch", "boot", "page")
            .whereLayer("compaction").mayOnlyAccessLayers("arch", "boot", "page", "reclaim")
            .whereLayer("kernel").mayOnlyAccessLayers("arch", "boot", "page", "reclaim", "compaction")
            .whereLayer("vm").mayOnlyAccessLayers("arch", "boot", "page", "reclaim", "compaction", "kernel")
            .whereLayer("workload").mayOnlyAccessLayers("arch", "boot", "page", "reclaim", "compaction", "kernel", "vm")
            .whereLayer("proc").mayOnlyAccessLayers("arch", "boot", "page", "reclaim", "compaction", "kernel", "vm", "workload")
            .whereLayer("trace").mayOnlyAccessLayers("arch", "boot", "page", "reclaim", "compaction", "kernel", "vm", "workload", "proc")
            .whereLayer("report").mayOnlyAccessLayers(
                    "arch", "boot", "page", "reclaim", "compaction", "kernel", "vm", "workload", "proc", "trace")
            .whereLayer("study").mayOnlyAccessLayers(
                    "arch", "boot", "page", "reclaim", "compaction", "kernel", "vm", "workload", "proc", "trace", "report")
            .whereLayer("web").mayOnlyAccessLayers(
                    "arch", "boot", "page", "reclaim", "compaction", "kernel", "vm", "workload", "proc", "trace", "report",
                    "study")
            .whereLayer("web").mayOnlyBeAccessedByLayers("cli")
            .whereLayer("cli").mayOnlyAccessLayers(
                    "arch", "boot", "page", "reclaim", "compaction", "kernel", "vm", "workload", "proc", "trace", "report",
                    "study", "web")
            .whereLayer("spark").mayOnlyAccessLayers(
                    "arch", "boot", "page", "reclaim", "compaction", "kernel", "vm", "workload", "proc", "trace", "report",
                    "study")
            .whereLayer("spark").mayNotBeAccessedByAnyLayer()
            .whereLayer("bench").mayNotBeAccessedByAnyLayer()
            .whereLayer("testdata").mayNotBeAccessedByAnyLayer()
            .whereLayer("testdata").mayNotAccessAnyLayer();

    @ArchTest
    static final ArchRule packages_are_free_of_cycles = slices()
            .matching("org.mmsim.(**)")
            .namingSlices("package org.mmsim.$1")
            .should().beFreeOfCycles();
}
