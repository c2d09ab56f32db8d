//! Named semaphores (`sem_open`, `sem_close`, `sem_unlink`): a [`Semaphore`] in a file
//! `/dev/shm/sem.NAME` that every process opening the name maps shared, as glibc keeps them.
//!
//! A new semaphore is written in full to a temporary file, which is then hard-linked to the
//! name: a process that opens the name sees either no file or a complete one, never a
//! half-initialised semaphore. Opening the same file twice in one process returns the same
//! address (POSIX requires it), so the open mappings are kept in a list, keyed by device and
//! inode, with a count of opens; the last `sem_close` unmaps.

use super::lock::RawLock;
use super::semaphore::{Semaphore, VALUE_MAX};
use core::cell::UnsafeCell;
use core::ffi::{CStr, c_int, c_void};
use core::sync::atomic::AtomicU32;
use core::sync::atomic::Ordering::Relaxed;
use rustix::fd::{AsFd, OwnedFd};
use rustix::fs::{Mode, OFlags};
use rustix::io::Errno;

/// "/dev/shm/sem." and a name shorter than `NAME_MAX`, and the NUL.
const PATH_MAX: usize = 13 + 255 + 1;
const PREFIX: &[u8] = b"/dev/shm/sem.";

/// A path in `/dev/shm`, NUL-terminated in place.
struct Path {
    buf: [u8; PATH_MAX],
    len: usize,
}

impl Path {
    fn as_cstr(&self) -> &CStr {
        // The bytes before `len` come from a C string or are ours, so the first NUL is at
        // `len`, and the buffer is longer than any path we build.
        CStr::from_bytes_until_nul(&self.buf).unwrap_or(c"")
    }
}

/// The file of semaphore `name`: leading slashes dropped; an empty name, one of `NAME_MAX`
/// bytes or more, or one with another slash is `EINVAL`.
fn path_of(name: &CStr) -> Result<Path, Errno> {
    let bytes = name.to_bytes();
    let start = bytes.iter().position(|&b| b != b'/').unwrap_or(bytes.len());
    let name = &bytes[start..];
    if name.is_empty() || name.len() + 1 >= 255 || memchr::memchr(b'/', name).is_some() {
        return Err(Errno::INVAL);
    }
    let mut path = Path { buf: [0; PATH_MAX], len: PREFIX.len() + name.len() };
    path.buf[..PREFIX.len()].copy_from_slice(PREFIX);
    path.buf[PREFIX.len()..path.len].copy_from_slice(name);
    Ok(path)
}

/// A semaphore this process has mapped.
struct Mapping {
    dev: u64,
    ino: u64,
    sem: *mut Semaphore,
    opens: usize,
    next: *mut Mapping,
}

/// The mappings, guarded by their lock.
struct Registry {
    lock: RawLock,
    head: UnsafeCell<*mut Mapping>,
}

// SAFETY: `head` and the nodes behind it are only touched with `lock` held.
unsafe impl Sync for Registry {}

static REGISTRY: Registry = Registry { lock: RawLock::new(), head: UnsafeCell::new(core::ptr::null_mut()) };

/// Tells apart the temporary files this process creates.
static TEMP_SEQ: AtomicU32 = AtomicU32::new(0);

/// `sem_open(name, oflag, mode, value)`; `mode` and `value` count only with `O_CREAT`.
pub fn open(name: &CStr, oflag: c_int, mode: u32, value: u32) -> Result<*mut Semaphore, Errno> {
    let path = path_of(name)?;
    let fd = if oflag & libc::O_CREAT != 0 {
        if value > VALUE_MAX {
            return Err(Errno::INVAL);
        }
        create(&path, oflag & libc::O_EXCL != 0, mode, value)?
    } else {
        open_existing(&path)?
    };
    map(&fd)
}

fn open_existing(path: &Path) -> Result<OwnedFd, Errno> {
    rustix::fs::open(path.as_cstr(), OFlags::RDWR | OFlags::NOFOLLOW | OFlags::CLOEXEC, Mode::empty())
}

/// Opens the semaphore at `path`, creating it with `value` if it does not exist (`EEXIST`
/// if it does and `exclusive`).
fn create(path: &Path, exclusive: bool, mode: u32, value: u32) -> Result<OwnedFd, Errno> {
    loop {
        if !exclusive {
            match open_existing(path) {
                Err(Errno::NOENT) => {}
                other => return other,
            }
        }
        let (fd, temp) = new_temp_file(mode, value)?;
        let linked = rustix::fs::link(temp.as_cstr(), path.as_cstr());
        // The name now reaches the file if the link worked; the temporary name goes either way.
        let _ = rustix::fs::unlink(temp.as_cstr());
        match linked {
            Ok(()) => return Ok(fd),
            Err(Errno::EXIST) if !exclusive => continue,
            Err(e) => return Err(e),
        }
    }
}

