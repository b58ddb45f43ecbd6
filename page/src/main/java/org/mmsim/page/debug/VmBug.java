package org.mmsim.page.debug;

/**
 * A broken invariant of the model, found by one of the debug checkers: what the kernel reports with
 * VM_BUG_ON / VM_BUG_ON_PAGE (CONFIG_DEBUG_VM) or bad_page(), a bug in the model and never a user's mistake.
 * {@link #check()} names the checker that fired; the message is one line: the check, then the state it found.
 */
public class VmBug extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    private final String check;
    private final String detail;

    public VmBug(String check, String detail) {
        super(check + ": " + detail);
        this.check = check;
        this.detail = detail;
    }

    /** The check that fired, with the kernel facility it mirrors. */
    public String check() {
        return check;
    }

    /** The state the check found, without the check's name. */
    public String detail() {
        return detail;
    }
}
