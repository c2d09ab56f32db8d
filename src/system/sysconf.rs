//! `sysconf`: glibc 2.36's answer for every `_SC_` name. Most are constants of the
//! implementation (POSIX option versions, limits.h values); a few come from the kernel
//! (resource limits, page and memory counts, processor counts, the signal-stack minimum from
//! the auxiliary vector) or from the processor (cache geometry, see `cache`).
//!
//! `Ok(-1)` is "no fixed limit" or "option not supported" with `errno` untouched; an unknown
//! name is `EINVAL`.

use libc::c_long;
use rustix::io::Errno;

/// POSIX.1-2008, the version of every option glibc supports.
const V: c_long = 200809;

/// The old fixed `ARG_MAX`, the least `sysconf(_SC_ARG_MAX)` answers.
const LEGACY_ARG_MAX: c_long = 131072;

/// glibc's `MINSIGSTKSZ` and `SIGSTKSZ` constants.
const GLIBC_MINSIGSTKSZ: c_long = 2048;
const GLIBC_SIGSTKSZ: c_long = 8192;

/// The kernel's minimum signal-stack size (`AT_MINSIGSTKSZ`), or the constant.
fn min_signal_stack() -> c_long {
    match crate::start::auxv::getauxval(libc::AT_MINSIGSTKSZ as usize) {
        Some(v) if v != 0 => v as c_long,
        _ => GLIBC_MINSIGSTKSZ,
    }
}

/// A resource's soft limit, or -1 when unlimited.
fn soft_limit(resource: c_long) -> c_long {
    let mut limit = libc::rlimit { rlim_cur: 0, rlim_max: 0 };
    match crate::process::limits::prlimit(0, resource as i32, None, Some(&mut limit)) {
        Ok(()) if limit.rlim_cur != libc::RLIM_INFINITY => limit.rlim_cur as c_long,
        _ => -1,
    }
}

/// The number in a `/proc` file holding one decimal number.
fn proc_number(path: &core::ffi::CStr) -> Option<c_long> {
    let fd = rustix::fs::open(path, rustix::fs::OFlags::RDONLY | rustix::fs::OFlags::CLOEXEC, rustix::fs::Mode::empty()).ok()?;
    let mut buf = [0u8; 32];
    let n = rustix::io::read(&fd, &mut buf[..]).ok()?;
    let digits = buf[..n].iter().take_while(|b| b.is_ascii_digit());
    let mut value: c_long = 0;
    let mut any = false;
    for &d in digits {
        value = value.checked_mul(10)?.checked_add(c_long::from(d - b'0'))?;
        any = true;
    }
    any.then_some(value)
}

/// Pages of memory in total, or free (`sysinfo`'s counts in pages).
fn memory_pages(free: bool) -> c_long {
    let info = rustix::system::sysinfo();
    let units = if free { info.freeram } else { info.totalram } as u128 * u128::from(info.mem_unit.max(1));
    (units / rustix::param::page_size() as u128) as c_long
}

