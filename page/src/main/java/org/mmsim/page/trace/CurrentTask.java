package org.mmsim.page.trace;

/** The task an event fired in when it is not a kernel thread of its own (kswapd, kcompactd): its comm and pid. */
public interface CurrentTask {
    String comm();

    int pid();
}
