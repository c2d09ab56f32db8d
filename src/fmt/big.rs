//! Exact decimal expansions of binary floating values: `m * 2^e` as `D * 10^-k`, with the
//! integer `D = m * 2^e` (`k = 0`) when `e >= 0` and `D = m * 5^-e` (`k = -e`) when `e < 0`,
//! in base 10^9. Big enough for every x87 `long double` (the smallest subnormal has 11 514
//! digits) and a significand of up to 128 bits.

use rustix::io::Errno;

/// Limbs of 9 decimal digits.
const LIMBS: usize = 1300;
const BASE: u64 = 1_000_000_000;

/// A big decimal integer, least significant limb first.
pub struct Big {
    limbs: [u32; LIMBS],
    len: usize,
}

impl Big {
    fn new(mut m: u128) -> Big {
        let mut b = Big { limbs: [0; LIMBS], len: 0 };
        while m > 0 {
            if let Some(l) = b.limbs.get_mut(b.len) {
                *l = (m % BASE as u128) as u32;
            }
            m /= BASE as u128;
            b.len += 1;
        }
        b
    }

    /// `self *= f` for `f < 2^32`.
    fn mul(&mut self, f: u64) -> Result<(), Errno> {
        let mut carry = 0u64;
        for limb in self.limbs.iter_mut().take(self.len) {
            let v = *limb as u64 * f + carry;
            *limb = (v % BASE) as u32;
            carry = v / BASE;
        }
        while carry > 0 {
            *self.limbs.get_mut(self.len).ok_or(Errno::OVERFLOW)? = (carry % BASE) as u32;
            carry /= BASE;
            self.len += 1;
        }
        Ok(())
    }

    /// How many decimal digits (0 for zero).
    pub fn digits(&self) -> usize {
        let mut top = self.limbs.get(self.len.wrapping_sub(1)).copied().unwrap_or(0);
        let mut n = 0;
        while top > 0 {
            n += 1;
            top /= 10;
        }
        self.len.saturating_sub(1) * 9 + n
    }

    /// Digit `i` counted from the most significant (0) of `total`; 0 past the end.
    pub fn digit(&self, i: usize, total: usize) -> u8 {
        if i >= total {
            return 0;
        }
        let pos = total - 1 - i;
        let limb = self.limbs.get(pos / 9).copied().unwrap_or(0);
        (limb / 10u32.pow((pos % 9) as u32) % 10) as u8
    }
}

/// `m * 2^e` as `(D, k)`; `EOVERFLOW` beyond the capacity.
pub fn exact(m: u128, e: i64) -> Result<(Big, i64), Errno> {
    let mut d = Big::new(m);
    if e >= 0 {
        for _ in 0..e / 29 {
            d.mul(1 << 29)?;
        }
        d.mul(1 << (e % 29))?;
        Ok((d, 0))
    } else {
        let k = -e;
        for _ in 0..k / 13 {
            d.mul(1_220_703_125)?;
        }
        d.mul(5u64.pow((k % 13) as u32))?;
        Ok((d, k))
    }
}
