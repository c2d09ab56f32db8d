//! Growable buffers from the library's allocator, for building paths and lists of names.

use crate::alloc;
use core::ffi::c_char;
use rustix::io::Errno;

/// A byte string that always has room for, and keeps, a terminating NUL.
pub struct Path {
    block: *mut u8,
    len: usize,
    capacity: usize,
}

impl Path {
    /// A path holding `bytes`.
    pub fn from(bytes: &[u8]) -> Result<Path, Errno> {
        let mut p = Path { block: core::ptr::null_mut(), len: 0, capacity: 0 };
        p.push(bytes)?;
        Ok(p)
    }

    /// Appends `bytes`.
    pub fn push(&mut self, bytes: &[u8]) -> Result<(), Errno> {
        let need = self.len.checked_add(bytes.len()).and_then(|n| n.checked_add(1)).ok_or(Errno::NOMEM)?;
        if need > self.capacity {
            let capacity = need.max(self.capacity * 2).max(32);
            // SAFETY: `block` is null or our live block.
            let grown = unsafe { alloc::reallocate(self.block, capacity) };
            if grown.is_null() {
                return Err(Errno::NOMEM);
            }
            self.block = grown;
            self.capacity = capacity;
        }
        // SAFETY: room for the bytes and the NUL was made above.
        unsafe {
            core::ptr::copy_nonoverlapping(bytes.as_ptr(), self.block.add(self.len), bytes.len());
            self.block.add(self.len + bytes.len()).write(0);
        }
        self.len += bytes.len();
        Ok(())
    }

    /// Drops the bytes after the first `len`.
    pub fn truncate(&mut self, len: usize) {
        if len < self.len {
            self.len = len;
            // SAFETY: `len` is inside the block.
            unsafe { self.block.add(len).write(0) };
        }
    }

    /// The bytes, without the NUL.
    pub fn bytes(&self) -> &[u8] {
        if self.block.is_null() {
            return &[];
        }
        // SAFETY: `len` initialised bytes of our block.
        unsafe { core::slice::from_raw_parts(self.block, self.len) }
    }

    /// The NUL-terminated string (valid until the path changes).
    pub fn as_c(&self) -> *const c_char {
        self.block.cast()
    }

    /// The NUL-terminated block, now the caller's to free.
    pub fn into_raw(self) -> *mut c_char {
        let block = self.block;
        core::mem::forget(self);
        block.cast()
    }
}

impl Drop for Path {
    fn drop(&mut self) {
        // SAFETY: null or our live block, which nobody else has.
        unsafe { alloc::deallocate(self.block) };
    }
}

/// A list of allocated C strings that it owns.
pub struct Names {
    items: *mut *mut c_char,
    len: usize,
    capacity: usize,
}

impl Names {
    pub const fn new() -> Names {
        Names { items: core::ptr::null_mut(), len: 0, capacity: 0 }
    }

    /// Takes `name` (a block from the allocator) into the list.
    pub fn push(&mut self, name: Path) -> Result<(), Errno> {
        if self.len == self.capacity {
            let capacity = (self.capacity * 2).max(8);
            let size = capacity.checked_mul(size_of::<*mut c_char>()).ok_or(Errno::NOMEM)?;
            // SAFETY: null or our live block.
            let grown = unsafe { alloc::reallocate(self.items.cast(), size) };
            if grown.is_null() {
                return Err(Errno::NOMEM);
            }
            self.items = grown.cast();
            self.capacity = capacity;
        }
        // SAFETY: `len < capacity` slots.
        unsafe { self.items.add(self.len).write(name.into_raw()) };
        self.len += 1;
        Ok(())
    }

    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The strings, each NUL-terminated.
    pub fn as_slice(&self) -> &[*mut c_char] {
        if self.items.is_null() {
            return &[];
        }
        // SAFETY: `len` initialised slots.
        unsafe { core::slice::from_raw_parts(self.items, self.len) }
    }

    pub fn as_mut_slice(&mut self) -> &mut [*mut c_char] {
        if self.items.is_null() {
            return &mut [];
        }
        // SAFETY: `len` initialised slots that we own.
        unsafe { core::slice::from_raw_parts_mut(self.items, self.len) }
    }

    /// The name at `i` as bytes.
    pub fn get(&self, i: usize) -> &[u8] {
        match self.as_slice().get(i) {
            // SAFETY: every slot holds a NUL-terminated string of ours.
            Some(&s) => unsafe { core::ffi::CStr::from_ptr(s) }.to_bytes(),
            None => &[],
        }
    }

    /// Puts `name` at `i` in place of the string there, which is freed.
    pub fn replace(&mut self, i: usize, name: Path) {
        if let Some(slot) = self.as_mut_slice().get_mut(i) {
            let old = core::mem::replace(slot, name.into_raw());
            // SAFETY: the old string was ours.
            unsafe { alloc::deallocate(old.cast()) };
        }
    }

    /// The strings, now the caller's to free (the list is left empty).
    pub fn take_all(&mut self, mut each: impl FnMut(*mut c_char)) {
        for &s in self.as_slice() {
            each(s);
        }
        self.len = 0;
    }
}

impl Default for Names {
    fn default() -> Self {
        Self::new()
    }
}

impl Drop for Names {
    fn drop(&mut self) {
        for &s in self.as_slice() {
            // SAFETY: each string is ours.
            unsafe { alloc::deallocate(s.cast()) };
        }
        // SAFETY: null or our block.
        unsafe { alloc::deallocate(self.items.cast()) };
    }
}
