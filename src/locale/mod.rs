//! Locales: `setlocale`, `newlocale`/`duplocale`/`freelocale`, `uselocale`, `nl_langinfo`,
//! `localeconv` and `MB_CUR_MAX`, for the locales rustcrt has: C (also called POSIX) and
//! C.UTF-8. They differ only in `LC_CTYPE`'s character set (ASCII, or UTF-8 with up to six
//! bytes per character, as glibc counts), which the multibyte functions ([`mb`]) follow.
//! Every other category has the C locale's data under either name.
//!
//! Locale objects have the layout of glibc's `struct __locale_struct`, because glibc's
//! `<ctype.h>` macros read the class and case tables straight out of a `locale_t`; our
//! category names follow that part. The global locale is one such object, changed by
//! `setlocale` under a lock; a thread that called `uselocale` keeps its object in its
//! control block.

mod langinfo_texts;
pub mod mb;
pub mod name;

use crate::ctype;
use crate::sync::lock::RawLock;
use core::cell::UnsafeCell;
use core::ffi::c_void;
use core::sync::atomic::{AtomicBool, Ordering};
use name::{NAME_MAX, Name};
use rustix::io::Errno;

/// The number of category slots (`LC_ALL`, 6, is one of them but names no category).
pub const CATEGORIES: usize = 13;
/// `LC_CTYPE`.
pub const LC_CTYPE: usize = 0;
/// `LC_ALL`.
pub const LC_ALL: usize = 6;
/// `LC_ALL_MASK`: the bits of every category.
pub const ALL_MASK: i32 = 0x1fbf;

/// The environment variable (and composite-name key) of each category.
const CATEGORY_NAMES: [&[u8]; CATEGORIES] = [
    b"LC_CTYPE",
    b"LC_NUMERIC",
    b"LC_TIME",
    b"LC_COLLATE",
    b"LC_MONETARY",
    b"LC_MESSAGES",
    b"LC_ALL",
    b"LC_PAPER",
    b"LC_NAME",
    b"LC_ADDRESS",
    b"LC_TELEPHONE",
    b"LC_MEASUREMENT",
    b"LC_IDENTIFICATION",
];

/// What each category of a locale is called (the `LC_ALL` slot unused, kept "C").
type Names = [Name; CATEGORIES];

/// A locale object: glibc's `struct __locale_struct`, then our part.
#[repr(C)]
pub struct Locale {
    /// glibc's per-category data pointers; only glibc itself reads them. Non-null.
    data: [*const c_void; CATEGORIES],
    /// The class table at the entry for value 0 (read by `__isctype_l`).
    ctype_b: *const u16,
    /// The `tolower` table at the entry for value 0.
    ctype_tolower: *const i32,
    /// The `toupper` table at the entry for value 0.
    ctype_toupper: *const i32,
    /// Each category's name, NUL-terminated (pointing into `names`, or at "C" in statics).
    name_ptrs: [*const u8; CATEGORIES],
    /// Each category's name.
    names: Names,
}

const _: () = assert!(core::mem::offset_of!(Locale, ctype_b) == 104);
const _: () = assert!(core::mem::offset_of!(Locale, name_ptrs) == 128);
const _: () = assert!(core::mem::offset_of!(Locale, names) == 232);

/// What the `data` pointers point at: nothing glibc-shaped, but never null.
static OPAQUE: [usize; 4] = [0; 4];

impl Locale {
    /// The C locale, with its names pointing at a static "C".
    const fn c() -> Locale {
        Locale {
            data: [(&raw const OPAQUE).cast(); CATEGORIES],
            ctype_b: ctype::CLASSES.as_ptr().wrapping_add(ctype::VALUE_0),
            ctype_tolower: ctype::TO_LOWER.as_ptr().wrapping_add(ctype::VALUE_0),
            ctype_toupper: ctype::TO_UPPER.as_ptr().wrapping_add(ctype::VALUE_0),
            name_ptrs: [c"C".as_ptr().cast(); CATEGORIES],
            names: [Name::C; CATEGORIES],
        }
    }

    /// Sets the names, and points the C-visible name pointers at them.
    fn set_names(&mut self, names: &Names) {
        self.names = *names;
        for (p, n) in self.name_ptrs.iter_mut().zip(self.names.iter()) {
            *p = n.as_ptr();
        }
    }

    /// Whether `LC_CTYPE` is UTF-8.
    pub fn ctype_is_utf8(&self) -> bool {
        self.names[LC_CTYPE].is_utf8()
    }
}

/// The C locale object that `newlocale` hands out for "C" and `freelocale` never frees.
pub static C_LOCALE: SyncLocale = SyncLocale(UnsafeCell::new(Locale::c()));

/// A locale object in a static.
pub struct SyncLocale(UnsafeCell<Locale>);

