//! `<stdlib.h>` (and `<inttypes.h>`): sorting and searching, integer arithmetic,
//! pseudo-random numbers, temporary files.

use super::OrErrno;
use crate::stdlib::{rand48, random, sort, temp};
use core::cmp::Ordering;
use core::ffi::{c_char, c_int, c_long, c_longlong, c_uint, c_void};
use rustix::io::Errno;

/// The sign of a C comparison result as an ordering.
fn ordering(r: c_int) -> Ordering {
    r.cmp(&0)
}

/// [`qsort`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/qsort.html)
///
/// # Safety
/// `base` valid for `n * size` bytes; `cmp` a consistent comparison of two elements.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn qsort(base: *mut c_void, n: usize, size: usize, cmp: Option<unsafe extern "C" fn(*const c_void, *const c_void) -> c_int>) {
    let Some(cmp) = cmp else { return };
    // SAFETY: the caller's contract: elements of the array go to its comparison.
    let mut order = |a: *const u8, b: *const u8| ordering(unsafe { cmp(a.cast(), b.cast()) });
    // SAFETY: the caller's contract is the core's.
    unsafe { sort::sort(base.cast(), n, size, &mut order) }
}

/// `qsort_r(base, n, size, cmp, arg)` (GNU, POSIX.1-2024): `qsort` whose comparison also
/// gets `arg`.
///
/// # Safety
/// As `qsort`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn qsort_r(base: *mut c_void, n: usize, size: usize, cmp: Option<unsafe extern "C" fn(*const c_void, *const c_void, *mut c_void) -> c_int>, arg: *mut c_void) {
    let Some(cmp) = cmp else { return };
    // SAFETY: the caller's contract: elements of the array and its argument.
    let mut order = |a: *const u8, b: *const u8| ordering(unsafe { cmp(a.cast(), b.cast(), arg) });
    // SAFETY: the caller's contract is the core's.
    unsafe { sort::sort(base.cast(), n, size, &mut order) }
}

/// [`bsearch`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/bsearch.html)
///
/// # Safety
/// `base` a sorted array of `n` elements of `size` bytes; `cmp(key, element)`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn bsearch(key: *const c_void, base: *const c_void, n: usize, size: usize, cmp: Option<unsafe extern "C" fn(*const c_void, *const c_void) -> c_int>) -> *mut c_void {
    let Some(cmp) = cmp else { return core::ptr::null_mut() };
    // SAFETY: the caller's contract: the key and elements go to its comparison.
    let mut order = |a: *const u8, b: *const u8| ordering(unsafe { cmp(a.cast(), b.cast()) });
    // SAFETY: the caller's contract is the core's.
    unsafe { sort::search(key.cast(), base.cast(), n, size, &mut order) }.cast()
}

/// [`abs`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/abs.html)
/// (`abs(INT_MIN)` is undefined in C; it wraps to `INT_MIN`, as the hardware does).
#[unsafe(no_mangle)]
pub extern "C" fn abs(j: c_int) -> c_int {
    j.wrapping_abs()
}

/// [`labs`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/labs.html)
#[unsafe(no_mangle)]
pub extern "C" fn labs(j: c_long) -> c_long {
    j.wrapping_abs()
}

/// [`llabs`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/llabs.html)
#[unsafe(no_mangle)]
pub extern "C" fn llabs(j: c_longlong) -> c_longlong {
    j.wrapping_abs()
}

/// [`imaxabs`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/imaxabs.html)
#[unsafe(no_mangle)]
pub extern "C" fn imaxabs(j: libc::intmax_t) -> libc::intmax_t {
    j.wrapping_abs()
}

/// `div`'s result (glibc's `div_t`).
#[repr(C)]
#[allow(non_camel_case_types)]
pub struct div_t {
    pub quot: c_int,
    pub rem: c_int,
}

/// `ldiv`'s result (glibc's `ldiv_t`).
#[repr(C)]
#[allow(non_camel_case_types)]
pub struct ldiv_t {
    pub quot: c_long,
    pub rem: c_long,
}

/// `lldiv`'s result (glibc's `lldiv_t`).
#[repr(C)]
#[allow(non_camel_case_types)]
pub struct lldiv_t {
    pub quot: c_longlong,
    pub rem: c_longlong,
}

/// `imaxdiv`'s result (glibc's `imaxdiv_t`).
#[repr(C)]
#[allow(non_camel_case_types)]
pub struct imaxdiv_t {
    pub quot: libc::intmax_t,
    pub rem: libc::intmax_t,
}

/// What the division instruction does for a zero divisor or `MIN / -1`: SIGFPE.
#[cold]
fn divide_error() -> ! {
    let _ = rustix::process::kill_process(rustix::process::getpid(), rustix::process::Signal::FPE);
    crate::exit::abort::abort()
}

