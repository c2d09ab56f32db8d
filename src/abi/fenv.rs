//! `<fenv.h>`: the floating-point environment, in glibc's `fenv_t`, `fexcept_t` and
//! `femode_t` (see `math::fenv`). A null pointer makes a function fail (nonzero) instead of
//! crashing.

use crate::math::fenv::{self, Env, Mode, Source};
use core::ffi::c_int;

/// glibc's `FE_DFL_ENV`, `(const fenv_t *) -1`.
const DFL_ENV: usize = usize::MAX;
/// glibc's `FE_NOMASK_ENV`, `(const fenv_t *) -2`.
const NOMASK_ENV: usize = usize::MAX - 1;
/// glibc's `FE_DFL_MODE`, `(const femode_t *) -1`.
const DFL_MODE: usize = usize::MAX;

/// The environment `envp` names, or `None` for a null pointer.
///
/// # Safety
/// `envp` one of the special values, null, or a readable `fenv_t`.
unsafe fn source<'a>(envp: *const Env) -> Option<Source<'a>> {
    match envp as usize {
        0 => None,
        DFL_ENV => Some(Source::Default),
        NOMASK_ENV => Some(Source::NoMask),
        // SAFETY: the caller's contract: a readable environment.
        _ => Some(Source::Saved(unsafe { &*envp })),
    }
}

/// [`feclearexcept`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/feclearexcept.html)
#[unsafe(no_mangle)]
pub extern "C" fn feclearexcept(excepts: c_int) -> c_int {
    fenv::clear(excepts as u32);
    0
}

/// [`fegetexceptflag`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/fegetexceptflag.html)
///
/// # Safety
/// `flagp` null or writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn fegetexceptflag(flagp: *mut u16, excepts: c_int) -> c_int {
    if flagp.is_null() {
        return -1;
    }
    // SAFETY: non-null and, by the caller's contract, writable.
    unsafe { flagp.write(fenv::test(excepts as u32) as u16) };
    0
}

/// [`feraiseexcept`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/feraiseexcept.html)
#[unsafe(no_mangle)]
pub extern "C" fn feraiseexcept(excepts: c_int) -> c_int {
    fenv::raise(excepts as u32);
    0
}

/// `fesetexcept`: flags the exceptions without raising them (C23, glibc 2.25).
#[unsafe(no_mangle)]
pub extern "C" fn fesetexcept(excepts: c_int) -> c_int {
    fenv::set_raised(excepts as u32);
    0
}

/// [`fesetexceptflag`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/fesetexceptflag.html)
///
/// # Safety
/// `flagp` null or readable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn fesetexceptflag(flagp: *const u16, excepts: c_int) -> c_int {
    if flagp.is_null() {
        return -1;
    }
    // SAFETY: non-null and, by the caller's contract, readable.
    fenv::set_flags(unsafe { flagp.read() } as u32, excepts as u32);
    0
}

/// [`fetestexcept`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/fetestexcept.html)
#[unsafe(no_mangle)]
pub extern "C" fn fetestexcept(excepts: c_int) -> c_int {
    fenv::test(excepts as u32) as c_int
}

/// `fetestexceptflag`: the exceptions among `excepts` that `*flagp` holds (C23, glibc 2.25).
///
/// # Safety
/// `flagp` null or readable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn fetestexceptflag(flagp: *const u16, excepts: c_int) -> c_int {
    if flagp.is_null() {
        return 0;
    }
    // SAFETY: non-null and, by the caller's contract, readable.
    (unsafe { flagp.read() } as u32 & excepts as u32 & fenv::ALL_EXCEPT) as c_int
}

/// [`fegetround`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/fegetround.html)
#[unsafe(no_mangle)]
pub extern "C" fn fegetround() -> c_int {
    fenv::rounding() as c_int
}

/// [`fesetround`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/fesetround.html):
/// nonzero, changing nothing, for a value that is not a rounding mode.
#[unsafe(no_mangle)]
pub extern "C" fn fesetround(round: c_int) -> c_int {
    if fenv::set_rounding(round as u32) { 0 } else { 1 }
}

/// [`fegetenv`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/fegetenv.html)
///
/// # Safety
/// `envp` null or writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn fegetenv(envp: *mut Env) -> c_int {
    if envp.is_null() {
        return -1;
    }
    // SAFETY: non-null and, by the caller's contract, writable.
    unsafe { envp.write(fenv::get()) };
    0
}

/// [`feholdexcept`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/feholdexcept.html)
///
/// # Safety
/// `envp` null or writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn feholdexcept(envp: *mut Env) -> c_int {
    if envp.is_null() {
        return -1;
    }
    // SAFETY: non-null and, by the caller's contract, writable.
    unsafe { envp.write(fenv::hold()) };
    0
}

/// [`fesetenv`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/fesetenv.html):
/// also `FE_DFL_ENV` and glibc's `FE_NOMASK_ENV`.
///
/// # Safety
/// `envp` null, one of those, or a readable `fenv_t`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn fesetenv(envp: *const Env) -> c_int {
    // SAFETY: the caller's contract.
    match unsafe { source(envp) } {
        Some(s) => {
            fenv::set(s);
            0
        }
        None => -1,
    }
}

/// [`feupdateenv`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/feupdateenv.html)
///
/// # Safety
/// As [`fesetenv`].
#[unsafe(no_mangle)]
pub unsafe extern "C" fn feupdateenv(envp: *const Env) -> c_int {
    // SAFETY: the caller's contract.
    match unsafe { source(envp) } {
        Some(s) => {
            fenv::update(s);
            0
        }
        None => -1,
    }
}

/// `feenableexcept`: traps on the exceptions (SIGFPE); the previously enabled ones (GNU).
#[unsafe(no_mangle)]
pub extern "C" fn feenableexcept(excepts: c_int) -> c_int {
    fenv::enable(excepts as u32) as c_int
}

/// `fedisableexcept`: stops trapping; the previously enabled ones (GNU).
#[unsafe(no_mangle)]
pub extern "C" fn fedisableexcept(excepts: c_int) -> c_int {
    fenv::disable(excepts as u32) as c_int
}

/// `fegetexcept`: the enabled (trapping) exceptions (GNU).
#[unsafe(no_mangle)]
pub extern "C" fn fegetexcept() -> c_int {
    fenv::enabled() as c_int
}

/// `fegetmode`: the control modes (C23, glibc 2.25).
///
/// # Safety
/// `modep` null or writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn fegetmode(modep: *mut Mode) -> c_int {
    if modep.is_null() {
        return -1;
    }
    // SAFETY: non-null and, by the caller's contract, writable.
    unsafe { modep.write(fenv::mode()) };
    0
}

/// `fesetmode`: installs control modes, or the default ones for `FE_DFL_MODE` (C23, glibc
/// 2.25).
///
/// # Safety
/// `modep` null, `FE_DFL_MODE` or a readable `femode_t`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn fesetmode(modep: *const Mode) -> c_int {
    match modep as usize {
        0 => -1,
        DFL_MODE => {
            fenv::set_mode(None);
            0
        }
        _ => {
            // SAFETY: the caller's contract: a readable mode.
            fenv::set_mode(Some(unsafe { &*modep }));
            0
        }
    }
}
