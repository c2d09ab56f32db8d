//! `struct termios` as glibc lays it out, and its exchange with the kernel's.
//!
//! glibc's structure (60 bytes) is the kernel's `TCGETS`/`TCSETS` one (36 bytes: four flag
//! words, the line discipline and 19 control characters) followed by 13 more control
//! characters and the two speed words. The kernel's layout is a prefix of glibc's, so
//! [`get`] lets the kernel write the caller's structure directly (a bad address is `EFAULT`),
//! then does what glibc's `tcgetattr` does with the rest: control characters 19..32 are
//! `_POSIX_VDISABLE` (0) and both speed words are the `Bxxx` code in `c_cflag`.
//!
//! Speeds are `Bxxx` codes (`B9600` is 13, not 9600), kept in `c_cflag`'s `CBAUD` bits as the
//! kernel wants them. An input speed of 0 ("same as the output speed") cannot be expressed
//! in `c_cflag`; glibc marks it with the `IBAUD0` bit of `c_iflag`, which `cfgetispeed`
//! reads and [`set`] clears before the kernel sees the flags. Programs compiled against
//! glibc's headers see exactly that behaviour here.

use super::ioctl;
use core::ffi::c_int;
use libc::{speed_t, tcflag_t, termios};
use rustix::io::Errno;

/// The control characters the kernel keeps (`__KERNEL_NCCS`).
const KERNEL_NCCS: usize = 19;

/// glibc's private `c_iflag` bit for "input speed 0" (see the module documentation).
const IBAUD0: tcflag_t = 0o20000000000;

/// The bits of `c_cflag` that hold the speed code.
const SPEED_BITS: tcflag_t = libc::CBAUD | libc::CBAUDEX;

/// The kernel's `struct termios`, for `TCSETS`.
#[repr(C)]
struct KernelTermios {
    c_iflag: tcflag_t,
    c_oflag: tcflag_t,
    c_cflag: tcflag_t,
    c_lflag: tcflag_t,
    c_line: u8,
    c_cc: [u8; KERNEL_NCCS],
}

/// `tcgetattr(fd, out)`.
///
/// # Safety
/// `out` must point at a `struct termios` the caller may write, or be an address the kernel
/// refuses (`EFAULT`).
pub unsafe fn get(fd: c_int, out: *mut termios) -> Result<(), Errno> {
    // SAFETY: the kernel writes its 36-byte structure, a prefix of glibc's, or answers EFAULT.
    unsafe { ioctl(fd, libc::TCGETS, out as usize) }?;
    // SAFETY: the kernel just wrote the start of the structure, so `out` is a writable
    // `struct termios` per the contract.
    let t = unsafe { &mut *out };
    t.c_cc[KERNEL_NCCS..].fill(0);
    t.c_ispeed = t.c_cflag & SPEED_BITS;
    t.c_ospeed = t.c_cflag & SPEED_BITS;
    Ok(())
}

/// `tcsetattr(fd, action, t)`: `TCSANOW` now, `TCSADRAIN` after the output queue drained,
/// `TCSAFLUSH` after that and discarding unread input; another action is `EINVAL`.
pub fn set(fd: c_int, action: c_int, t: &termios) -> Result<(), Errno> {
    let request = match action {
        libc::TCSANOW => libc::TCSETS,
        libc::TCSADRAIN => libc::TCSETSW,
        libc::TCSAFLUSH => libc::TCSETSF,
        _ => return Err(Errno::INVAL),
    };
    let mut k = KernelTermios {
        c_iflag: t.c_iflag & !IBAUD0,
        c_oflag: t.c_oflag,
        c_cflag: t.c_cflag,
        c_lflag: t.c_lflag,
        c_line: t.c_line,
        c_cc: [0; KERNEL_NCCS],
    };
    k.c_cc.copy_from_slice(&t.c_cc[..KERNEL_NCCS]);
    // SAFETY: the kernel reads the local structure.
    unsafe { ioctl(fd, request, (&raw const k) as usize) }.map(|_| ())
}

/// `cfmakeraw(t)`: no input or output processing, no echo, no signals, 8-bit characters,
/// reads return after one byte.
pub fn make_raw(t: &mut termios) {
    t.c_iflag &= !(libc::IGNBRK | libc::BRKINT | libc::PARMRK | libc::ISTRIP | libc::INLCR | libc::IGNCR | libc::ICRNL | libc::IXON);
    t.c_oflag &= !libc::OPOST;
    t.c_lflag &= !(libc::ECHO | libc::ECHONL | libc::ICANON | libc::ISIG | libc::IEXTEN);
    t.c_cflag &= !(libc::CSIZE | libc::PARENB);
    t.c_cflag |= libc::CS8;
    t.c_cc[libc::VMIN] = 1;
    t.c_cc[libc::VTIME] = 0;
}

/// `cfgetospeed(t)`.
pub fn output_speed(t: &termios) -> speed_t {
    t.c_cflag & SPEED_BITS
}

/// `cfgetispeed(t)`: 0 when it was set to 0, else the output speed.
pub fn input_speed(t: &termios) -> speed_t {
    if t.c_iflag & IBAUD0 != 0 { 0 } else { t.c_cflag & SPEED_BITS }
}