// SAFETY: `C_LOCALE` is never written; the global locale is written only under `GLOBAL_LOCK`
// by `setlocale`, which C does not allow to race with other locale use.
unsafe impl Sync for SyncLocale {}

impl SyncLocale {
    /// The object's address, what C sees as a `locale_t`.
    pub fn as_ptr(&self) -> *mut Locale {
        self.0.get()
    }
}

/// The global locale (what `setlocale` changes), and the text `setlocale` last returned.
static GLOBAL: SyncLocale = SyncLocale(UnsafeCell::new(Locale::c()));
/// Serialises `setlocale` (and what reads the global locale's names).
static GLOBAL_LOCK: RawLock = RawLock::new();
/// Whether the global `LC_CTYPE` is UTF-8, readable without the lock.
static GLOBAL_UTF8: AtomicBool = AtomicBool::new(false);
/// Room for the longest composite name: every category as `LC_X=name;`.
const RESULT_MAX: usize = CATEGORIES * (18 + NAME_MAX + 1) + 1;
/// The buffer `setlocale` returns its result in (under `GLOBAL_LOCK`).
struct ResultBuf(UnsafeCell<[u8; RESULT_MAX]>);
// SAFETY: written only under `GLOBAL_LOCK`.
unsafe impl Sync for ResultBuf {}
static RESULT: ResultBuf = ResultBuf(UnsafeCell::new([0; RESULT_MAX]));

/// The locale the calling thread uses: its `uselocale` object, or null for the global one.
#[cfg(feature = "c-abi")]
pub fn thread_locale() -> *const Locale {
    // SAFETY: the calling thread's control block; only this thread writes this field.
    unsafe { (*crate::thread::tcb::current()).locale.cast() }
}

/// Makes `l` (null: the global locale) the calling thread's locale.
#[cfg(feature = "c-abi")]
pub fn set_thread_locale(l: *const Locale) {
    // SAFETY: as in `thread_locale`.
    unsafe { (*crate::thread::tcb::current()).locale = l.cast() }
}

/// In unit tests (a glibc process) every thread uses the global locale.
#[cfg(not(feature = "c-abi"))]
pub fn thread_locale() -> *const Locale {
    core::ptr::null()
}

/// Whether the calling thread's `LC_CTYPE` is UTF-8 (what `MB_CUR_MAX` and the multibyte
/// functions follow).
#[inline]
pub fn ctype_is_utf8() -> bool {
    let l = thread_locale();
    if l.is_null() {
        // Relaxed: a flag of its own; `setlocale` racing with its use is undefined in C.
        GLOBAL_UTF8.load(Ordering::Relaxed)
    } else {
        // SAFETY: a thread's locale object stays valid while it is in use (C's rule).
        unsafe { (*l).ctype_is_utf8() }
    }
}

/// `MB_CUR_MAX` (`__ctype_get_mb_cur_max`): the most bytes a character takes.
pub fn mb_cur_max() -> usize {
    if ctype_is_utf8() { mb::UTF8_MAX } else { 1 }
}

/// The name a category resolves to from the environment (`setlocale(c, "")`): `LC_ALL`,
/// else the category's own variable, else `LANG`, the first that is set and not empty;
/// "C" when none is.
fn from_environment(category: usize) -> Option<Name> {
    let vars = [&b"LC_ALL"[..], CATEGORY_NAMES.get(category).copied().unwrap_or_default(), b"LANG"];
    for var in vars {
        let value = crate::env::getenv(var);
        if value.is_null() {
            continue;
        }
        // SAFETY: environment strings are NUL-terminated.
        let value = unsafe { core::ffi::CStr::from_ptr(value) }.to_bytes();
        if !value.is_empty() {
            return Name::parse(value);
        }
    }
    Some(Name::C)
}

/// The names `name` gives the categories in `mask` (bit `1 << c` for category `c`), on top
/// of `base`: a single name, "" (the environment), or a composite `LC_X=name;...` as
/// `setlocale` returns it. `ENOENT` for a locale rustcrt does not have.
fn resolve(mask: i32, name: &[u8], base: &Names) -> Result<Names, Errno> {
    let mut names = *base;
    let categories = (0..CATEGORIES).filter(|&c| c != LC_ALL && mask & (1 << c) != 0);
    if name.contains(&b'=') {
        for part in name.split(|&b| b == b';') {
            let mut kv = part.splitn(2, |&b| b == b'=');
            let (key, value) = (kv.next().unwrap_or_default(), kv.next().ok_or(Errno::NOENT)?);
            let c = CATEGORY_NAMES.iter().position(|&k| k == key).filter(|&c| c != LC_ALL).ok_or(Errno::NOENT)?;
            if mask & (1 << c) != 0 {
                let slot = names.get_mut(c).ok_or(Errno::NOENT)?;
                *slot = Name::parse(value).ok_or(Errno::NOENT)?;
            }
        }
        return Ok(names);
    }
    for c in categories {
        let n = if name.is_empty() { from_environment(c) } else { Name::parse(name) };
        let slot = names.get_mut(c).ok_or(Errno::NOENT)?;
        *slot = n.ok_or(Errno::NOENT)?;
    }
    Ok(names)
}

