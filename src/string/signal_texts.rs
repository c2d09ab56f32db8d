//! The texts of `strsignal`, `sigabbrev_np` and `sigdescr_np`: glibc 2.36's descriptions
//! and abbreviations of the Linux signals 1 to 31 on x86_64, byte for byte (generated from a
//! program run against glibc). Each text is NUL-terminated so that C can be given a pointer.

/// `(abbreviation, description)` by signal number, for signals 1..=31; index 0 is unused.
pub static SIGNALS: [(&[u8], &[u8]); 32] = [
    (b"\0", b"\0"),
    (b"HUP\0", b"Hangup\0"),
    (b"INT\0", b"Interrupt\0"),
    (b"QUIT\0", b"Quit\0"),
    (b"ILL\0", b"Illegal instruction\0"),
    (b"TRAP\0", b"Trace/breakpoint trap\0"),
    (b"ABRT\0", b"Aborted\0"),
    (b"BUS\0", b"Bus error\0"),
    (b"FPE\0", b"Floating point exception\0"),
    (b"KILL\0", b"Killed\0"),
    (b"USR1\0", b"User defined signal 1\0"),
    (b"SEGV\0", b"Segmentation fault\0"),
    (b"USR2\0", b"User defined signal 2\0"),
    (b"PIPE\0", b"Broken pipe\0"),
    (b"ALRM\0", b"Alarm clock\0"),
    (b"TERM\0", b"Terminated\0"),
    (b"STKFLT\0", b"Stack fault\0"),
    (b"CHLD\0", b"Child exited\0"),
    (b"CONT\0", b"Continued\0"),
    (b"STOP\0", b"Stopped (signal)\0"),
    (b"TSTP\0", b"Stopped\0"),
    (b"TTIN\0", b"Stopped (tty input)\0"),
    (b"TTOU\0", b"Stopped (tty output)\0"),
    (b"URG\0", b"Urgent I/O condition\0"),
    (b"XCPU\0", b"CPU time limit exceeded\0"),
    (b"XFSZ\0", b"File size limit exceeded\0"),
    (b"VTALRM\0", b"Virtual timer expired\0"),
    (b"PROF\0", b"Profiling timer expired\0"),
    (b"WINCH\0", b"Window changed\0"),
    (b"POLL\0", b"I/O possible\0"),
    (b"PWR\0", b"Power failure\0"),
    (b"SYS\0", b"Bad system call\0"),
];