/// Whether `speed` is a `Bxxx` code: `B0`..`B38400`, or `B57600`..`B4000000`.
fn valid(speed: speed_t) -> Result<(), Errno> {
    if speed & !libc::CBAUD != 0 && !(libc::B57600..=libc::B4000000).contains(&speed) {
        return Err(Errno::INVAL);
    }
    Ok(())
}

/// `cfsetospeed(t, speed)`.
pub fn set_output_speed(t: &mut termios, speed: speed_t) -> Result<(), Errno> {
    valid(speed)?;
    t.c_ospeed = speed;
    t.c_cflag = (t.c_cflag & !SPEED_BITS) | speed;
    Ok(())
}

/// `cfsetispeed(t, speed)`: 0 means "as the output speed" and leaves `c_cflag` alone.
pub fn set_input_speed(t: &mut termios, speed: speed_t) -> Result<(), Errno> {
    valid(speed)?;
    t.c_ispeed = speed;
    if speed == 0 {
        t.c_iflag |= IBAUD0;
    } else {
        t.c_iflag &= !IBAUD0;
        t.c_cflag = (t.c_cflag & !SPEED_BITS) | speed;
    }
    Ok(())
}

/// Each speed in bits per second and its `Bxxx` code, for `cfsetspeed`.
const SPEEDS: [(speed_t, speed_t); 31] = [
    (0, libc::B0),
    (50, libc::B50),
    (75, libc::B75),
    (110, libc::B110),
    (134, libc::B134),
    (150, libc::B150),
    (200, libc::B200),
    (300, libc::B300),
    (600, libc::B600),
    (1200, libc::B1200),
    (1800, libc::B1800),
    (2400, libc::B2400),
    (4800, libc::B4800),
    (9600, libc::B9600),
    (19200, libc::B19200),
    (38400, libc::B38400),
    (57600, libc::B57600),
    (115200, libc::B115200),
    (230400, libc::B230400),
    (460800, libc::B460800),
    (500000, libc::B500000),
    (576000, libc::B576000),
    (921600, libc::B921600),
    (1000000, libc::B1000000),
    (1152000, libc::B1152000),
    (1500000, libc::B1500000),
    (2000000, libc::B2000000),
    (2500000, libc::B2500000),
    (3000000, libc::B3000000),
    (3500000, libc::B3500000),
    (4000000, libc::B4000000),
];

/// `cfsetspeed(t, speed)`: both speeds, given as a `Bxxx` code or, as glibc also accepts, in
/// bits per second (no number is both but 0, which is `B0` either way).
pub fn set_speed(t: &mut termios, speed: speed_t) -> Result<(), Errno> {
    let (_, code) = *SPEEDS.iter().find(|&&(bps, code)| speed == code || speed == bps).ok_or(Errno::INVAL)?;
    set_input_speed(t, code)?;
    set_output_speed(t, code)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn zeroed() -> termios {
        // SAFETY: all-zero is a valid `struct termios` (integers only).
        unsafe { core::mem::zeroed() }
    }

    #[test]
    fn speeds_round_trip() {
        let mut t = zeroed();
        set_output_speed(&mut t, libc::B9600).unwrap();
        set_input_speed(&mut t, libc::B115200).unwrap();
        assert_eq!(output_speed(&t), libc::B115200);
        assert_eq!(input_speed(&t), libc::B115200);
        set_input_speed(&mut t, 0).unwrap();
        assert_eq!(input_speed(&t), 0);
        assert_eq!(output_speed(&t), libc::B115200);
        assert_eq!(set_output_speed(&mut t, 9600), Err(Errno::INVAL));
        assert_eq!(set_input_speed(&mut t, libc::B4000000 + 1), Err(Errno::INVAL));
    }

    #[test]
    fn set_speed_takes_codes_and_rates() {
        let mut t = zeroed();
        set_speed(&mut t, 9600).unwrap();
        assert_eq!(output_speed(&t), libc::B9600);
        set_speed(&mut t, libc::B57600).unwrap();
        assert_eq!(input_speed(&t), libc::B57600);
        // 1 is B50's code, not 1 bit per second; 12345 is neither.
        set_speed(&mut t, 1).unwrap();
        assert_eq!(output_speed(&t), libc::B50);
        assert_eq!(set_speed(&mut t, 12345), Err(Errno::INVAL));
    }

    #[test]
    fn raw_mode() {
        let mut t = zeroed();
        t.c_lflag = libc::ECHO | libc::ICANON | libc::ISIG;
        t.c_cflag = libc::PARENB | libc::CS7;
        make_raw(&mut t);
        assert_eq!(t.c_lflag, 0);
        assert_eq!(t.c_cflag, libc::CS8);
        assert_eq!(t.c_cc[libc::VMIN], 1);
    }

    #[test]
    fn kernel_layout_is_a_prefix() {
        assert_eq!(core::mem::size_of::<KernelTermios>(), 36);
        assert_eq!(core::mem::offset_of!(termios, c_cc), core::mem::offset_of!(KernelTermios, c_cc));
        assert_eq!(core::mem::size_of::<termios>(), 60);
    }
}