/// Writes what `setlocale` reports for `category` of `names` into `out`, NUL-terminated:
/// the category's name, or for `LC_ALL` the common name, or the composite when they differ.
fn describe(category: usize, names: &Names, out: &mut [u8; RESULT_MAX]) {
    let mut len = 0;
    let mut push = |part: &[u8]| {
        for &b in part {
            if let Some(slot) = out.get_mut(len) {
                *slot = b;
                len += 1;
            }
        }
    };
    let real = || names.iter().enumerate().filter(|&(c, _)| c != LC_ALL);
    if category != LC_ALL {
        push(names.get(category).map(Name::as_bytes).unwrap_or_default());
    } else if real().all(|(_, n)| *n == names[LC_CTYPE]) {
        push(names[LC_CTYPE].as_bytes());
    } else {
        for (i, (c, n)) in real().enumerate() {
            if i > 0 {
                push(b";");
            }
            push(CATEGORY_NAMES.get(c).copied().unwrap_or_default());
            push(b"=");
            push(n.as_bytes());
        }
    }
    push(b"\0");
    if let Some(last) = out.last_mut() {
        *last = 0;
    }
}

/// `setlocale(category, name)`: changes (or, with `None`, only reports) the global locale's
/// `category`; the report, NUL-terminated, valid until the next call; `None` for an unknown
/// category or locale (and then nothing changes).
pub fn set_global(category: i32, name: Option<&[u8]>) -> Option<*const u8> {
    let category = usize::try_from(category).ok().filter(|&c| c < CATEGORIES)?;
    GLOBAL_LOCK.with(|| {
        // SAFETY: the global locale and the result buffer are only touched under the lock.
        let (global, out) = unsafe { (&mut *GLOBAL.as_ptr(), &mut *RESULT.0.get()) };
        if let Some(name) = name {
            let mask = if category == LC_ALL { ALL_MASK } else { 1 << category };
            let names = resolve(mask, name, &global.names).ok()?;
            global.set_names(&names);
            // Relaxed: see `ctype_is_utf8`.
            GLOBAL_UTF8.store(global.ctype_is_utf8(), Ordering::Relaxed);
        }
        describe(category, &global.names, out);
        Some(out.as_ptr())
    })
}

/// `LC_GLOBAL_LOCALE`, the handle of the global locale.
pub const GLOBAL_HANDLE: *mut Locale = usize::MAX as *mut Locale;

/// The names of the locale behind a handle (`LC_GLOBAL_LOCALE` included).
///
/// # Safety
/// `l` is `LC_GLOBAL_LOCALE` or a live locale object.
unsafe fn names_of(l: *const Locale) -> Names {
    if l == GLOBAL_HANDLE {
        // SAFETY: read under the lock that `setlocale` writes under.
        GLOBAL_LOCK.with(|| unsafe { (*GLOBAL.as_ptr()).names })
    } else {
        // SAFETY: per the contract.
        unsafe { (*l).names }
    }
}

/// A locale object with `names`: the static C object when every name is "C", else a new
/// one from the allocator (`ENOMEM`).
fn object_for(names: &Names) -> Result<*mut Locale, Errno> {
    if names.iter().all(|n| *n == Name::C) {
        return Ok(C_LOCALE.as_ptr());
    }
    let p = crate::alloc::allocate(core::mem::size_of::<Locale>()).cast::<Locale>();
    if p.is_null() {
        return Err(Errno::NOMEM);
    }
    // SAFETY: a fresh block of the right size (the allocator aligns to 16); the names are
    // set once the object is in place, since their pointers point into it.
    unsafe {
        p.write(Locale::c());
        (*p).set_names(names);
    }
    Ok(p)
}

/// Whether `l` is one this module allocated (not the static C object, not a handle).
fn owned(l: *const Locale) -> bool {
    !l.is_null() && l != GLOBAL_HANDLE && l != C_LOCALE.as_ptr().cast_const()
}

