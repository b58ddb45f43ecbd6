package org.mmsim.arch.layout;

/**
 * What a range of kernel or user virtual addresses is used for. These are the rows of the kernel's layout
 * tables (Documentation/x86/x86_64/mm.rst, Documentation/arm64/memory.rst) and the i386 areas of
 * arch/x86/include/asm/pgtable_32_areas.h, named once so the classifier and the table agree.
 */
public enum RegionKind {
    USER("user"),
    NON_CANONICAL("non-canonical"),
    UNUSED("unused hole"),
    GUARD("guard"),
    LDT_REMAP("LDT remap"),
    DIRECT_MAP("direct map (kernel logical)"),
    VMALLOC("vmalloc"),
    VMEMMAP("vmemmap"),
    KASAN_SHADOW("KASAN shadow"),
    CPU_ENTRY_AREA("cpu_entry_area"),
    ESPFIX("espfix stacks"),
    EFI("EFI runtime"),
    KERNEL_IMAGE("kernel image"),
    MODULES("modules"),
    FIXMAP("fixmap"),
    VSYSCALL("vsyscall"),
    PCI_IO("PCI I/O"),
    PKMAP("pkmap");

    private final String label;

    RegionKind(String label) {
        this.label = label;
    }

    /** A short name for the kind, as the classifier prints it. */
    public String label() {
        return label;
    }
}
