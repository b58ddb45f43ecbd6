package org.mmsim.vm;

/**
 * Memory ran out where the model's call has no error return: the PGD of a new address space (mm_alloc() →
 * mm_init() → pgd_alloc()) or a page table while fork copies an address space (copy_page_range()).
 * {@link Process#fork()} turns the latter into a failed fork (-ENOMEM in copy_process()).
 */
public final class VmOutOfMemory extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    public VmOutOfMemory(String message) {
        super(message);
    }
}
