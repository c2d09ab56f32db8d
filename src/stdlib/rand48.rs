//! The `rand48` family: a 48-bit linear congruential generator, `x = (a * x + c) mod 2^48`
//! with `a = 0x5DEECE66D` and `c = 0xB` unless `lcong48` sets others, as POSIX and glibc
//! define it. `drand48`/`erand48` return `x / 2^48` (glibc puts the 48 bits at the top of a
//! double's significand, which is the same value), `lrand48`/`nrand48` the top 31 bits,
//! `mrand48`/`jrand48` the top 32 as a signed number. The `e`/`n`/`j` forms keep `x` in the
//! caller's three 16-bit words (least significant first); the others in a shared state.

use crate::sync::lock::RawLock;
use core::cell::UnsafeCell;

const MASK: u64 = (1 << 48) - 1;
const A: u64 = 0x5_DEEC_E66D;
const C: u64 = 0xB;

/// A generator's parameters and state.
pub struct Lcg {
    pub x: u64,
    pub a: u64,
    pub c: u64,
}

impl Lcg {
    fn step(&mut self) -> u64 {
        self.x = self.a.wrapping_mul(self.x).wrapping_add(self.c) & MASK;
        self.x
    }
}

struct Shared {
    lock: RawLock,
    lcg: UnsafeCell<Lcg>,
    /// What `seed48` returns: the state before the call, as three words.
    old: UnsafeCell<[u16; 3]>,
}

// SAFETY: `lcg` and `old` are only touched with `lock` held (`old` is read by C afterwards,
// as POSIX's static buffer).
unsafe impl Sync for Shared {}

/// The state before any seeding: x = 0 with the standard multiplier and addend, as glibc.
static SHARED: Shared = Shared { lock: RawLock::new(), lcg: UnsafeCell::new(Lcg { x: 0, a: A, c: C }), old: UnsafeCell::new([0; 3]) };

fn with<R>(f: impl FnOnce(&mut Lcg) -> R) -> R {
    // SAFETY: the lock is held while the state is used.
    SHARED.lock.with(|| f(unsafe { &mut *SHARED.lcg.get() }))
}

/// Three 16-bit words as 48 bits.
pub fn from_words(w: [u16; 3]) -> u64 {
    w[0] as u64 | (w[1] as u64) << 16 | (w[2] as u64) << 32
}

/// 48 bits as three 16-bit words.
pub fn to_words(x: u64) -> [u16; 3] {
    [x as u16, (x >> 16) as u16, (x >> 32) as u16]
}

/// `x / 2^48`.
fn to_double(x: u64) -> f64 {
    x as f64 / (1u64 << 48) as f64
}

/// `drand48()`.
pub fn drand48() -> f64 {
    to_double(with(Lcg::step))
}

/// `lrand48()`: 0 to 2^31 - 1.
pub fn lrand48() -> i64 {
    (with(Lcg::step) >> 17) as i64
}

/// `mrand48()`: -2^31 to 2^31 - 1.
pub fn mrand48() -> i64 {
    (with(Lcg::step) >> 16) as u32 as i32 as i64
}

/// One step on the caller's words with the shared multiplier and addend.
fn step_words(words: &mut [u16; 3]) -> u64 {
    let (a, c) = with(|g| (g.a, g.c));
    let mut g = Lcg { x: from_words(*words), a, c };
    let x = g.step();
    *words = to_words(x);
    x
}

/// `erand48(xsubi)`.
pub fn erand48(words: &mut [u16; 3]) -> f64 {
    to_double(step_words(words))
}

/// `nrand48(xsubi)`.
pub fn nrand48(words: &mut [u16; 3]) -> i64 {
    (step_words(words) >> 17) as i64
}

/// `jrand48(xsubi)`.
pub fn jrand48(words: &mut [u16; 3]) -> i64 {
    (step_words(words) >> 16) as u32 as i32 as i64
}

/// `srand48(seed)`: x = seed's low 32 bits, then 0x330E; standard a and c.
pub fn srand48(seed: i64) {
    with(|g| *g = Lcg { x: ((seed as u64 & 0xffff_ffff) << 16) | 0x330E, a: A, c: C })
}

/// `seed48(words)`: sets x, restores the standard a and c; returns the buffer holding the
/// previous x.
pub fn seed48(words: [u16; 3]) -> *mut u16 {
    SHARED.lock.with(|| {
        // SAFETY: lock held.
        let (g, old) = unsafe { (&mut *SHARED.lcg.get(), &mut *SHARED.old.get()) };
        *old = to_words(g.x);
        *g = Lcg { x: from_words(words), a: A, c: C };
        old.as_mut_ptr()
    })
}

/// `lcong48(param)`: x from words 0-2, a from words 3-5, c from word 6.
pub fn lcong48(param: [u16; 7]) {
    let [x0, x1, x2, a0, a1, a2, c] = param;
    with(|g| *g = Lcg { x: from_words([x0, x1, x2]), a: from_words([a0, a1, a2]), c: c as u64 })
}