/// A new file in `/dev/shm` holding an initialised process-shared semaphore.
fn new_temp_file(mode: u32, value: u32) -> Result<(OwnedFd, Path), Errno> {
    let sem = Semaphore::new(value, true);
    // SAFETY: a local nobody else can reach, read as the bytes the other processes will map.
    let bytes = unsafe { core::slice::from_raw_parts((&raw const sem).cast::<u8>(), size_of::<Semaphore>()) };
    loop {
        let path = temp_path();
        let flags = OFlags::RDWR | OFlags::CREATE | OFlags::EXCL | OFlags::NOFOLLOW | OFlags::CLOEXEC;
        let fd = match rustix::fs::open(path.as_cstr(), flags, Mode::from_bits_truncate(mode)) {
            Err(Errno::EXIST) => continue,
            other => other?,
        };
        let written = rustix::io::write(&fd, bytes);
        if written != Ok(bytes.len()) {
            let _ = rustix::fs::unlink(path.as_cstr());
            return Err(written.err().unwrap_or(Errno::NOSPC));
        }
        return Ok((fd, path));
    }
}

/// "/dev/shm/sem.tmp-PID-SEQ-NS": unique enough that `O_EXCL` rarely has to retry.
fn temp_path() -> Path {
    let mut path = Path { buf: [0; PATH_MAX], len: 0 };
    let mut push = |bytes: &[u8]| {
        path.buf[path.len..path.len + bytes.len()].copy_from_slice(bytes);
        path.len += bytes.len();
    };
    push(PREFIX);
    push(b"tmp-");
    let pid = rustix::process::getpid().as_raw_nonzero().get() as u64;
    // Relaxed: only needs to differ between calls.
    let seq = u64::from(TEMP_SEQ.fetch_add(1, Relaxed));
    let ns = rustix::time::clock_gettime(rustix::time::ClockId::Monotonic).tv_nsec as u64;
    for n in [pid, seq, ns] {
        let mut digits = [0u8; 20];
        let mut i = digits.len();
        let mut v = n;
        loop {
            i -= 1;
            digits[i] = b'0' + (v % 10) as u8;
            v /= 10;
            if v == 0 {
                break;
            }
        }
        push(&digits[i..]);
        push(b"-");
    }
    // Drop the last dash.
    path.len -= 1;
    path.buf[path.len] = 0;
    path
}

/// Maps the semaphore file `fd`, or finds it already mapped.
fn map(fd: &OwnedFd) -> Result<*mut Semaphore, Errno> {
    let stat = rustix::fs::fstat(fd)?;
    if (stat.st_size as usize) < size_of::<Semaphore>() {
        return Err(Errno::INVAL);
    }
    let (dev, ino) = (stat.st_dev, stat.st_ino);
    REGISTRY.lock.with(|| {
        // SAFETY: the list is ours while the lock is held.
        let head = unsafe { &mut *REGISTRY.head.get() };
        let mut node = *head;
        while !node.is_null() {
            // SAFETY: nodes in the list are live allocations, ours under the lock.
            let m = unsafe { &mut *node };
            if m.dev == dev && m.ino == ino {
                m.opens += 1;
                return Ok(m.sem);
            }
            node = m.next;
        }
        let record = crate::alloc::allocate(size_of::<Mapping>()).cast::<Mapping>();
        if record.is_null() {
            return Err(Errno::NOMEM);
        }
        // SAFETY: a shared mapping of the file; the kernel checks the descriptor.
        let sem = unsafe {
            rustix::mm::mmap(
                core::ptr::null_mut(),
                size_of::<Semaphore>(),
                rustix::mm::ProtFlags::READ | rustix::mm::ProtFlags::WRITE,
                rustix::mm::MapFlags::SHARED,
                fd.as_fd(),
                0,
            )
        };
        let sem = match sem {
            Ok(p) => p.cast::<Semaphore>(),
            Err(e) => {
                // SAFETY: allocated above and not yet shared.
                unsafe { crate::alloc::deallocate(record.cast()) };
                return Err(e);
            }
        };
        // SAFETY: a fresh allocation of the right size (the allocator aligns to 16).
        unsafe { record.write(Mapping { dev, ino, sem, opens: 1, next: *head }) };
        *head = record;
        Ok(sem)
    })
}

/// `sem_close(sem)`: `EINVAL` if `sem` did not come from `sem_open`.
pub fn close(sem: *mut Semaphore) -> Result<(), Errno> {
    REGISTRY.lock.with(|| {
        // SAFETY: the list is ours while the lock is held.
        let mut link: *mut *mut Mapping = REGISTRY.head.get();
        // SAFETY: `link` points at the head or at a live node's `next`.
        while let Some(m) = unsafe { (*link).as_mut() } {
            if m.sem == sem {
                m.opens -= 1;
                if m.opens == 0 {
                    // SAFETY: unlinking the node we are looking at, then freeing it; the
                    // mapping is no longer handed out.
                    unsafe {
                        *link = m.next;
                        let _ = rustix::mm::munmap(sem.cast::<c_void>(), size_of::<Semaphore>());
                        crate::alloc::deallocate((m as *mut Mapping).cast());
                    }
                }
                return Ok(());
            }
            link = &raw mut m.next;
        }
        Err(Errno::INVAL)
    })
}

/// `sem_unlink(name)`: an invalid name is `ENOENT`, as glibc has it.
pub fn unlink(name: &CStr) -> Result<(), Errno> {
    let path = path_of(name).map_err(|_| Errno::NOENT)?;
    rustix::fs::unlink(path.as_cstr())
}