/// [`div`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/div.html): quotient
/// truncated toward zero and remainder; a zero divisor or an overflowing quotient raises
/// SIGFPE, as the division itself does under glibc.
#[unsafe(no_mangle)]
pub extern "C" fn div(num: c_int, den: c_int) -> div_t {
    match (num.checked_div(den), num.checked_rem(den)) {
        (Some(quot), Some(rem)) => div_t { quot, rem },
        _ => divide_error(),
    }
}

/// [`ldiv`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/ldiv.html)
#[unsafe(no_mangle)]
pub extern "C" fn ldiv(num: c_long, den: c_long) -> ldiv_t {
    match (num.checked_div(den), num.checked_rem(den)) {
        (Some(quot), Some(rem)) => ldiv_t { quot, rem },
        _ => divide_error(),
    }
}

/// [`lldiv`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/lldiv.html)
#[unsafe(no_mangle)]
pub extern "C" fn lldiv(num: c_longlong, den: c_longlong) -> lldiv_t {
    match (num.checked_div(den), num.checked_rem(den)) {
        (Some(quot), Some(rem)) => lldiv_t { quot, rem },
        _ => divide_error(),
    }
}

/// [`imaxdiv`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/imaxdiv.html)
#[unsafe(no_mangle)]
pub extern "C" fn imaxdiv(num: libc::intmax_t, den: libc::intmax_t) -> imaxdiv_t {
    match (num.checked_div(den), num.checked_rem(den)) {
        (Some(quot), Some(rem)) => imaxdiv_t { quot, rem },
        _ => divide_error(),
    }
}

/// [`rand`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/rand.html): glibc's
/// `random()`.
#[unsafe(no_mangle)]
pub extern "C" fn rand() -> c_int {
    random::random()
}

/// [`srand`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/srand.html)
#[unsafe(no_mangle)]
pub extern "C" fn srand(seed: c_uint) {
    random::srandom(seed)
}

/// [`rand_r`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/rand_r.html)
///
/// # Safety
/// `seed` null or valid.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rand_r(seed: *mut c_uint) -> c_int {
    if seed.is_null() {
        return Err(Errno::INVAL).or_errno(0);
    }
    // SAFETY: valid per the contract.
    random::rand_r(unsafe { &mut *seed })
}

/// [`random`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/random.html)
#[unsafe(no_mangle)]
pub extern "C" fn random() -> c_long {
    random::random() as c_long
}

/// [`srandom`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/srandom.html)
#[unsafe(no_mangle)]
pub extern "C" fn srandom(seed: c_uint) {
    random::srandom(seed)
}

/// [`initstate`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/initstate.html):
/// the previous state, or null with `EINVAL` for fewer than 8 bytes.
///
/// # Safety
/// `state` valid and 4-byte aligned for `size` bytes while in use.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn initstate(seed: c_uint, state: *mut c_char, size: usize) -> *mut c_char {
    if state.is_null() {
        return Err(Errno::INVAL).or_errno(core::ptr::null_mut());
    }
    // SAFETY: the caller's contract is the core's.
    unsafe { random::initstate(seed, state.cast(), size) }.map(|p| p.cast()).ok_or(Errno::INVAL).or_errno(core::ptr::null_mut())
}

/// [`setstate`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/setstate.html):
/// the previous state, or null with `EINVAL` for a buffer `initstate` did not prepare.
///
/// # Safety
/// `state` a buffer from `initstate`, alive while in use.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn setstate(state: *mut c_char) -> *mut c_char {
    if state.is_null() {
        return Err(Errno::INVAL).or_errno(core::ptr::null_mut());
    }
    // SAFETY: the caller's contract is the core's.
    unsafe { random::setstate(state.cast()) }.map(|p| p.cast()).ok_or(Errno::INVAL).or_errno(core::ptr::null_mut())
}

/// A `mk*temp` call on a C template; null templates are `EINVAL`.
///
/// # Safety
/// `template` null or a writable NUL-terminated string.
unsafe fn make_temp(template: *mut c_char, suffix: c_int, kind: temp::Kind) -> Result<c_int, Errno> {
    let suffix = usize::try_from(suffix).map_err(|_| Errno::INVAL)?;
    if template.is_null() {
        return Err(Errno::INVAL);
    }
    // SAFETY: the caller's contract is the core's.
    unsafe { temp::create(template.cast(), suffix, kind) }
}

/// [`mkstemp`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/mkstemp.html)
///
/// # Safety
/// `template` a writable NUL-terminated string ending in `XXXXXX`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn mkstemp(template: *mut c_char) -> c_int {
    // SAFETY: the caller's contract.
    unsafe { make_temp(template, 0, temp::Kind::File(0)) }.or_errno(-1)
}

/// `mkstemp64`: `mkstemp` under `_FILE_OFFSET_BITS=64` (the same on x86_64).
///
/// # Safety
/// As `mkstemp`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn mkstemp64(template: *mut c_char) -> c_int {
    // SAFETY: the caller's contract.
    unsafe { make_temp(template, 0, temp::Kind::File(0)) }.or_errno(-1)
}

