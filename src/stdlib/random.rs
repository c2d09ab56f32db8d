//! `random`/`srandom`/`initstate`/`setstate`, `rand`/`srand` and `rand_r`, with glibc's
//! algorithms, so a seed gives the same sequence as under glibc.
//!
//! `random` is an additive feedback generator over a table of `deg` 32-bit words:
//! `t[i] += t[i - sep]` (indices modulo `deg`), returning the sum without its low bit; the
//! front index `f` runs `sep` ahead of the rear `r`. Seeding fills the table from the seed
//! with the "minimal standard" LCG (16807 mod 2^31 - 1, Schrage's method) and discards
//! `10 * deg` outputs. The size of an `initstate` buffer picks the table: 8 bytes or more a
//! plain LCG (`TYPE_0`), 32 `deg` 7, 64 15, 128 31 (the default), 256 63. Word 0 of a state
//! buffer records the type and the rear index (`5 * r + type`), as glibc's, so `setstate`
//! accepts buffers from either library's `initstate`. `rand` is `random`; `rand_r` is glibc's
//! own three-step LCG over the caller's seed.

use crate::sync::lock::RawLock;
use core::cell::UnsafeCell;

/// (degree, separation) of each type.
const TYPES: [(usize, usize); 5] = [(0, 0), (7, 3), (15, 1), (31, 3), (63, 1)];
const MAX_TYPES: i32 = 5;

/// The generator: a table of `deg` words at `state` (word -1 is the header), and indices.
struct Generator {
    state: *mut i32,
    kind: usize,
    front: usize,
    rear: usize,
    /// Whether `state` is set (before the first use it is the default table, seeded with 1).
    ready: bool,
}

struct Shared {
    lock: RawLock,
    generator: UnsafeCell<Generator>,
    /// The default table: header and 31 words.
    table: UnsafeCell<[i32; 32]>,
}

// SAFETY: `generator` and `table` are only touched with `lock` held.
unsafe impl Sync for Shared {}

static SHARED: Shared = Shared {
    lock: RawLock::new(),
    generator: UnsafeCell::new(Generator { state: core::ptr::null_mut(), kind: 3, front: 0, rear: 0, ready: false }),
    table: UnsafeCell::new([0; 32]),
};

impl Generator {
    fn degree(&self) -> usize {
        TYPES[self.kind].0
    }

    /// Word `i` of the table.
    ///
    /// # Safety
    /// `state` valid for `degree` words (or 1 for type 0).
    unsafe fn word(&self, i: usize) -> *mut i32 {
        // SAFETY: per the contract.
        unsafe { self.state.add(i) }
    }

    /// The next output.
    fn next(&mut self) -> i32 {
        // SAFETY: `state` is the live table of `degree` words (1 for type 0), and `front`
        // and `rear` stay below the degree.
        unsafe {
            if self.kind == 0 {
                let v = ((*self.word(0) as u32).wrapping_mul(1_103_515_245).wrapping_add(12345) & 0x7fff_ffff) as i32;
                *self.word(0) = v;
                return v;
            }
            let deg = self.degree();
            let sum = (*self.word(self.front) as u32).wrapping_add(*self.word(self.rear) as u32);
            *self.word(self.front) = sum as i32;
            self.front += 1;
            if self.front >= deg {
                self.front = 0;
                self.rear += 1;
            } else {
                self.rear += 1;
                if self.rear >= deg {
                    self.rear = 0;
                }
            }
            (sum >> 1) as i32
        }
    }

    /// `srandom(seed)` on the current table.
    fn seed(&mut self, seed: u32) {
        let seed = if seed == 0 { 1 } else { seed };
        // SAFETY: as in `next`.
        unsafe { *self.word(0) = seed as i32 };
        if self.kind == 0 {
            return;
        }
        let deg = self.degree();
        let mut word = seed as i64;
        for i in 1..deg {
            let (hi, lo) = (word / 127_773, word % 127_773);
            word = 16807 * lo - 2836 * hi;
            if word < 0 {
                word += 2_147_483_647;
            }
            // SAFETY: `i` is below the degree.
            unsafe { *self.word(i) = word as i32 };
        }
        self.front = TYPES[self.kind].1;
        self.rear = 0;
        for _ in 0..10 * deg {
            self.next();
        }
    }