/// `newlocale(mask, name, base)`: `base` (null: the C locale) with the categories in `mask`
/// set from `name`. `base` is used up: changed in place when it is one of ours, else a new
/// object. `EINVAL` for a mask with other bits, `ENOENT` for an unknown locale.
///
/// # Safety
/// `base` is null or a live locale object (not `LC_GLOBAL_LOCALE`).
pub unsafe fn new(mask: i32, name: &[u8], base: *mut Locale) -> Result<*mut Locale, Errno> {
    if mask & !ALL_MASK != 0 {
        return Err(Errno::INVAL);
    }
    // SAFETY: per the contract.
    let start = if base.is_null() { [Name::C; CATEGORIES] } else { unsafe { names_of(base) } };
    let names = resolve(mask, name, &start)?;
    if owned(base) && !names.iter().all(|n| *n == Name::C) {
        // SAFETY: one of ours, live per the contract, and used up by this call.
        unsafe { (*base).set_names(&names) };
        return Ok(base);
    }
    let l = object_for(&names)?;
    // SAFETY: `base` is used up; it is ours and no longer returned.
    unsafe { free(base) };
    Ok(l)
}

/// `duplocale(l)`: a locale object with the same settings (`LC_GLOBAL_LOCALE`: the global
/// locale's now).
///
/// # Safety
/// `l` is `LC_GLOBAL_LOCALE` or a live locale object.
pub unsafe fn duplicate(l: *const Locale) -> Result<*mut Locale, Errno> {
    // SAFETY: per the contract.
    object_for(&unsafe { names_of(l) })
}

/// `freelocale(l)`: ends a locale object from `newlocale`/`duplocale`.
///
/// # Safety
/// `l` is null, the static C object, or a live object of ours that is no longer used.
pub unsafe fn free(l: *mut Locale) {
    if owned(l) {
        // SAFETY: allocated by `object_for`, given up by the caller.
        unsafe { crate::alloc::deallocate(l.cast()) }
    }
}

/// `nl_langinfo`'s text for `item` in a locale whose `LC_CTYPE` is UTF-8 or not;
/// NUL-terminated, empty for an unknown item.
pub fn langinfo(item: i32, utf8: bool) -> &'static [u8] {
    use langinfo_texts::*;
    if item == CODESET {
        return if utf8 { UTF8_CODESET } else { C_CODESET };
    }
    ITEMS.iter().find(|(i, _)| *i == item).map_or(b"\0", |(_, text)| text)
}

/// Whether the locale behind a handle has a UTF-8 `LC_CTYPE`.
///
/// # Safety
/// `l` is `LC_GLOBAL_LOCALE` or a live locale object.
pub unsafe fn handle_is_utf8(l: *const Locale) -> bool {
    if l == GLOBAL_HANDLE {
        // Relaxed: see `ctype_is_utf8`.
        GLOBAL_UTF8.load(Ordering::Relaxed)
    } else {
        // SAFETY: per the contract.
        unsafe { (*l).ctype_is_utf8() }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(list: &[(usize, &[u8])]) -> Names {
        let mut n = [Name::C; CATEGORIES];
        for &(c, s) in list {
            n[c] = Name::parse(s).expect("name");
        }
        n
    }

    fn described(category: usize, n: &Names) -> std::vec::Vec<u8> {
        let mut out = [0; RESULT_MAX];
        describe(category, n, &mut out);
        out.iter().take_while(|&&b| b != 0).copied().collect()
    }

    #[test]
    fn resolve_and_describe() {
        let c = [Name::C; CATEGORIES];
        let all = resolve(ALL_MASK, b"C.utf8", &c).expect("known");
        assert_eq!(described(LC_ALL, &all), b"C.utf8");
        let ctype = resolve(1, b"C.UTF-8", &c).expect("known");
        assert_eq!(described(LC_CTYPE, &ctype), b"C.UTF-8");
        assert_eq!(described(1, &ctype), b"C");
        let composite = described(LC_ALL, &ctype);
        assert_eq!(&composite[..], &b"LC_CTYPE=C.UTF-8;LC_NUMERIC=C;LC_TIME=C;LC_COLLATE=C;LC_MONETARY=C;LC_MESSAGES=C;LC_PAPER=C;LC_NAME=C;LC_ADDRESS=C;LC_TELEPHONE=C;LC_MEASUREMENT=C;LC_IDENTIFICATION=C"[..]);
        assert!(resolve(ALL_MASK, &composite, &c).expect("composite") == ctype);
        assert_eq!(resolve(ALL_MASK, b"fr_FR", &c).err(), Some(Errno::NOENT));
        assert_eq!(resolve(ALL_MASK, b"LC_CTYPE=C;LC_BOGUS=C", &c).err(), Some(Errno::NOENT));
        assert!(names(&[(0, b"C.utf8")])[0].is_utf8());
    }

    #[test]
    fn langinfo_items() {
        assert_eq!(langinfo(14, false), b"ANSI_X3.4-1968\0");
        assert_eq!(langinfo(14, true), b"UTF-8\0");
        assert_eq!(langinfo(0x10000, true), b".\0");
        assert_eq!(langinfo(999_999, false), b"\0");
    }
}