/// `sysconf(name)`.
pub fn sysconf(name: i32) -> Result<c_long, Errno> {
    use libc::*;
    Ok(match name {
        _SC_ARG_MAX => match soft_limit(RLIMIT_STACK as c_long) {
            -1 => LEGACY_ARG_MAX,
            stack => (stack / 4).max(LEGACY_ARG_MAX),
        },
        _SC_CHILD_MAX => soft_limit(RLIMIT_NPROC as c_long),
        _SC_CLK_TCK => 100,
        _SC_NGROUPS_MAX => proc_number(c"/proc/sys/kernel/ngroups_max").unwrap_or(65536),
        _SC_OPEN_MAX => soft_limit(RLIMIT_NOFILE as c_long),
        _SC_STREAM_MAX => 16,
        _SC_TZNAME_MAX => -1,
        _SC_JOB_CONTROL | _SC_SAVED_IDS => 1,
        _SC_REALTIME_SIGNALS | _SC_PRIORITY_SCHEDULING | _SC_TIMERS | _SC_ASYNCHRONOUS_IO | _SC_PRIORITIZED_IO
        | _SC_SYNCHRONIZED_IO | _SC_FSYNC | _SC_MAPPED_FILES | _SC_MEMLOCK | _SC_MEMLOCK_RANGE
        | _SC_MEMORY_PROTECTION | _SC_MESSAGE_PASSING | _SC_SEMAPHORES | _SC_SHARED_MEMORY_OBJECTS => V,
        _SC_AIO_LISTIO_MAX | _SC_AIO_MAX => -1,
        _SC_AIO_PRIO_DELTA_MAX => 20,
        _SC_DELAYTIMER_MAX => c_long::from(i32::MAX),
        _SC_MQ_OPEN_MAX => -1,
        _SC_MQ_PRIO_MAX => 32768,
        _SC_VERSION => V,
        _SC_PAGESIZE => rustix::param::page_size() as c_long,
        _SC_RTSIG_MAX => 32,
        _SC_SEM_NSEMS_MAX => -1,
        _SC_SEM_VALUE_MAX => c_long::from(i32::MAX),
        _SC_SIGQUEUE_MAX => soft_limit(RLIMIT_SIGPENDING as c_long),
        _SC_TIMER_MAX => -1,
        _SC_BC_BASE_MAX | _SC_BC_SCALE_MAX => 99,
        _SC_BC_DIM_MAX => 2048,
        _SC_BC_STRING_MAX => 1000,
        _SC_COLL_WEIGHTS_MAX => 255,
        _SC_EXPR_NEST_MAX => 32,
        _SC_LINE_MAX => 2048,
        _SC_RE_DUP_MAX => 0x7fff,
        _SC_CHARCLASS_NAME_MAX => 2048,
        _SC_2_VERSION | _SC_2_C_BIND | _SC_2_C_DEV | _SC_2_SW_DEV | _SC_2_LOCALEDEF => V,
        _SC_2_FORT_DEV | _SC_2_FORT_RUN => -1,
        _SC_PII | _SC_PII_XTI | _SC_PII_SOCKET | _SC_PII_INTERNET | _SC_PII_OSI | _SC_POLL | _SC_SELECT => -1,
        _SC_UIO_MAXIOV => 1024,
        _SC_PII_INTERNET_STREAM | _SC_PII_INTERNET_DGRAM | _SC_PII_OSI_COTS | _SC_PII_OSI_CLTS | _SC_PII_OSI_M
        | _SC_T_IOV_MAX => -1,
        _SC_THREADS | _SC_THREAD_SAFE_FUNCTIONS => V,
        _SC_GETGR_R_SIZE_MAX | _SC_GETPW_R_SIZE_MAX => 1024,
        _SC_LOGIN_NAME_MAX => 256,
        _SC_TTY_NAME_MAX => 32,
        _SC_THREAD_DESTRUCTOR_ITERATIONS => 4,
        _SC_THREAD_KEYS_MAX => 1024,
        _SC_THREAD_STACK_MIN => 16384,
        _SC_THREAD_THREADS_MAX => -1,
        _SC_THREAD_ATTR_STACKADDR | _SC_THREAD_ATTR_STACKSIZE | _SC_THREAD_PRIORITY_SCHEDULING
        | _SC_THREAD_PRIO_INHERIT | _SC_THREAD_PRIO_PROTECT | _SC_THREAD_PROCESS_SHARED => V,
        _SC_NPROCESSORS_CONF => c_long::from(super::cpus::configured()),
        _SC_NPROCESSORS_ONLN => c_long::from(super::cpus::online()),
        _SC_PHYS_PAGES => memory_pages(false),
        _SC_AVPHYS_PAGES => memory_pages(true),
        _SC_ATEXIT_MAX => c_long::from(i32::MAX),
        _SC_PASS_MAX => 8192,
        _SC_XOPEN_VERSION => 700,
        _SC_XOPEN_XCU_VERSION => 4,
        _SC_XOPEN_UNIX | _SC_XOPEN_ENH_I18N | _SC_XOPEN_SHM => 1,
        _SC_XOPEN_CRYPT => -1,
        _SC_2_CHAR_TERM | _SC_2_C_VERSION => V,
        _SC_2_UPE => -1,
        _SC_XOPEN_XPG2 | _SC_XOPEN_XPG3 | _SC_XOPEN_XPG4 => 1,
        _SC_CHAR_BIT => 8,
        _SC_CHAR_MAX | _SC_SCHAR_MAX => 127,
        _SC_CHAR_MIN | _SC_SCHAR_MIN => -128,
        _SC_INT_MAX => c_long::from(i32::MAX),
        _SC_INT_MIN => c_long::from(i32::MIN),
        _SC_LONG_BIT => 64,
        _SC_WORD_BIT => 32,
        _SC_MB_LEN_MAX => 16,
        _SC_NZERO => 20,
        // glibc answers `_POSIX_SSIZE_MAX`, the least value POSIX allows.
        _SC_SSIZE_MAX => 32767,
        _SC_SHRT_MAX => 32767,
        _SC_SHRT_MIN => -32768,
        _SC_UCHAR_MAX => 255,
        _SC_UINT_MAX => c_long::from(u32::MAX),
        _SC_ULONG_MAX => -1,
        _SC_USHRT_MAX => 65535,
        _SC_NL_ARGMAX => 4096,
        _SC_NL_LANGMAX => 2048,
        _SC_NL_MSGMAX | _SC_NL_NMAX | _SC_NL_SETMAX | _SC_NL_TEXTMAX => c_long::from(i32::MAX),
        _SC_XBS5_ILP32_OFF32 | _SC_XBS5_ILP32_OFFBIG | _SC_XBS5_LPBIG_OFFBIG => -1,
        _SC_XBS5_LP64_OFF64 => 1,
        _SC_XOPEN_LEGACY | _SC_XOPEN_REALTIME | _SC_XOPEN_REALTIME_THREADS => 1,
        _SC_ADVISORY_INFO | _SC_BARRIERS => V,
        _SC_BASE | _SC_C_LANG_SUPPORT | _SC_C_LANG_SUPPORT_R => -1,
        _SC_CLOCK_SELECTION | _SC_CPUTIME | _SC_THREAD_CPUTIME => V,
        _SC_DEVICE_IO | _SC_DEVICE_SPECIFIC | _SC_DEVICE_SPECIFIC_R | _SC_FD_MGMT | _SC_FIFO | _SC_PIPE
        | _SC_FILE_ATTRIBUTES | _SC_FILE_LOCKING | _SC_FILE_SYSTEM => -1,
        _SC_MONOTONIC_CLOCK => V,
        _SC_MULTI_PROCESS | _SC_SINGLE_PROCESS | _SC_NETWORKING => -1,
        _SC_READER_WRITER_LOCKS | _SC_SPIN_LOCKS => V,
        _SC_REGEXP => 1,
        _SC_REGEX_VERSION => -1,
        _SC_SHELL => 1,
        _SC_SIGNALS => -1,
        _SC_SPAWN => V,
        _SC_SPORADIC_SERVER | _SC_THREAD_SPORADIC_SERVER | _SC_SYSTEM_DATABASE | _SC_SYSTEM_DATABASE_R => -1,
        _SC_TIMEOUTS => V,
        _SC_TYPED_MEMORY_OBJECTS | _SC_USER_GROUPS | _SC_USER_GROUPS_R => -1,
        _SC_2_PBS | _SC_2_PBS_ACCOUNTING | _SC_2_PBS_LOCATE | _SC_2_PBS_MESSAGE | _SC_2_PBS_TRACK => -1,
        _SC_SYMLOOP_MAX | _SC_STREAMS | _SC_2_PBS_CHECKPOINT => -1,
        _SC_V6_ILP32_OFF32 | _SC_V6_ILP32_OFFBIG | _SC_V6_LPBIG_OFFBIG => -1,
        _SC_V6_LP64_OFF64 => 1,
        _SC_HOST_NAME_MAX => 64,
        _SC_TRACE | _SC_TRACE_EVENT_FILTER | _SC_TRACE_INHERIT | _SC_TRACE_LOG => -1,
        _SC_LEVEL1_ICACHE_SIZE..=_SC_LEVEL4_CACHE_LINESIZE => super::cache::sysconf(name),
        _SC_IPV6 | _SC_RAW_SOCKETS => V,
        _SC_V7_ILP32_OFF32 | _SC_V7_ILP32_OFFBIG | _SC_V7_LPBIG_OFFBIG => -1,
        _SC_V7_LP64_OFF64 => 1,
        _SC_TRACE_EVENT_NAME_MAX | _SC_TRACE_NAME_MAX | _SC_TRACE_SYS_MAX | _SC_TRACE_USER_EVENT_MAX
        | _SC_XOPEN_STREAMS => -1,
        SC_MINSIGSTKSZ => min_signal_stack(),
        SC_SIGSTKSZ => (min_signal_stack().max(GLIBC_MINSIGSTKSZ) * 4).max(GLIBC_SIGSTKSZ),
        _ => return Err(Errno::INVAL),
    })
}

/// `_SC_MINSIGSTKSZ` and `_SC_SIGSTKSZ` (glibc 2.34), which the `libc` crate does not name.
const SC_MINSIGSTKSZ: i32 = 249;
const SC_SIGSTKSZ: i32 = 250;