    /// Records type and rear index in the header word of the current table.
    fn save(&mut self) {
        let header = if self.kind == 0 { 0 } else { MAX_TYPES * self.rear as i32 + self.kind as i32 };
        // SAFETY: every table has its header word just before it.
        unsafe { *self.state.sub(1) = header };
    }
}

/// The table type for a state buffer of `size` bytes (`None` below 8).
fn kind_for(size: usize) -> Option<usize> {
    Some(match size {
        0..8 => return None,
        8..32 => 0,
        32..64 => 1,
        64..128 => 2,
        128..256 => 3,
        _ => 4,
    })
}

/// A state buffer's header word: type and rear index, if valid.
fn decode(header: i32) -> Option<(usize, usize)> {
    let kind = header.rem_euclid(MAX_TYPES) as usize;
    let rear = (header / MAX_TYPES) as usize;
    if header < 0 || (kind != 0 && rear >= TYPES[kind].0) {
        return None;
    }
    Some((kind, rear))
}

/// Runs `f` on the generator, with the lock held; the default table seeded with 1 first.
fn with<R>(f: impl FnOnce(&mut Generator) -> R) -> R {
    SHARED.lock.with(|| {
        // SAFETY: the lock is held, so nothing else touches the generator or the table.
        let g = unsafe { &mut *SHARED.generator.get() };
        if !g.ready {
            // SAFETY: as above; the default table's words after the header.
            g.state = unsafe { (*SHARED.table.get()).as_mut_ptr().add(1) };
            g.kind = 3;
            g.ready = true;
            g.seed(1);
        }
        f(g)
    })
}

/// `random()`: 0 to 2^31 - 1.
pub fn random() -> i32 {
    with(Generator::next)
}

/// `srandom(seed)`.
pub fn srandom(seed: u32) {
    with(|g| g.seed(seed))
}

/// `initstate(seed, buf, size)`: generates from `buf` from now on; returns the previous
/// state buffer, or `None` (`EINVAL`) for a buffer under 8 bytes.
///
/// # Safety
/// `buf` valid and 4-byte aligned for `size` bytes, and kept alive while in use.
pub unsafe fn initstate(seed: u32, buf: *mut u8, size: usize) -> Option<*mut u8> {
    let kind = kind_for(size)?;
    Some(with(|g| {
        g.save();
        // SAFETY: the old table's header is the word before it.
        let old = unsafe { g.state.sub(1) }.cast::<u8>();
        // SAFETY: the caller's buffer; its first word is the header.
        g.state = unsafe { buf.cast::<i32>().add(1) };
        g.kind = kind;
        g.seed(seed);
        g.save();
        old
    }))
}

/// `setstate(buf)`: generates from a buffer that `initstate` prepared (and a previous
/// `setstate` or `initstate` left); returns the previous buffer, or `None` (`EINVAL`) when
/// its header names no type.
///
/// # Safety
/// `buf` a state buffer from `initstate`, still alive.
pub unsafe fn setstate(buf: *mut u8) -> Option<*mut u8> {
    with(|g| {
        // SAFETY: the buffer starts with its header word.
        let header = unsafe { buf.cast::<i32>().read() };
        let (kind, rear) = decode(header)?;
        let (deg, sep) = TYPES[kind];
        g.save();
        // SAFETY: the old table's header is the word before it.
        let old = unsafe { g.state.sub(1) }.cast::<u8>();
        // SAFETY: the caller's buffer, past its header.
        g.state = unsafe { buf.cast::<i32>().add(1) };
        g.kind = kind;
        if kind != 0 {
            g.rear = rear;
            g.front = (rear + sep) % deg;
        }
        Some(old)
    })
}

