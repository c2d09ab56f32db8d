//! glibc's texts for `errno` values, as `strerror` and `%m` print them (glibc 2.36, Linux
//! x86_64). Numbers without a text (41, 58, and from 134 on) print as `Unknown error N`.

/// The message for each number below 134; empty where there is none.
const MESSAGES: [&[u8]; 134] = [
    b"Success", // 0
    b"Operation not permitted", // EPERM
    b"No such file or directory", // ENOENT
    b"No such process", // ESRCH
    b"Interrupted system call", // EINTR
    b"Input/output error", // EIO
    b"No such device or address", // ENXIO
    b"Argument list too long", // E2BIG
    b"Exec format error", // ENOEXEC
    b"Bad file descriptor", // EBADF
    b"No child processes", // ECHILD
    b"Resource temporarily unavailable", // EAGAIN
    b"Cannot allocate memory", // ENOMEM
    b"Permission denied", // EACCES
    b"Bad address", // EFAULT
    b"Block device required", // ENOTBLK
    b"Device or resource busy", // EBUSY
    b"File exists", // EEXIST
    b"Invalid cross-device link", // EXDEV
    b"No such device", // ENODEV
    b"Not a directory", // ENOTDIR
    b"Is a directory", // EISDIR
    b"Invalid argument", // EINVAL
    b"Too many open files in system", // ENFILE
    b"Too many open files", // EMFILE
    b"Inappropriate ioctl for device", // ENOTTY
    b"Text file busy", // ETXTBSY
    b"File too large", // EFBIG
    b"No space left on device", // ENOSPC
    b"Illegal seek", // ESPIPE
    b"Read-only file system", // EROFS
    b"Too many links", // EMLINK
    b"Broken pipe", // EPIPE
    b"Numerical argument out of domain", // EDOM
    b"Numerical result out of range", // ERANGE
    b"Resource deadlock avoided", // EDEADLK
    b"File name too long", // ENAMETOOLONG
    b"No locks available", // ENOLCK
    b"Function not implemented", // ENOSYS
    b"Directory not empty", // ENOTEMPTY
    b"Too many levels of symbolic links", // ELOOP
    b"",
    b"No message of desired type", // ENOMSG
    b"Identifier removed", // EIDRM
    b"Channel number out of range", // ECHRNG
    b"Level 2 not synchronized", // EL2NSYNC
    b"Level 3 halted", // EL3HLT
    b"Level 3 reset", // EL3RST
    b"Link number out of range", // ELNRNG
    b"Protocol driver not attached", // EUNATCH
    b"No CSI structure available", // ENOCSI
    b"Level 2 halted", // EL2HLT
    b"Invalid exchange", // EBADE
    b"Invalid request descriptor", // EBADR
    b"Exchange full", // EXFULL
    b"No anode", // ENOANO
    b"Invalid request code", // EBADRQC
    b"Invalid slot", // EBADSLT
    b"",
    b"Bad font file format", // EBFONT
    b"Device not a stream", // ENOSTR
    b"No data available", // ENODATA
    b"Timer expired", // ETIME
    b"Out of streams resources", // ENOSR
    b"Machine is not on the network", // ENONET
    b"Package not installed", // ENOPKG
    b"Object is remote", // EREMOTE
    b"Link has been severed", // ENOLINK
    b"Advertise error", // EADV
    b"Srmount error", // ESRMNT
    b"Communication error on send", // ECOMM
    b"Protocol error", // EPROTO
    b"Multihop attempted", // EMULTIHOP
    b"RFS specific error", // EDOTDOT
    b"Bad message", // EBADMSG
    b"Value too large for defined data type", // EOVERFLOW
    b"Name not unique on network", // ENOTUNIQ
    b"File descriptor in bad state", // EBADFD
    b"Remote address changed", // EREMCHG
    b"Can not access a needed shared library", // ELIBACC
    b"Accessing a corrupted shared library", // ELIBBAD
    b".lib section in a.out corrupted", // ELIBSCN
    b"Attempting to link in too many shared libraries", // ELIBMAX
    b"Cannot exec a shared library directly", // ELIBEXEC
    b"Invalid or incomplete multibyte or wide character", // EILSEQ
    b"Interrupted system call should be restarted", // ERESTART
    b"Streams pipe error", // ESTRPIPE
    b"Too many users", // EUSERS
    b"Socket operation on non-socket", // ENOTSOCK
    b"Destination address required", // EDESTADDRREQ
    b"Message too long", // EMSGSIZE
    b"Protocol wrong type for socket", // EPROTOTYPE
    b"Protocol not available", // ENOPROTOOPT
    b"Protocol not supported", // EPROTONOSUPPORT
    b"Socket type not supported", // ESOCKTNOSUPPORT
    b"Operation not supported", // EOPNOTSUPP
    b"Protocol family not supported", // EPFNOSUPPORT
    b"Address family not supported by protocol", // EAFNOSUPPORT
    b"Address already in use", // EADDRINUSE
    b"Cannot assign requested address", // EADDRNOTAVAIL
    b"Network is down", // ENETDOWN
    b"Network is unreachable", // ENETUNREACH
    b"Network dropped connection on reset", // ENETRESET
    b"Software caused connection abort", // ECONNABORTED
    b"Connection reset by peer", // ECONNRESET
    b"No buffer space available", // ENOBUFS
    b"Transport endpoint is already connected", // EISCONN
    b"Transport endpoint is not connected", // ENOTCONN
    b"Cannot send after transport endpoint shutdown", // ESHUTDOWN
    b"Too many references: cannot splice", // ETOOMANYREFS
    b"Connection timed out", // ETIMEDOUT
    b"Connection refused", // ECONNREFUSED
    b"Host is down", // EHOSTDOWN
    b"No route to host", // EHOSTUNREACH
    b"Operation already in progress", // EALREADY
    b"Operation now in progress", // EINPROGRESS
    b"Stale file handle", // ESTALE
    b"Structure needs cleaning", // EUCLEAN
    b"Not a XENIX named type file", // ENOTNAM
    b"No XENIX semaphores available", // ENAVAIL
    b"Is a named type file", // EISNAM
    b"Remote I/O error", // EREMOTEIO
    b"Disk quota exceeded", // EDQUOT
    b"No medium found", // ENOMEDIUM
    b"Wrong medium type", // EMEDIUMTYPE
    b"Operation canceled", // ECANCELED
    b"Required key not available", // ENOKEY
    b"Key has expired", // EKEYEXPIRED
    b"Key has been revoked", // EKEYREVOKED
    b"Key was rejected by service", // EKEYREJECTED
    b"Owner died", // EOWNERDEAD
    b"State not recoverable", // ENOTRECOVERABLE
    b"Operation not possible due to RF-kill", // ERFKILL
    b"Memory page has hardware error", // EHWPOISON
];

/// glibc's message for `errno` value `e`, if it has one.
pub fn message(e: i32) -> Option<&'static [u8]> {
    MESSAGES.get(usize::try_from(e).ok()?).copied().filter(|m| !m.is_empty())
}
