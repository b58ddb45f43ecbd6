/**
 * The reader of trace-cmd's binary {@code trace.dat}, file versions 6 and 7. The file's own metadata says how to
 * read it: the ring buffer's page header (header_page), its event header (header_event) and every event's
 * {@code format} text with its fields' offsets and sizes, so no field layout is hard-coded. The per-CPU data is
 * read one ring-buffer page (or one compressed chunk) per CPU at a time and merged by time stamp, so a file of
 * several GB streams through.
 *
 * <p>Kernel sources (6.1): kernel/trace/ring_buffer.c (buffer_data_page: time stamp, commit, data; the event
 * header's type_len and time_delta; RINGBUF_TYPE_PADDING, TIME_EXTEND and TIME_STAMP, rb_fix_abs_ts),
 * kernel/trace/trace_events.c (the format files), include/trace/events/kmem.h (the kmem fields decoded), and
 * trace-cmd's file formats trace-cmd.dat.v6(5) and trace-cmd.dat.v7(5) (sections, options, zlib and zstd chunks).
 *
 * <p>Layer trace: imports org.mmsim.arch (InputError) and org.mmsim.trace; nothing outside the trace module
 * imports this package except through {@link org.mmsim.trace.dat.TraceDatReader#open}.
 */
package org.mmsim.trace.dat;