/// `rand_r(seed)`: glibc's reentrant generator, 0 to 2^31 - 1.
pub fn rand_r(seed: &mut u32) -> i32 {
    let mut next = *seed;
    let mut step = || {
        next = next.wrapping_mul(1_103_515_245).wrapping_add(12345);
        next / 65536
    };
    let mut result = step() % 2048;
    result = (result << 10) ^ (step() % 1024);
    result = (result << 10) ^ (step() % 1024);
    *seed = next;
    result as i32
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn glibc_sequences() {
        // glibc 2.36: srand(1); rand() x3, and rand_r from seed 1.
        srandom(1);
        assert_eq!([random(), random(), random()], [1804289383, 846930886, 1681692777]);
        let mut s = 1;
        assert_eq!(rand_r(&mut s), 476707713);
    }
}

/// glibc's `struct random_data`, the caller-owned state of `random_r` and relatives.
#[repr(C)]
pub struct RandomData {
    fptr: *mut i32,
    rptr: *mut i32,
    state: *mut i32,
    rand_type: i32,
    rand_deg: i32,
    rand_sep: i32,
    end_ptr: *mut i32,
}

impl RandomData {
    /// The generator this structure describes (`None` before `initstate_r`).
    fn generator(&self) -> Option<Generator> {
        if self.state.is_null() || !(0..5).contains(&self.rand_type) {
            return None;
        }
        let index = |p: *mut i32| (p as usize).wrapping_sub(self.state as usize) / 4;
        Some(Generator { state: self.state, kind: self.rand_type as usize, front: index(self.fptr), rear: index(self.rptr), ready: true })
    }

    /// Stores `g` back.
    fn store(&mut self, g: &Generator) {
        let (deg, sep) = TYPES[g.kind];
        self.state = g.state;
        self.rand_type = g.kind as i32;
        self.rand_deg = deg as i32;
        self.rand_sep = sep as i32;
        self.fptr = g.state.wrapping_add(g.front);
        self.rptr = g.state.wrapping_add(g.rear);
        self.end_ptr = g.state.wrapping_add(deg);
    }
}

/// `random_r(buf)`: the next number of the caller's generator; `EINVAL` if it has none.
///
/// # Safety
/// `buf` describes a live state buffer (from `initstate_r`).
pub unsafe fn random_r(buf: &mut RandomData) -> Option<i32> {
    let mut g = buf.generator()?;
    let v = g.next();
    buf.store(&g);
    Some(v)
}

/// `srandom_r(seed, buf)`.
///
/// # Safety
/// As `random_r`.
pub unsafe fn srandom_r(seed: u32, buf: &mut RandomData) -> Option<()> {
    let mut g = buf.generator()?;
    g.seed(seed);
    buf.store(&g);
    Some(())
}

/// `initstate_r(seed, state, size, buf)`: the caller's generator over `state` (the previous
/// buffer, if any, keeps its position in its header); `None` (`EINVAL`) below 8 bytes.
///
/// # Safety
/// `state` valid and 4-byte aligned for `size` bytes while in use; `buf.state` null or a
/// live buffer.
pub unsafe fn initstate_r(seed: u32, state: *mut u8, size: usize, buf: &mut RandomData) -> Option<()> {
    let kind = kind_for(size)?;
    if let Some(mut old) = buf.generator() {
        old.save();
    }
    // SAFETY: the caller's buffer; its first word is the header.
    let mut g = Generator { state: unsafe { state.cast::<i32>().add(1) }, kind, front: 0, rear: 0, ready: true };
    g.seed(seed);
    g.save();
    buf.store(&g);
    Some(())
}

/// `setstate_r(state, buf)`: the caller's generator continues from `state`.
///
/// # Safety
/// `state` a buffer from `initstate`/`initstate_r`, alive; `buf.state` null or live.
pub unsafe fn setstate_r(state: *mut u8, buf: &mut RandomData) -> Option<()> {
    if let Some(mut old) = buf.generator() {
        old.save();
    }
    // SAFETY: the buffer starts with its header word.
    let header = unsafe { state.cast::<i32>().read() };
    let (kind, rear) = decode(header)?;
    let (deg, sep) = TYPES[kind];
    // SAFETY: the caller's buffer, past its header.
    let table = unsafe { state.cast::<i32>().add(1) };
    let g = Generator { state: table, kind, front: if kind == 0 { 0 } else { (rear + sep) % deg }, rear, ready: true };
    buf.store(&g);
    Some(())
}