/// [`mkostemp`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/mkostemp.html):
/// with extra open flags.
///
/// # Safety
/// As `mkstemp`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn mkostemp(template: *mut c_char, flags: c_int) -> c_int {
    // SAFETY: the caller's contract.
    unsafe { make_temp(template, 0, temp::Kind::File(flags)) }.or_errno(-1)
}

/// `mkostemp64`: `mkostemp` under `_FILE_OFFSET_BITS=64`.
///
/// # Safety
/// As `mkstemp`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn mkostemp64(template: *mut c_char, flags: c_int) -> c_int {
    // SAFETY: the caller's contract.
    unsafe { make_temp(template, 0, temp::Kind::File(flags)) }.or_errno(-1)
}

/// `mkstemps(template, suffixlen)` (GNU/BSD): the Xs come before a suffix.
///
/// # Safety
/// `template` a writable NUL-terminated string with `XXXXXX` before `suffixlen` bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn mkstemps(template: *mut c_char, suffixlen: c_int) -> c_int {
    // SAFETY: the caller's contract.
    unsafe { make_temp(template, suffixlen, temp::Kind::File(0)) }.or_errno(-1)
}

/// `mkostemps(template, suffixlen, flags)` (GNU).
///
/// # Safety
/// As `mkstemps`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn mkostemps(template: *mut c_char, suffixlen: c_int, flags: c_int) -> c_int {
    // SAFETY: the caller's contract.
    unsafe { make_temp(template, suffixlen, temp::Kind::File(flags)) }.or_errno(-1)
}

/// [`mkdtemp`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/mkdtemp.html):
/// the template, or null with `errno`.
///
/// # Safety
/// As `mkstemp`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn mkdtemp(template: *mut c_char) -> *mut c_char {
    // SAFETY: the caller's contract.
    unsafe { make_temp(template, 0, temp::Kind::Directory) }.map(|_| template).or_errno(core::ptr::null_mut())
}

/// The caller's three 16-bit state words (`unsigned short xsubi[3]`).
///
/// # Safety
/// `p` null or valid for three words.
unsafe fn words<'a>(p: *mut u16) -> Result<&'a mut [u16; 3], Errno> {
    if p.is_null() {
        return Err(Errno::INVAL);
    }
    // SAFETY: valid per the contract.
    Ok(unsafe { &mut *p.cast::<[u16; 3]>() })
}

/// [`drand48`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/drand48.html):
/// in [0, 1).
#[unsafe(no_mangle)]
pub extern "C" fn drand48() -> f64 {
    rand48::drand48()
}

/// [`erand48`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/erand48.html)
///
/// # Safety
/// `xsubi` valid for three words.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn erand48(xsubi: *mut u16) -> f64 {
    // SAFETY: the caller's contract.
    unsafe { words(xsubi) }.map(rand48::erand48).or_errno(0.0)
}

/// [`lrand48`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/lrand48.html):
/// 0 to 2^31 - 1.
#[unsafe(no_mangle)]
pub extern "C" fn lrand48() -> c_long {
    rand48::lrand48()
}

/// [`nrand48`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/nrand48.html)
///
/// # Safety
/// `xsubi` valid for three words.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn nrand48(xsubi: *mut u16) -> c_long {
    // SAFETY: the caller's contract.
    unsafe { words(xsubi) }.map(rand48::nrand48).or_errno(0)
}

/// [`mrand48`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/mrand48.html):
/// -2^31 to 2^31 - 1.
#[unsafe(no_mangle)]
pub extern "C" fn mrand48() -> c_long {
    rand48::mrand48()
}

/// [`jrand48`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/jrand48.html)
///
/// # Safety
/// `xsubi` valid for three words.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn jrand48(xsubi: *mut u16) -> c_long {
    // SAFETY: the caller's contract.
    unsafe { words(xsubi) }.map(rand48::jrand48).or_errno(0)
}

/// [`srand48`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/srand48.html)
#[unsafe(no_mangle)]
pub extern "C" fn srand48(seed: c_long) {
    rand48::srand48(seed)
}

/// [`seed48`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/seed48.html): the
/// previous state, in a static buffer.
///
/// # Safety
/// `seed16v` valid for three words.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn seed48(seed16v: *mut u16) -> *mut u16 {
    // SAFETY: the caller's contract.
    unsafe { words(seed16v) }.map(|w| rand48::seed48(*w)).or_errno(core::ptr::null_mut())
}

/// [`lcong48`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/lcong48.html)
///
/// # Safety
/// `param` valid for seven words.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lcong48(param: *mut u16) {
    if !param.is_null() {
        // SAFETY: valid per the contract.
        rand48::lcong48(unsafe { *param.cast::<[u16; 7]>() })
    }
}
